import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import type { TikTokShopClient } from '../../../../shared/tiktok';
import { compact, maxItems, toUnixSeconds } from '../../../../shared/nodeParameters';
import { returnAllAndLimit } from '../common.descriptions';
import { fulfillment } from '../../../../shared/tiktok/resources';
import { PACKAGE_STATUS_NAMES, codeOptions } from '../../../../shared/optionNames';

const PACKAGE_STATUSES = ['PROCESSING', 'FULFILLING', 'COMPLETED', 'CANCELLED'];

export const description: INodeProperties[] = [
	...returnAllAndLimit('package', 'search', 10000),
	{
		displayName: 'Filters',
		name: 'filters',
		type: 'collection',
		placeholder: 'Add filter',
		default: {},
		displayOptions: { show: { resource: ['package'], operation: ['search'] } },
		options: [
			{
				displayName: 'Package Status',
				name: 'packageStatus',
				type: 'options',
				options: codeOptions(PACKAGE_STATUSES, PACKAGE_STATUS_NAMES),
				default: 'PROCESSING',
			},
			{ displayName: 'Created After', name: 'createdAfter', type: 'dateTime', default: '' },
			{ displayName: 'Created Before', name: 'createdBefore', type: 'dateTime', default: '' },
			{ displayName: 'Updated After', name: 'updatedAfter', type: 'dateTime', default: '' },
			{ displayName: 'Updated Before', name: 'updatedBefore', type: 'dateTime', default: '' },
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
		package_status: filters.packageStatus,
		create_time_ge: toUnixSeconds(this, filters.createdAfter, 'Created After', itemIndex),
		create_time_lt: toUnixSeconds(this, filters.createdBefore, 'Created Before', itemIndex),
		update_time_ge: toUnixSeconds(this, filters.updatedAfter, 'Updated After', itemIndex),
		update_time_lt: toUnixSeconds(this, filters.updatedBefore, 'Updated Before', itemIndex),
	});
	return await fulfillment.searchPackages<IDataObject>(client, body, {
		maxItems: maxItems(this, itemIndex),
	});
}
