import type { TikTokShopClient } from '../../../shared/tiktok';
import type { Discrepancy } from './checks';
import { unixSecondsToDateKey } from './dates';
import type { OrderStatementTransactions, SearchedOrder } from './financeTypes';
import { applyRate, formatDollars, parseCents } from './money';
import type { OrderLedger } from './orderLedger';
import { finance, orders as orderApi } from '../../../shared/tiktok/resources';

export interface UnsettledOptions {
	asOfSeconds: number;
	/** Delivered more than this many days ago and still not settled = a finding. */
	afterDays: number;
	lookbackDays: number;
	zone: string;
	commissionBasisPoints: number;
	/** Each candidate costs one call to confirm; beyond this many they are reported unconfirmed. */
	maxConfirmations: number;
}

export interface UnsettledResult {
	discrepancies: Discrepancy[];
	deliveredOrdersSeen: number;
	confirmedSettledElsewhere: number;
	unconfirmed: number;
}

const DAY = 86400;

/**
 * Orders TikTok marked delivered (or completed) more than N days ago that no statement in the period settles. An order
 * can have settled in a statement outside the period, so each candidate is confirmed with the order's own
 * statement transactions before it is reported.
 */
export async function findDeliveredUnsettled(
	client: TikTokShopClient,
	ledger: OrderLedger,
	options: UnsettledOptions,
): Promise<UnsettledResult> {
	const result: UnsettledResult = {
		discrepancies: [],
		deliveredOrdersSeen: 0,
		confirmedSettledElsewhere: 0,
		unconfirmed: 0,
	};
	const deliveredBefore = options.asOfSeconds - options.afterDays * DAY;
	let confirmations = 0;
	for (const status of ['DELIVERED', 'COMPLETED']) {
		const filter = {
			order_status: status,
			create_time_ge: options.asOfSeconds - options.lookbackDays * DAY,
			create_time_lt: options.asOfSeconds,
		};
		for await (const orders of orderApi.searchOrderPages<SearchedOrder>(client, filter, {
			sortOrder: 'ASC',
		})) {
			for (const order of orders) {
				result.deliveredOrdersSeen++;
				const deliveredAt = order.delivery_time ?? order.update_time;
				if (deliveredAt > deliveredBefore || ledger.ids.find(order.id) !== -1) continue;
				let confirmed = false;
				if (confirmations < options.maxConfirmations) {
					confirmations++;
					const data = await finance.getOrderTransactions<OrderStatementTransactions>(
						client,
						order.id,
					);
					if (data?.sku_transactions?.length) {
						result.confirmedSettledElsewhere++;
						continue;
					}
					confirmed = true;
				} else {
					result.unconfirmed++;
				}
				result.discrepancies.push(unsettledFinding(order, deliveredAt, confirmed, options));
			}
		}
	}
	return result;
}

function unsettledFinding(
	order: SearchedOrder,
	deliveredAt: number,
	confirmed: boolean,
	options: UnsettledOptions,
): Discrepancy {
	const value = parseCents(order.payment?.sub_total ?? '') ?? 0;
	const owed = Number.isNaN(value) ? 0 : value - applyRate(value, options.commissionBasisPoints);
	const days = Math.floor((options.asOfSeconds - deliveredAt) / DAY);
	return {
		orderId: order.id,
		check: 'delivered_not_settled',
		expected: Number.isNaN(value) ? 0 : value,
		actual: 0,
		owed,
		dateKey: unixSecondsToDateKey(deliveredAt, options.zone),
		explanation:
			`Delivered ${days} days ago (status ${order.status}) and ${confirmed ? 'TikTok has no settlement for it' : 'not settled in this period (not confirmed order by order: too many candidates)'}. ` +
			`Order value ${formatDollars(Number.isNaN(value) ? 0 : value)}; estimated payout after commission ${formatDollars(owed)}.`,
	};
}
