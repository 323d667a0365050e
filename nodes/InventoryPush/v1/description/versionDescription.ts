import { NodeConnectionTypes, type INodeTypeDescription } from 'n8n-workflow';
import { shopParameter } from '../../../shared/tiktok/shopParameter';

import { REDIS_CREDENTIAL_NAME, storeProperty } from '../../../shared/storeSelection';
import { ledgerNameProperty, skuMappingProperties } from '../../../shared/stock/ledgerFields';
import { CREDENTIAL_NAME } from '../../../shared/tiktok';
import { optionFields } from './optionFields';
import { preOrderFields } from './preOrderFields';
import { ruleFields } from './ruleFields';
import { stockFields } from './stockFields';
import { warehouseFields } from './warehouseFields';
import { credentialsFirst } from '../../../shared/credentialsFirst';

export const OUTPUT_NAMES = ['Updated', 'Unchanged', 'To Check'];

export const versionDescription: Omit<
	INodeTypeDescription,
	'displayName' | 'name' | 'group' | 'description'
> & {
	version: number;
} = {
	version: 1,
	defaults: { name: 'Inventory Push' },
	inputs: [NodeConnectionTypes.Main],
	outputs: [NodeConnectionTypes.Main, NodeConnectionTypes.Main, NodeConnectionTypes.Main],
	outputNames: OUTPUT_NAMES,
	credentials: [
		{ name: CREDENTIAL_NAME, required: true },
		{
			name: REDIS_CREDENTIAL_NAME,
			required: true,
			testedBy: 'tikTokShopRedisTest',
			displayOptions: { show: { stateStore: ['redis'] } },
		},
	],
	properties: [
		credentialsFirst,
		shopParameter,
		{
			displayName:
				'Each item is one SKU. Only products with a changed SKU get an update call. Problems (unknown SKU, inactive product, bad input, TikTok refusals) go to the To Check output with the reason.',
			name: 'notice',
			type: 'notice',
			default: '',
		},
		storeProperty,
		...stockFields,
		ledgerNameProperty,
		...ruleFields,
		...warehouseFields,
		...preOrderFields,
		...skuMappingProperties(),
		optionFields,
	],
};
