import { ApiError, Code, gateway } from '../errors';
import { money } from '../money';
import { orderById } from '../lookup';
import { pageSize, paginate, sortOrder } from '../pagination';
import type { Route } from '../route';
import { settlementOf, ZERO_PARTS } from '../seed/finance';
import type { SettlementParts, ShopState, Statement, StatementTransaction } from '../state';

/** Signed amounts throughout; see SettlementParts for the convention. */
function totals(transactions: StatementTransaction[]): SettlementParts {
	return transactions.reduce(
		(sum, t) => ({
			revenue: sum.revenue + t.parts.revenue,
			shippingCost: sum.shippingCost + t.parts.shippingCost,
			feeTax: sum.feeTax + t.parts.feeTax,
			adjustment: sum.adjustment + t.parts.adjustment,
		}),
		ZERO_PARTS,
	);
}

function requireSortField(raw: string | undefined, expected: string): void {
	if (raw !== expected) throw gateway.invalid(`sort_field is required and must be ${expected}`);
}

function timeFilter(query: Record<string, string>, field: string): (time: number) => boolean {
	const from = query[`${field}_ge`] ? Number(query[`${field}_ge`]) : undefined;
	const before = query[`${field}_lt`] ? Number(query[`${field}_lt`]) : undefined;
	return (time) => (from === undefined || time >= from) && (before === undefined || time < before);
}

/** The filters a page token is bound to; app_key, timestamp and sign change on every call. */
function pick(query: Record<string, string>, keys: string[]): Record<string, string | undefined> {
	return Object.fromEntries(keys.map((key) => [key, query[key]]));
}

function statementView(state: ShopState, statement: Statement) {
	const sum = totals(state.statementTransactions.filter((t) => t.statementId === statement.id));
	return {
		id: statement.id,
		statement_time: statement.statement_time,
		settlement_amount: money(settlementOf(sum)),
		revenue_amount: money(sum.revenue),
		fee_amount: money(sum.feeTax),
		adjustment_amount: money(sum.adjustment),
		shipping_cost_amount: money(sum.shippingCost),
		net_sales_amount: money(sum.revenue),
		currency: statement.currency,
		payment_status: statement.payment_status,
		payment_id: statement.payment_id,
	};
}

function transactionView(state: ShopState, t: StatementTransaction) {
	const orderId = t.order_id ?? t.adjustment_order_id;
	const order = orderId === undefined ? undefined : orderById(state, orderId);
	const isOrder = t.type === 'ORDER';
	return {
		id: t.id,
		type: t.type,
		...(t.order_id ? { order_id: t.order_id } : {}),
		...(t.adjustment_id
			? { adjustment_id: t.adjustment_id, adjustment_order_id: t.adjustment_order_id }
			: {}),
		order_create_time: t.order_create_time,
		settlement_amount: money(settlementOf(t.parts)),
		revenue_amount: money(t.parts.revenue),
		revenue_breakdown: {
			subtotal_before_discount_amount: money(t.revenueBreakdown.subtotalBeforeDiscount),
			seller_discount_amount: money(t.revenueBreakdown.sellerDiscount),
			refund_subtotal_before_discount_amount: money(
				t.revenueBreakdown.refundSubtotalBeforeDiscount ?? 0,
			),
		},
		shipping_cost_amount: money(t.parts.shippingCost),
		shipping_cost_breakdown: {
			actual_shipping_fee_amount: money(t.shippingBreakdown.actualShippingFee),
			customer_paid_shipping_fee_amount: money(t.shippingBreakdown.customerPaidShippingFee),
			return_shipping_fee_amount: money(0),
		},
		fee_tax_amount: money(t.parts.feeTax),
		fee_tax_breakdown: {
			fee: {
				platform_commission_amount: money(t.feeBreakdown.platformCommission),
				transaction_fee_amount: money(t.feeBreakdown.transactionFee),
				affiliate_commission_amount: money(t.feeBreakdown.affiliateCommission),
				referral_fee_amount: money(0),
			},
			tax: { sales_tax_amount: money(0), vat_amount: money(0) },
		},
		adjustment_amount: money(t.parts.adjustment),
		reserve_amount: money(0),
		supplementary_component: {
			customer_payment_amount: isOrder && order ? order.payment.total_amount : money(0),
			platform_discount_amount: isOrder && order ? order.payment.platform_discount : money(0),
			sales_tax_amount: isOrder && order ? order.payment.tax : money(0),
		},
	};
}

export const financeRoutes: Route[] = [
	{
		method: 'GET',
		path: '/finance/202309/statements',
		handle: ({ state, query }) => {
			requireSortField(query.sort_field, 'statement_time');
			const size = pageSize(query.page_size, { min: 1, max: 100, fallback: 20 });
			const direction = sortOrder(query.sort_order);
			const inRange = timeFilter(query, 'statement_time');
			const matching = state.statements
				.filter(
					(s) =>
						inRange(s.statement_time) &&
						(!query.payment_status || s.payment_status === query.payment_status),
				)
				.sort((a, b) => direction * (a.statement_time - b.statement_time));
			const page = paginate(
				matching,
				size,
				query.page_token,
				pick(query, ['statement_time_ge', 'statement_time_lt', 'payment_status', 'sort_order']),
			);
			return {
				statements: page.items.map((s) => statementView(state, s)),
				next_page_token: page.next_page_token,
				total_count: page.total_count,
			};
		},
	},
	{
		// Only 202605: 202309 was switched off on 2026-08-15 (release note p48h74af), so the router answers it with
		// 36009014 like any retired version. 202605 no longer returns the deprecated reserve_amount.
		method: 'GET',
		path: '/finance/202605/payments',
		handle: ({ state, query }) => {
			requireSortField(query.sort_field, 'create_time');
			const size = pageSize(query.page_size, { min: 1, max: 100, fallback: 20 });
			const direction = sortOrder(query.sort_order);
			const inRange = timeFilter(query, 'create_time');
			const matching = state.payments
				.filter((p) => inRange(p.create_time))
				.sort((a, b) => direction * (a.create_time - b.create_time));
			const page = paginate(
				matching,
				size,
				query.page_token,
				pick(query, ['create_time_ge', 'create_time_lt', 'sort_order']),
			);
			const payments = page.items.map((payment) => {
				const statement = state.statements.find((s) => s.id === payment.statementId);
				const amount = statement ? statementView(state, statement).settlement_amount : money(0);
				return {
					id: payment.id,
					create_time: payment.create_time,
					paid_time: payment.paid_time,
					status: payment.status,
					amount: { value: amount, currency: 'USD' },
					settlement_amount: { value: amount, currency: 'USD' },
					payment_amount_before_exchange: { value: amount, currency: 'USD' },
					exchange_rate: '1',
					bank_account: payment.bank_account,
				};
			});
			return { payments, next_page_token: page.next_page_token, total_count: page.total_count };
		},
	},
	{
		method: 'GET',
		path: '/finance/202501/statements/{statement_id}/statement_transactions',
		handle: ({ state, params, query }) => {
			requireSortField(query.sort_field, 'order_create_time');
			const size = pageSize(query.page_size, { min: 1, max: 100, fallback: 20 });
			const direction = sortOrder(query.sort_order);
			const statement = state.statements.find((s) => s.id === params.statement_id);
			if (!statement)
				throw new ApiError(
					Code.STATEMENT_NOT_FOUND,
					`Statement ${params.statement_id} does not exist`,
				);
			const transactions = state.statementTransactions
				.filter((t) => t.statementId === statement.id)
				.sort(
					(a, b) =>
						direction * (a.order_create_time - b.order_create_time || a.id.localeCompare(b.id)),
				);
			const sum = totals(transactions);
			const page = paginate(transactions, size, query.page_token, {
				statement: statement.id,
				direction,
			});
			return {
				id: statement.id,
				status: 'SETTLED',
				currency: statement.currency,
				total_settlement_amount: money(settlementOf(sum)),
				total_reserve_amount: money(0),
				payable_amount: money(settlementOf(sum)),
				total_settlement_breakdown: {
					total_revenue_amount: money(sum.revenue),
					total_shipping_cost_amount: money(sum.shippingCost),
					total_fee_tax_amount: money(sum.feeTax),
					total_adjustment_amount: money(sum.adjustment),
				},
				transactions: page.items.map((t) => transactionView(state, t)),
				next_page_token: page.next_page_token,
				total_count: page.total_count,
			};
		},
	},
	{
		method: 'GET',
		path: '/finance/202501/orders/{order_id}/statement_transactions',
		handle: ({ state, params }) => {
			const order = orderById(state, params.order_id);
			if (!order)
				throw new ApiError(
					Code.ORDER_NOT_FOUND,
					`Order ${params.order_id} does not exist in this shop`,
				);
			const settled = state.statementTransactions.find(
				(t) => t.type === 'ORDER' && t.order_id === order.id,
			);
			// [U] An unsettled order has no transactions yet; the simulator answers with an empty list, not an error.
			if (!settled)
				return {
					order_id: order.id,
					order_create_time: order.create_time,
					currency: 'USD',
					sku_transactions: [],
				};
			return {
				order_id: order.id,
				order_create_time: order.create_time,
				currency: 'USD',
				revenue_amount: money(settled.parts.revenue),
				fee_and_tax_amount: money(settled.parts.feeTax),
				shipping_cost_amount: money(settled.parts.shippingCost),
				settlement_amount: money(settlementOf(settled.parts)),
				sku_transactions: settled.skuLines.map((line) => ({
					sku_id: line.sku_id,
					sku_name: line.sku_name,
					product_name: line.product_name,
					quantity: line.quantity,
					statement_id: settled.statementId,
					revenue_amount: money(line.parts.revenue),
					shipping_cost_amount: money(line.parts.shippingCost),
					fee_tax_amount: money(line.parts.feeTax),
					settlement_amount: money(settlementOf(line.parts)),
				})),
			};
		},
	},
];
