import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { collect, type TikTokShopClient } from '../../../../shared/tiktok';
import { maxItems, toUnixSeconds } from '../../../../shared/nodeParameters';
import { returnAllAndLimit } from '../common.descriptions';
import { timeRangeFields } from './timeRange';
import { finance } from '../../../../shared/tiktok/resources';

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
	return await collect(
		finance.statementPages<IDataObject>(
			client,
			{
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
			{ maxItems: maxItems(this, itemIndex) },
		),
	);
}
