import { NodeConnectionTypes, type INodeTypeDescription } from 'n8n-workflow';
import { shopParameter } from '../../../shared/tiktok/shopParameter';

import { CREDENTIAL_NAME } from '../../../shared/tiktok';
import { shipDescription } from './ship/ship.description';
import { credentialsFirst } from '../../../shared/credentialsFirst';

export const versionDescription: Omit<
	INodeTypeDescription,
	'displayName' | 'name' | 'group' | 'description'
> & {
	version: number;
} = {
	version: 1,
	defaults: { name: 'TikTok Shop Ship Batcher' },
	inputs: [NodeConnectionTypes.Main],
	outputs: [NodeConnectionTypes.Main, NodeConnectionTypes.Main],
	outputNames: ['Shipped', 'To Check'],
	credentials: [
		{ name: CREDENTIAL_NAME, required: true },
		{
			name: 'tikTokShopRedis',
			required: true,
			testedBy: 'tikTokShopRedisTest',
			displayOptions: { show: { trackingHistory: ['redis'] } },
		},
	],
	properties: [credentialsFirst, shopParameter, ...shipDescription],
};
