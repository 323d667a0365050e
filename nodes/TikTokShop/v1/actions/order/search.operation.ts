import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import type { TikTokShopClient } from '../../../../shared/tiktok';
import { compact, maxItems, toUnixSeconds } from '../../../../shared/nodeParameters';
import { returnAllAndLimit } from '../common.descriptions';
import { ORDER_STATUSES, searchOrders } from '../../../../shared/tiktok/resources/orders';
import { ORDER_STATUS_NAMES, codeOptions } from '../../../../shared/optionNames';

const show = { resource: ['order'], operation: ['search'] };

export const description: INodeProperties[] = [
	...returnAllAndLimit('order', 'search', 10000),
	{
		displayName: 'Filters',
		name: 'filters',
		type: 'collection',
		placeholder: 'Add filter',
		default: {},
		displayOptions: { show },
		options: [
			{
				displayName: 'Order Status',
				name: 'orderStatus',
				type: 'options',
				options: codeOptions(ORDER_STATUSES, ORDER_STATUS_NAMES),
				default: 'AWAITING_SHIPMENT',
			},
			{ displayName: 'Created After', name: 'createdAfter', type: 'dateTime', default: '' },
			{ displayName: 'Created Before', name: 'createdBefore', type: 'dateTime', default: '' },
			{
				displayName: 'Updated After',
				name: 'updatedAfter',
				type: 'dateTime',
				default: '',
				description: 'For example {{ $now.minus({ hours: 24 }) }} for the last day',
			},
			{ displayName: 'Updated Before', name: 'updatedBefore', type: 'dateTime', default: '' },
			{
				displayName: 'Shipping Type',
				name: 'shippingType',
				type: 'options',
				options: [
					{ name: 'Seller Ships', value: 'SELLER' },
					{ name: 'TikTok Ships', value: 'TIKTOK' },
				],
				default: 'SELLER',
			},
			{ displayName: 'Buyer User ID', name: 'buyerUserId', type: 'string', default: '' },
		],
	},
	{
		displayName: 'Sort By',
		name: 'sortField',
		type: 'options',
		options: [
			{ name: 'Created Time', value: 'create_time' },
			{ name: 'Updated Time', value: 'update_time' },
		],
		default: 'create_time',
		displayOptions: { show },
	},
];

export async function execute(
	this: IExecuteFunctions,
	client: TikTokShopClient,
	itemIndex: number,
): Promise<IDataObject[]> {
	const filters = this.getNodeParameter('filters', itemIndex, {}) as IDataObject;
	const body = compact({
		order_status: filters.orderStatus,
		create_time_ge: toUnixSeconds(this, filters.createdAfter, 'Created After', itemIndex),
		create_time_lt: toUnixSeconds(this, filters.createdBefore, 'Created Before', itemIndex),
		update_time_ge: toUnixSeconds(this, filters.updatedAfter, 'Updated After', itemIndex),
		update_time_lt: toUnixSeconds(this, filters.updatedBefore, 'Updated Before', itemIndex),
		shipping_type: filters.shippingType,
		buyer_user_id: filters.buyerUserId,
	});
	const sortField = this.getNodeParameter('sortField', itemIndex, 'create_time') as string;
	return await searchOrders<IDataObject>(client, body, {
		sortField,
		maxItems: maxItems(this, itemIndex),
	});
}
