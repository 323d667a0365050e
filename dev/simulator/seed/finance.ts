import type { IdFactory, SeededRandom } from '../random';
import { cents } from '../money';
import type {
	Order,
	Payment,
	ReturnOrder,
	SettlementParts,
	Statement,
	StatementTransaction,
} from '../state';

const DAY = 86400;
const COMMISSION_RATE = 0.06;
const AFFILIATE_RATE = 0.1;

/**
 * Statements are cut daily at 00:00 UTC (reference §8). An order settles in the statement after delivery + 7 days,
 * or today's if that lies in the future.
 */
function statementDay(order: Order, now: number): number {
	const settleAt = (order.delivery_time ?? order.update_time) + 7 * DAY;
	return Math.min(Math.ceil(settleAt / DAY), Math.floor(now / DAY)) * DAY;
}

function add(a: SettlementParts, b: SettlementParts): SettlementParts {
	return {
		revenue: a.revenue + b.revenue,
		shippingCost: a.shippingCost + b.shippingCost,
		feeTax: a.feeTax + b.feeTax,
		adjustment: a.adjustment + b.adjustment,
	};
}

export const ZERO_PARTS: SettlementParts = {
	revenue: 0,
	shippingCost: 0,
	feeTax: 0,
	adjustment: 0,
};

export function settlementOf(parts: SettlementParts): number {
	return parts.revenue + parts.shippingCost + parts.feeTax + parts.adjustment;
}

/**
 * Fees are computed per line item and summed, so SKU rows always add up to the order row exactly. A refunded line
 * item is sold and refunded in the same transaction: its revenue comes back as a refund and its commission is
 * reversed, so it nets to zero.
 */
function orderTransaction(
	order: Order,
	refundedLineIds: ReadonlySet<string>,
	random: SeededRandom,
	ids: IdFactory,
	statementId: string,
): StatementTransaction {
	const affiliate = random.chance(0.2);
	const bySku = new Map<string, StatementTransaction['skuLines'][number]>();
	let subtotalBeforeDiscount = 0;
	let sellerDiscount = 0;
	let refundSubtotalBeforeDiscount = 0;
	let commission = 0;
	let affiliateCommission = 0;
	for (const item of order.line_items) {
		const original = cents(item.original_price);
		const refunded = refundedLineIds.has(item.id);
		const discount = refunded ? 0 : cents(item.seller_discount);
		if (refunded) refundSubtotalBeforeDiscount -= original;
		const revenue = refunded ? 0 : original - discount;
		const lineCommission = -Math.round(revenue * COMMISSION_RATE);
		const lineAffiliate = affiliate ? -Math.round(revenue * AFFILIATE_RATE) : 0;
		subtotalBeforeDiscount += original;
		sellerDiscount -= discount;
		commission += lineCommission;
		affiliateCommission += lineAffiliate;
		const line = bySku.get(item.sku_id) ?? {
			sku_id: item.sku_id,
			sku_name: item.sku_name,
			product_name: item.product_name,
			quantity: 0,
			parts: ZERO_PARTS,
		};
		line.quantity += 1;
		line.parts = add(line.parts, {
			revenue,
			shippingCost: 0,
			feeTax: lineCommission + lineAffiliate,
			adjustment: 0,
		});
		bySku.set(item.sku_id, line);
	}
	// Seller-shipped orders keep the shipping fee the buyer paid; TikTok labels cost the seller the label price.
	const customerPaidShipping =
		cents(order.payment.shipping_fee) + cents(order.payment.shipping_fee_platform_discount);
	const actualShippingFee = order.shipping_type === 'TIKTOK' ? -random.int(450, 900) : 0;
	const skuLines = [...bySku.values()];
	skuLines[0].parts = add(skuLines[0].parts, {
		...ZERO_PARTS,
		shippingCost: customerPaidShipping + actualShippingFee,
	});
	const parts = skuLines.reduce((sum, line) => add(sum, line.parts), ZERO_PARTS);
	return {
		id: ids.next('7312'),
		statementId,
		type: 'ORDER',
		order_id: order.id,
		order_create_time: order.create_time,
		parts,
		revenueBreakdown: { subtotalBeforeDiscount, sellerDiscount, refundSubtotalBeforeDiscount },
		shippingBreakdown: { actualShippingFee, customerPaidShippingFee: customerPaidShipping },
		feeBreakdown: { platformCommission: commission, transactionFee: 0, affiliateCommission },
		skuLines,
	};
}

function adjustment(
	order: Order,
	type: 'CHARGE_BACK' | 'SHIPPING_FEE_ADJUSTMENT',
	amount: number,
	ids: IdFactory,
	statementId: string,
): StatementTransaction {
	return {
		id: ids.next('7312'),
		statementId,
		type,
		adjustment_id: ids.next('7312'),
		adjustment_order_id: order.id,
		order_create_time: order.create_time,
		parts: { ...ZERO_PARTS, adjustment: amount },
		revenueBreakdown: {
			subtotalBeforeDiscount: 0,
			sellerDiscount: 0,
			refundSubtotalBeforeDiscount: 0,
		},
		shippingBreakdown: { actualShippingFee: 0, customerPaidShippingFee: 0 },
		feeBreakdown: { platformCommission: 0, transactionFee: 0, affiliateCommission: 0 },
		skuLines: [],
	};
}

export interface FinanceSeed {
	statements: Statement[];
	statementTransactions: StatementTransaction[];
	payments: Payment[];
}

/** Return requests still waiting on the seller, the buyer or TikTok's arbitration. */
const OPEN_RETURN: ReadonlyArray<ReturnOrder['return_status']> = [
	'RETURN_OR_REFUND_REQUEST_PENDING',
	'AWAITING_BUYER_SHIP',
	'BUYER_SHIPPED_ITEM',
];

/**
 * Completed orders settle (reference §8: only settled orders appear), refunded ones with their refund. An order with
 * a return still open is held until the return closes, so it is delivered and not yet settled.
 */
export function seedFinance(
	random: SeededRandom,
	ids: IdFactory,
	orders: Order[],
	returns: ReturnOrder[],
	now: number,
): FinanceSeed {
	const held = new Set(
		returns
			.filter(
				(r) => OPEN_RETURN.includes(r.return_status) || r.arbitration_status === 'IN_PROGRESS',
			)
			.map((r) => r.order_id),
	);
	const refundedLineIds = new Set(
		returns
			.filter((r) => r.return_status === 'RETURN_OR_REFUND_REQUEST_COMPLETE')
			.flatMap((r) => r.return_line_items.map((item) => item.order_line_item_id)),
	);
	const completed = orders.filter((order) => order.status === 'COMPLETED');
	const isRefunded = (order: Order) =>
		order.line_items.some((item) => refundedLineIds.has(item.id));
	const statementsByDay = new Map<number, Statement>();
	const payments: Payment[] = [];
	const transactions: StatementTransaction[] = [];
	const statementFor = (day: number): Statement => {
		let statement = statementsByDay.get(day);
		if (!statement) {
			const paymentId = ids.next('7312');
			const recent = day >= Math.floor(now / DAY) * DAY;
			statement = {
				id: ids.next('7312'),
				statement_time: day,
				payment_status: recent ? 'PROCESSING' : 'PAID',
				payment_id: paymentId,
				currency: 'USD',
			};
			statementsByDay.set(day, statement);
			payments.push({
				id: paymentId,
				create_time: day,
				paid_time: recent ? 0 : day + DAY,
				status: statement.payment_status,
				statementId: statement.id,
				bank_account: `****${random.digits(4)}`,
			});
		}
		return statement;
	};
	const settle = (order: Order) =>
		transactions.push(
			orderTransaction(
				order,
				refundedLineIds,
				random,
				ids,
				statementFor(statementDay(order, now)).id,
			),
		);
	// Unrefunded orders and their adjustments first, refunded orders after, then holds are taken out: the seeded
	// stream, and so every other seeded value, stays what it was before refunds and holds were modelled.
	const unrefunded = completed.filter((order) => !isRefunded(order));
	unrefunded.forEach(settle);
	// A buyer whose refund completed has no payment left to charge back.
	for (const order of unrefunded.filter(() => random.chance(0.08))) {
		const statement = statementFor(statementDay(order, now));
		transactions.push(
			random.chance(0.5)
				? adjustment(order, 'CHARGE_BACK', -cents(order.payment.total_amount), ids, statement.id)
				: adjustment(order, 'SHIPPING_FEE_ADJUSTMENT', -random.int(100, 400), ids, statement.id),
		);
	}
	completed.filter(isRefunded).forEach(settle);
	const statementTransactions = transactions.filter(
		(t) => !held.has(t.order_id ?? t.adjustment_order_id ?? ''),
	);
	const used = new Set(statementTransactions.map((t) => t.statementId));
	const statements = [...statementsByDay.values()]
		.filter((s) => used.has(s.id))
		.sort((a, b) => a.statement_time - b.statement_time);
	return {
		statements,
		statementTransactions,
		payments: payments.filter((p) => used.has(p.statementId)),
	};
}
