import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { tiktokFields } from '../../shared/errorItem';
import { ItemRunner } from '../../shared/itemRunner';
import { getTikTokClient, type TikTokShopClient } from '../../shared/tiktok';
import type { EvidenceOperation, WorkUnit } from './disputes/interfaces';
import * as buildPacket from './disputes/buildPackets';
import * as findCases from './disputes/findCases';
import * as submit from './disputes/submitEvidence';

export const operations: Record<string, EvidenceOperation> = {
	findCases: { ...findCases, errorOutput: 0 },
	buildPacket: { ...buildPacket, errorOutput: 0 },
	submit: { ...submit, errorOutput: submit.FAILED, alwaysRouteErrors: true },
};

export function outputCount(operation: string): number {
	return operation === 'submit' ? 3 : 1;
}

/** The case an error item is about, so an Error output or a Slack message can name it. */
function caseIdentity(json: IDataObject): IDataObject {
	const identity: IDataObject = {};
	for (const key of ['case_id', 'case_type', 'order_id', 'deadline'] as const)
		if (json[key] !== undefined) identity[key] = json[key];
	return identity;
}

/**
 * Operation → its execute, run by the shared item runner. Work comes in units (one item, or every item of one case
 * for Build Evidence Packet); every input item leaves paired on some output, never dropped. A failed unit's error
 * item also keeps the case it is about and, at the top level as before, its description, code and request_id, so an
 * Error output or a Slack message can name them.
 */
export async function execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	const items = this.getInputData();
	const operationName = this.getNodeParameter('operation', 0) as string;
	const operation = operations[operationName];
	if (!operation) throw new Error(`The operation "${operationName}" is not known`);
	let client: Promise<TikTokShopClient> | undefined;
	const getClient = () => {
		const options = this.getNodeParameter('requestOptions', 0, {}) as {
			requestsPerSecond?: number;
			maxRetries?: number;
		};
		client ??= getTikTokClient.call(this, {
			ratePerSecond: options.requestsPerSecond,
			maxRetries: options.maxRetries,
		});
		return client;
	};
	const runner = new ItemRunner(this, {
		outputs: outputCount(operationName),
		errorOutput: operation.errorOutput,
		alwaysRouteErrors: operation.alwaysRouteErrors,
		errorFields: (unit, nodeError) => ({
			...caseIdentity(items[unit[0]].json),
			description: nodeError.description ?? null,
			...tiktokFields(nodeError),
		}),
	});
	const units: WorkUnit[] = operation.units
		? operation.units.call(this, items)
		: items.map((_, itemIndex) => [itemIndex]);
	return await runner.eachUnit(
		units,
		async (unit) => await operation.execute.call(this, unit, getClient),
	);
}
