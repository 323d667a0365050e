import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { collect, type TikTokShopClient } from '../../../../shared/tiktok';
import { maxItems, toUnixSeconds } from '../../../../shared/nodeParameters';
import { returnAllAndLimit } from '../common.descriptions';
import { timeRangeFields } from './timeRange';
import { finance } from '../../../../shared/tiktok/resources';

export const description: INodeProperties[] = [
	...timeRangeFields('getPayments'),
	...returnAllAndLimit('finance', 'getPayments', 10000),
];

/**
 * Get Payments 202605. TikTok switched 202309 off on 2026-08-15 (partner release note p48h74af, "Get Payments API —
 * Migrate from 202309 to 202605"); 202605 drops a deprecated response field, `reserve_amount` (reserves are in the
 * statement transactions). Each payment: id, create_time, paid_time, status, amount, settlement_amount,
 * payment_amount_before_exchange, exchange_rate, bank_account.
 */
export async function execute(
	this: IExecuteFunctions,
	client: TikTokShopClient,
	itemIndex: number,
): Promise<IDataObject[]> {
	return await collect(
		finance.paymentPages<IDataObject>(
			client,
			{
				create_time_ge: toUnixSeconds(
					this,
					this.getNodeParameter('from', itemIndex, ''),
					'From',
					itemIndex,
				),
				create_time_lt: toUnixSeconds(
					this,
					this.getNodeParameter('to', itemIndex, ''),
					'To',
					itemIndex,
				),
			},
			{ maxItems: maxItems(this, itemIndex) },
		),
	);
}
