import type { TikTokShopClient } from '../../nodes/shared/tiktok/client';
import { collectPages } from '../../nodes/shared/tiktok/paginate';
import { clientFor } from '../../dev/harness/simulatorClient';
import { startSimulator, type Order, type RunningSimulator } from '../../dev/simulator/index';
import { cents } from '../../dev/simulator/money';

let sim: RunningSimulator;
let client: TikTokShopClient;

beforeAll(async () => {
	sim = await startSimulator({ seed: 7, orders: 400 });
	client = clientFor(sim);
});
afterAll(() => sim.close());
beforeEach(() => sim.reset());

interface Transaction {
	type: string;
	order_id?: string;
	settlement_amount: string;
	revenue_amount: string;
	shipping_cost_amount: string;
	fee_tax_amount: string;
	adjustment_amount: string;
	revenue_breakdown: {
		subtotal_before_discount_amount: string;
		seller_discount_amount: string;
		refund_subtotal_before_discount_amount: string;
	};
	fee_tax_breakdown: { fee: { platform_commission_amount: string } };
}
interface StatementPage {
	total_settlement_amount: string;
	total_settlement_breakdown: {
		total_revenue_amount: string;
		total_shipping_cost_amount: string;
		total_fee_tax_amount: string;
		total_adjustment_amount: string;
	};
}

const sum = (values: string[]) => values.reduce((total, value) => total + cents(value), 0);

async function allTransactions(): Promise<
	Array<{ statementId: string; page: StatementPage; transactions: Transaction[] }>
> {
	const statements = await collectPages<{ id: string; settlement_amount: string }>(
		client,
		{ method: 'GET', path: '/finance/202309/statements', query: { sort_field: 'statement_time' } },
		'statements',
		{ pageSize: 100 },
	);
	const result = [];
	for (const statement of statements) {
		const path = `/finance/202501/statements/${statement.id}/statement_transactions`;
		const transactions = await collectPages<Transaction>(
			client,
			{ method: 'GET', path, query: { sort_field: 'order_create_time' } },
			'transactions',
			{ pageSize: 100 },
		);
		const { data: page } = await client.get<StatementPage>(path, {
			sort_field: 'order_create_time',
			page_size: '1',
		});
		expect(cents(statement.settlement_amount)).toBe(cents(page.total_settlement_amount));
		result.push({ statementId: statement.id, page, transactions });
	}
	return result;
}

describe('refunded orders settle with their refund (reference §8)', () => {
	it('sends the refund as negative refund_subtotal_before_discount_amount and charges commission on what the seller kept', async () => {
		const completedReturns = sim.state.returns.filter(
			(r) => r.return_status === 'RETURN_OR_REFUND_REQUEST_COMPLETE',
		);
		const refundedOrders = sim.state.orders.filter(
			(order) =>
				order.status === 'COMPLETED' && completedReturns.some((r) => r.order_id === order.id),
		);
		expect(refundedOrders.length).toBeGreaterThan(3);
		const byOrder = new Map(
			(await allTransactions()).flatMap(({ transactions }) =>
				transactions.filter((t) => t.type === 'ORDER').map((t) => [t.order_id!, t] as const),
			),
		);
		let partlyKept = 0;
		for (const order of refundedOrders) {
			const transaction = byOrder.get(order.id);
			expect(transaction).toBeDefined();
			const returned = new Set(
				completedReturns
					.filter((r) => r.order_id === order.id)
					.flatMap((r) => r.return_line_items.map((line) => line.order_line_item_id)),
			);
			const kept = order.line_items.filter((item) => !returned.has(item.id));
			const refunded = order.line_items.filter((item) => returned.has(item.id));
			const keptRevenue = kept.map(
				(item) => cents(item.original_price) - cents(item.seller_discount),
			);
			const { revenue_breakdown: breakdown } = transaction!;
			expect(cents(breakdown.refund_subtotal_before_discount_amount)).toBe(
				-sum(refunded.map((item) => item.original_price)),
			);
			expect(cents(breakdown.refund_subtotal_before_discount_amount)).toBeLessThan(0);
			expect(cents(transaction!.revenue_amount)).toBe(keptRevenue.reduce((a, b) => a + b, 0));
			expect(
				cents(breakdown.subtotal_before_discount_amount) +
					cents(breakdown.seller_discount_amount) +
					cents(breakdown.refund_subtotal_before_discount_amount),
			).toBe(cents(transaction!.revenue_amount));
			// 6 % per line item, none on the refunded ones: the commission on them is reversed.
			expect(cents(transaction!.fee_tax_breakdown.fee.platform_commission_amount)).toBe(
				-keptRevenue.reduce((total, revenue) => total + Math.round(revenue * 0.06), 0),
			);
			if (kept.length > 0) partlyKept++;
		}
		expect(partlyKept).toBeGreaterThan(0);
		const plain = [...byOrder.values()].filter(
			(t) => !refundedOrders.some((order) => order.id === t.order_id),
		);
		expect(
			plain.every((t) => t.revenue_breakdown.refund_subtotal_before_discount_amount === '0.00'),
		).toBe(true);
	});

	it('keeps every statement equal to the sum of its transactions, and holds only orders with an open return', async () => {
		const statements = await allTransactions();
		for (const { page, transactions } of statements) {
			const breakdown = page.total_settlement_breakdown;
			expect(sum(transactions.map((t) => t.settlement_amount))).toBe(
				cents(page.total_settlement_amount),
			);
			expect(sum(transactions.map((t) => t.revenue_amount))).toBe(
				cents(breakdown.total_revenue_amount),
			);
			expect(sum(transactions.map((t) => t.shipping_cost_amount))).toBe(
				cents(breakdown.total_shipping_cost_amount),
			);
			expect(sum(transactions.map((t) => t.fee_tax_amount))).toBe(
				cents(breakdown.total_fee_tax_amount),
			);
			expect(sum(transactions.map((t) => t.adjustment_amount))).toBe(
				cents(breakdown.total_adjustment_amount),
			);
			expect(transactions.length).toBeGreaterThan(0);
		}
		expect(new Set(sim.state.payments.map((payment) => payment.statementId))).toEqual(
			new Set(statements.map((s) => s.statementId)),
		);
		const settled = new Set(
			statements.flatMap(({ transactions }) => transactions.map((t) => t.order_id)),
		);
		const open = (order: Order) =>
			sim.state.returns.some(
				(r) =>
					r.order_id === order.id &&
					([
						'RETURN_OR_REFUND_REQUEST_PENDING',
						'AWAITING_BUYER_SHIP',
						'BUYER_SHIPPED_ITEM',
					].includes(r.return_status) ||
						r.arbitration_status === 'IN_PROGRESS'),
			);
		const completed = sim.state.orders.filter((order) => order.status === 'COMPLETED');
		expect(completed.filter((order) => !settled.has(order.id)).map((order) => order.id)).toEqual(
			completed.filter(open).map((order) => order.id),
		);
		expect(completed.filter(open).length).toBeGreaterThan(0);
	});
});

describe('collection_time (carrier acceptance)', () => {
	it('is set on collected orders, between the label and the delivery, and matches the tracking pickup scan', async () => {
		const now = Math.floor(Date.now() / 1000);
		for (const order of sim.state.orders) {
			if (
				['IN_TRANSIT', 'DELIVERED', 'COMPLETED'].includes(order.status) &&
				(order.delivery_time !== undefined || order.rts_time! + 6 * 3600 <= now)
			) {
				expect(order.collection_time).toBeGreaterThanOrEqual(order.rts_time!);
				expect(order.collection_time).toBeLessThanOrEqual(order.delivery_time ?? now);
				expect(order.update_time).toBeGreaterThanOrEqual(order.collection_time!);
			} else {
				// Not shipped, waiting for TikTok's carrier, or handed over less than the pickup delay ago.
				expect(order.collection_time).toBeUndefined();
			}
		}
		const delivered = sim.state.orders.find(
			(order) => order.status === 'DELIVERED' && order.collection_time! < order.delivery_time!,
		)!;
		const { data } = await client.get<{ orders: Order[] }>('/order/202309/orders', {
			ids: delivered.id,
		});
		expect(data.orders[0].collection_time).toBe(delivered.collection_time);
		const { data: tracking } = await client.get<{
			tracking: Array<{ description: string; update_time_millis: number }>;
		}>(`/fulfillment/202309/orders/${delivered.id}/tracking`);
		expect(
			tracking.tracking.find((event) => event.description === 'Picked up by carrier')
				?.update_time_millis,
		).toBe(delivered.collection_time! * 1000);
		expect(sim.state.orders.some((order) => order.status === 'AWAITING_COLLECTION')).toBe(true);
	});
});
