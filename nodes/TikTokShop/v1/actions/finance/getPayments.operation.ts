import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { collectPages, type TikTokShopClient } from '../../../transport';
import { maxItems, toUnixSeconds } from '../../helpers/utils';
import { returnAllAndLimit } from '../common.descriptions';
import { timeRangeFields } from './timeRange';

export const description: INodeProperties[] = [...timeRangeFields('getPayments'), ...returnAllAndLimit('finance', 'getPayments', 10000)];

export async function execute(this: IExecuteFunctions, client: TikTokShopClient, itemIndex: number): Promise<IDataObject[]> {
	return await collectPages<IDataObject>(
		client,
		{
			method: 'GET',
			path: '/finance/202309/payments',
			query: {
				sort_field: 'create_time',
				create_time_ge: toUnixSeconds(this, this.getNodeParameter('from', itemIndex, ''), 'From', itemIndex),
				create_time_lt: toUnixSeconds(this, this.getNodeParameter('to', itemIndex, ''), 'To', itemIndex),
			},
		},
		'payments',
		{ pageSize: 100, maxItems: maxItems(this, itemIndex) },
	);
}
