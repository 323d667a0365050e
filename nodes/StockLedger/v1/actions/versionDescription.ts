import { NodeConnectionTypes, type INodeTypeDescription } from 'n8n-workflow';

import { REDIS_CREDENTIAL_NAME, storeProperty } from '../../../shared/storeSelection';
import { ledgerNameProperty, skuMappingProperties } from '../../../shared/stock/ledgerFields';
import * as getStock from './getStock.operation';
import { skuProperty } from './fields';
import * as recordMovement from './recordMovement.operation';
import * as setOnHand from './setOnHand.operation';
import { credentialsFirst } from '../../../shared/credentialsFirst';

export const versionDescription: Omit<
	INodeTypeDescription,
	'displayName' | 'name' | 'group' | 'description'
> & {
	version: number;
} = {
	version: 1,
	defaults: { name: 'Stock Ledger' },
	usableAsTool: true,
	inputs: [NodeConnectionTypes.Main],
	outputs: [NodeConnectionTypes.Main],
	credentials: [
		{
			name: REDIS_CREDENTIAL_NAME,
			required: true,
			testedBy: 'tikTokShopRedisTest',
			displayOptions: { show: { stateStore: ['redis'] } },
		},
	],
	properties: [
		credentialsFirst,
		{
			displayName: 'Operation',
			name: 'operation',
			type: 'options',
			noDataExpression: true,
			options: [
				{
					name: 'Get Stock',
					value: 'getStock',
					action: 'Get stock and sales velocity',
					description: 'On hand, available and units sold per day over a window',
				},
				{
					name: 'Record Adjustment',
					value: 'recordAdjustment',
					action: 'Record a stock adjustment',
					description: 'Damaged, lost or found units',
				},
				{
					name: 'Record Cancellation',
					value: 'recordCancellation',
					action: 'Record a cancellation',
					description: 'Units of a cancelled order come back',
				},
				{
					name: 'Record Return',
					value: 'recordReturn',
					action: 'Record a return',
					description: 'Returned units come back',
				},
				{
					name: 'Record Sale',
					value: 'recordSale',
					action: 'Record a sale',
					description: 'A sale on any channel takes units, once per order line',
				},
				{
					name: 'Set On Hand',
					value: 'setOnHand',
					action: 'Set the quantity on hand',
					description: 'From a stock count, a WMS export or another channel',
				},
			],
			default: 'recordSale',
		},
		storeProperty,
		ledgerNameProperty,
		skuProperty,
		...setOnHand.description,
		...recordMovement.description,
		...getStock.description,
		...skuMappingProperties(),
	],
};
