import type { ILoadOptionsFunctions, INodePropertyOptions } from 'n8n-workflow';

import { getTikTokClient, toNodeError } from '../../../shared/tiktok';
import { fetchRejectReasons } from '../disputes/submit/rejectReasons';
import {
	credentialNotPickedYet,
	PICK_CREDENTIAL_FIRST,
} from '../../../shared/tiktok/pickCredentialFirst';

const AUTOMATIC: INodePropertyOptions = {
	name: 'Best Match for the Claim (Automatic)',
	value: 'auto',
	description: "Picks the reason that answers the packet's claim for each case",
};

/** TikTok lists reasons per case. Before a run the editor cannot resolve "Case ID" (it comes as null or as the raw expression): then only the automatic choice. */
export async function getRejectReasons(
	this: ILoadOptionsFunctions,
): Promise<INodePropertyOptions[]> {
	const caseId = String(this.getCurrentNodeParameter('caseId') ?? '').trim();
	if (!caseId || caseId.startsWith('=')) return [AUTOMATIC];
	if (await credentialNotPickedYet(this)) return [AUTOMATIC, PICK_CREDENTIAL_FIRST];
	try {
		const reasons = await fetchRejectReasons(await getTikTokClient.call(this), caseId);
		return [
			AUTOMATIC,
			...reasons.map((reason) => ({ name: reason.text || reason.name, value: reason.name })),
		];
	} catch (error) {
		throw toNodeError(this.getNode(), error);
	}
}
