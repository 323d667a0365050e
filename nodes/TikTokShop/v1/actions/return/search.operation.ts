import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import type { TikTokShopClient } from '../../../../shared/tiktok';
import { compact, maxItems, toUnixSeconds } from '../../../../shared/nodeParameters';
import { returnAllAndLimit } from '../common.descriptions';
import { RETURN_STATUSES, searchReturns } from '../../../../shared/tiktok/resources/returns';
import { RETURN_STATUS_NAMES, codeOptions } from '../../../../shared/optionNames';

export const description: INodeProperties[] = [
	...returnAllAndLimit('return', 'search', 10000),
	{
		displayName: 'Filters',
		name: 'filters',
		type: 'collection',
		placeholder: 'Add filter',
		default: {},
		displayOptions: { show: { resource: ['return'], operation: ['search'] } },
		options: [
			{
				displayName: 'Return Status',
				name: 'returnStatus',
				type: 'multiOptions',
				options: codeOptions(RETURN_STATUSES, RETURN_STATUS_NAMES),
				default: [],
			},
			{
				displayName: 'Return Type',
				name: 'returnTypes',
				type: 'multiOptions',
				options: [
					{ name: 'Refund Only', value: 'REFUND' },
					{ name: 'Return and Refund', value: 'RETURN_AND_REFUND' },
					{ name: 'Replacement', value: 'REPLACEMENT' },
				],
				default: [],
			},
			{
				displayName: 'Order IDs',
				name: 'orderIds',
				type: 'string',
				default: '',
				description: 'Comma-separated',
			},
			{ displayName: 'Created After', name: 'createdAfter', type: 'dateTime', default: '' },
			{ displayName: 'Updated After', name: 'updatedAfter', type: 'dateTime', default: '' },
		],
	},
];

export async function execute(
	this: IExecuteFunctions,
	client: TikTokShopClient,
	itemIndex: number,
): Promise<IDataObject[]> {
	const filters = this.getNodeParameter('filters', itemIndex, {}) as IDataObject;
	const body = compact({
		return_status: filters.returnStatus as string[] | undefined,
		return_types: filters.returnTypes as string[] | undefined,
		order_ids: filters.orderIds
			? String(filters.orderIds)
					.split(/[\s,]+/)
					.filter(Boolean)
			: undefined,
		create_time_ge: toUnixSeconds(this, filters.createdAfter, 'Created After', itemIndex),
		update_time_ge: toUnixSeconds(this, filters.updatedAfter, 'Updated After', itemIndex),
	});
	return await searchReturns<IDataObject>(client, body, { maxItems: maxItems(this, itemIndex) });
}
