import { NodeConnectionTypes, type INodeTypeDescription } from 'n8n-workflow';
import { shopParameter } from '../../../shared/tiktok/shopParameter';

import { CREDENTIAL_NAME } from '../../../shared/tiktok';
import { requestOptions } from '../../../shared/tiktok/requestOptions';
import * as buildPacket from './buildPacket.operation';
import * as findCases from './findCases.operation';
import * as submit from './submit.operation';
import { credentialsFirst } from '../../../shared/credentialsFirst';

/** Submit answers on three outputs; the other operations on one. */
const OUTPUTS: `={{${string}}}` = `={{ $parameter.operation === "submit" ? [{ "type": "${NodeConnectionTypes.Main}", "displayName": "Submitted" }, { "type": "${NodeConnectionTypes.Main}", "displayName": "Skipped" }, { "type": "${NodeConnectionTypes.Main}", "displayName": "Error" }] : ["${NodeConnectionTypes.Main}"] }}`;

export const versionDescription: Omit<
	INodeTypeDescription,
	'displayName' | 'name' | 'group' | 'description'
> & {
	version: number;
} = {
	version: 1,
	defaults: { name: 'TikTok Shop Evidence Submit' },
	inputs: [NodeConnectionTypes.Main],
	outputs: OUTPUTS,
	credentials: [
		// Build Evidence Packet calls TikTok only when asked to fetch the tracking history.
		{
			name: CREDENTIAL_NAME,
			required: true,
			displayOptions: {
				show: { operation: ['findCases', 'submit', 'buildPacket'] },
				hide: { trackingFromTikTok: [false] },
			},
		},
		{
			name: 'tikTokShopRedis',
			required: true,
			testedBy: 'tikTokShopRedisTest',
			displayOptions: { show: { stateStore: ['redis'] } },
		},
	],
	properties: [
		credentialsFirst,
		shopParameter,
		{
			displayName: 'Operation',
			name: 'operation',
			type: 'options',
			noDataExpression: true,
			options: [
				{
					name: 'Build Evidence Packet',
					value: 'buildPacket',
					action: 'Build an evidence packet',
					description:
						"Check the evidence against the claim's checklist, prepare the photos and render a one-page summary (PNG and PDF)",
				},
				{
					name: 'Find Cases Needing Action',
					value: 'findCases',
					action: 'Find cases needing action',
					description:
						'Returns, refunds and cancellations waiting for your answer, soonest deadline first',
				},
				{
					name: 'Submit',
					value: 'submit',
					action: 'Submit an evidence packet',
					description:
						'Upload the images and reject the return, refund or cancellation with the reason, the comment and the images',
				},
			],
			default: 'findCases',
		},
		{
			displayName:
				"TikTok's API has no dispute, chargeback or appeal endpoint. Evidence reaches TikTok only by rejecting a return, refund or cancellation with images; for arbitration and chargebacks the packet (PDF, photos, text) is for a manual upload in Seller Center.",
			name: 'apiNotice',
			type: 'notice',
			default: '',
		},
		...findCases.description,
		...buildPacket.description,
		...submit.description,
		{
			...requestOptions,
			displayOptions: {
				show: { operation: ['findCases', 'submit', 'buildPacket'] },
				hide: { trackingFromTikTok: [false] },
			},
		},
	],
};
