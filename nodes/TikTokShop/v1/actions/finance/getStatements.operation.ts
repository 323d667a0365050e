import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { collectPages, type TikTokShopClient } from '../../../../shared/tiktok';
import { maxItems, toUnixSeconds } from '../../../../shared/nodeParameters';
import { returnAllAndLimit } from '../common.descriptions';
import { timeRangeFields } from './timeRange';
import { financePaths } from '../../../../shared/tiktok/resources/paths';

export const description: INodeProperties[] = [
	...timeRangeFields('getStatements'),
	{
		displayName: 'Payment Status',
		name: 'paymentStatus',
		type: 'options',
		options: [
			{ name: 'Any', value: '' },
			{ name: 'Failed', value: 'FAILED' },
			{ name: 'Paid', value: 'PAID' },
			{ name: 'Processing', value: 'PROCESSING' },
		],
		default: '',
		displayOptions: { show: { resource: ['finance'], operation: ['getStatements'] } },
	},
	...returnAllAndLimit('finance', 'getStatements', 10000),
];

export async function execute(
	this: IExecuteFunctions,
	client: TikTokShopClient,
	itemIndex: number,
): Promise<IDataObject[]> {
	const status = this.getNodeParameter('paymentStatus', itemIndex, '') as string;
	return await collectPages<IDataObject>(
		client,
		{
			method: 'GET',
			path: financePaths.statements,
			query: {
				sort_field: 'statement_time',
				statement_time_ge: toUnixSeconds(
					this,
					this.getNodeParameter('from', itemIndex, ''),
					'From',
					itemIndex,
				),
				statement_time_lt: toUnixSeconds(
					this,
					this.getNodeParameter('to', itemIndex, ''),
					'To',
					itemIndex,
				),
				payment_status: status || undefined,
			},
		},
		'statements',
		{ pageSize: 100, maxItems: maxItems(this, itemIndex) },
	);
}
