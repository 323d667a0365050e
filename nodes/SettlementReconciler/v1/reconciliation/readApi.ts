import type { IExecuteFunctions } from 'n8n-workflow';

import type { TikTokShopClient } from '../../../shared/tiktok';
import { findDeliveredUnsettled, type UnsettledResult } from './deliveredOrders';
import { readFinanceApi, type ApiReadResult } from './financeApi';
import type { OrderLedger } from './orderLedger';
import type { ReconcileSettings } from './settings';

/** The Finance API over the period into the ledger, then (when asked) the delivered-but-unsettled search. */
export async function readApi(
	context: IExecuteFunctions,
	itemIndex: number,
	client: TikTokShopClient,
	ledger: OrderLedger,
	settings: ReconcileSettings,
	period: { from: number; to: number },
): Promise<{ api: ApiReadResult; unsettled?: UnsettledResult }> {
	const api = await readFinanceApi(client, ledger, {
		fromSeconds: period.from,
		toSeconds: period.to,
		zone: settings.zone,
		rates: settings.rates,
		maxRejectedListed: settings.maxRejectedListed,
	});
	if (!context.getNodeParameter('checkUnsettled', itemIndex, true)) return { api };
	const unsettled = await findDeliveredUnsettled(client, ledger, {
		asOfSeconds: Math.floor(settings.today.toSeconds()),
		afterDays: context.getNodeParameter('unsettledAfterDays', itemIndex, 14) as number,
		lookbackDays: context.getNodeParameter('lookbackDays', itemIndex, 60) as number,
		zone: settings.zone,
		commissionBasisPoints: settings.rates.defaultBasisPoints,
		maxConfirmations: 200,
	});
	return { api, unsettled };
}
