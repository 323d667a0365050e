import type { INodeProperties } from 'n8n-workflow';

import type { TikTokShopOperation } from '../../helpers/interfaces';
import * as getDeliveryOptions from './getDeliveryOptions.operation';
import * as getShippingProviders from './getShippingProviders.operation';
import * as getWarehouses from './getWarehouses.operation';

export const operations: Record<string, TikTokShopOperation> = {
	getWarehouses,
	getDeliveryOptions,
	getShippingProviders,
};

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['logistics'] } },
		options: [
			{
				name: 'Get Delivery Options',
				value: 'getDeliveryOptions',
				action: 'Get the delivery options of a warehouse',
			},
			{
				name: 'Get Shipping Providers',
				value: 'getShippingProviders',
				action: 'Get the shipping providers of a delivery option',
				description: 'The carriers (and their IDs) you can ship with for a delivery option',
			},
			{ name: 'Get Warehouses', value: 'getWarehouses', action: 'Get warehouses' },
		],
		default: 'getWarehouses',
	},
	...getDeliveryOptions.description,
	...getShippingProviders.description,
];
