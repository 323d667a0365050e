import type { TikTokShopClient } from '../../nodes/shared/tiktok/client';
import { collectPages } from '../../nodes/shared/tiktok/paginate';
import { cents } from '../../dev/simulator/money';
import { clientFor, rawCall } from '../../dev/harness/simulatorClient';
import { startSimulator, type Order, type RunningSimulator } from '../../dev/simulator/index';
import { seedWorld } from '../../dev/simulator/seed';

let sim: RunningSimulator;
let client: TikTokShopClient;

beforeAll(async () => {
	sim = await startSimulator({ seed: 11, orders: 230 });
	client = clientFor(sim);
});
afterAll(() => sim.close());

describe('seeded shop', () => {
	it('is deterministic per seed', () => {
		const now = 1_750_000_000;
		const a = seedWorld(5, 30, now);
		const b = seedWorld(5, 30, now);
		expect(a.state).toEqual(b.state);
		expect(a.app).toEqual(b.app);
		expect(seedWorld(6, 30, now).state.orders[0].id).not.toBe(a.state.orders[0].id);
	});

	it('keeps orders consistent: 1 line item = 1 unit, totals add up, money as strings', () => {
		for (const order of sim.state.orders) {
			const sale = order.line_items.reduce((sum, item) => sum + cents(item.sale_price), 0);
			expect(cents(order.payment.sub_total)).toBe(sale);
			expect(cents(order.payment.total_amount)).toBe(
				sale + cents(order.payment.shipping_fee) + cents(order.payment.tax),
			);
			expect(order.line_items.every((item) => !('quantity' in item))).toBe(true);
		}
		const statuses = new Set(sim.state.orders.map((order) => order.status));
		for (const status of [
			'AWAITING_SHIPMENT',
			'UNPAID',
			'ON_HOLD',
			'AWAITING_COLLECTION',
			'IN_TRANSIT',
			'DELIVERED',
			'COMPLETED',
			'CANCELLED',
		])
			expect(statuses).toContain(status);
	});
});

describe('pagination and ids', () => {
	it('follows next_page_token to an empty token and sees every order exactly once', async () => {
		const orders = await collectPages<Order>(
			client,
			{ method: 'POST', path: '/order/202309/orders/search', body: {} },
			'orders',
			{ pageSize: 17 },
		);
		expect(orders).toHaveLength(230);
		expect(new Set(orders.map((order) => order.id)).size).toBe(230);
		const last = sim.requests.filter((r) => r.path === '/order/202309/orders/search').at(-1)!;
		expect(last.query.page_token).toBeTruthy();
	});

	it('filters by update_time window and status', async () => {
		const cutoff = Math.floor(Date.now() / 1000) - 3 * 86400;
		const { data } = await client.post<{
			orders: Order[];
			total_count: number;
			next_page_token: string;
		}>(
			'/order/202309/orders/search',
			{ order_status: 'AWAITING_SHIPMENT', update_time_ge: cutoff },
			{ page_size: 100, sort_field: 'update_time', sort_order: 'ASC' },
		);
		const expected = sim.state.orders.filter(
			(o) => o.status === 'AWAITING_SHIPMENT' && o.update_time >= cutoff,
		);
		expect(data.total_count).toBe(expected.length);
		expect(data.next_page_token).toBe('');
		expect(data.orders.map((o) => o.update_time)).toEqual(
			[...data.orders.map((o) => o.update_time)].sort((a, b) => a - b),
		);
	});

	it('sends ids as quoted 64-bit strings that survive JSON parsing', async () => {
		const target = sim.state.orders[3];
		const answer = await rawCall(sim, { path: '/order/202309/orders', query: { ids: target.id } });
		expect(BigInt(target.id) > BigInt(Number.MAX_SAFE_INTEGER)).toBe(true);
		expect(answer.text).toContain(`"id":"${target.id}"`);
		expect((answer.envelope.data?.orders as Order[])[0].id).toBe(target.id);
	});

	it('enforces page_size and the 50-id detail limit, and refuses foreign page tokens', async () => {
		expect(
			(await rawCall(sim, { method: 'POST', path: '/order/202309/orders/search', body: '{}' }))
				.envelope.code,
		).toBe(36009001);
		expect(
			(
				await rawCall(sim, {
					method: 'POST',
					path: '/order/202309/orders/search',
					query: { page_size: '101' },
					body: '{}',
				})
			).envelope.code,
		).toBe(36009001);
		const ids = sim.state.orders
			.slice(0, 51)
			.map((order) => order.id)
			.join(',');
		expect(
			(await rawCall(sim, { path: '/order/202309/orders', query: { ids } })).envelope.code,
		).toBe(36009001);
		const first = await rawCall(sim, {
			method: 'POST',
			path: '/order/202309/orders/search',
			query: { page_size: '5' },
			body: '{}',
		});
		const token = first.envelope.data?.next_page_token as string;
		const other = await rawCall(sim, {
			method: 'POST',
			path: '/order/202309/orders/search',
			query: { page_size: '5', page_token: token },
			body: '{"order_status":"UNPAID"}',
		});
		expect(other.envelope.code).toBe(36009001);
	});
});

describe('finance (reference §8)', () => {
	type Tx = {
		type: string;
		settlement_amount: string;
		revenue_amount: string;
		shipping_cost_amount: string;
		fee_tax_amount: string;
		adjustment_amount: string;
		order_id?: string;
	};
	const sumOf = (values: string[]) => values.reduce((sum, value) => sum + cents(value), 0);

	it('requires sort_field', async () => {
		await expect(client.get('/finance/202309/statements')).rejects.toMatchObject({
			code: 36009001,
		});
		await expect(
			client.get('/finance/202605/payments', { sort_field: 'statement_time' }),
		).rejects.toMatchObject({ code: 36009001 });
	});

	it('statements, transactions and order detail agree, with settlement = revenue + shipping + fee_tax + adjustment (signed)', async () => {
		const statements = await collectPages<{
			id: string;
			settlement_amount: string;
			payment_id: string;
		}>(
			client,
			{
				method: 'GET',
				path: '/finance/202309/statements',
				query: { sort_field: 'statement_time' },
			},
			'statements',
			{ pageSize: 10 },
		);
		expect(statements.length).toBe(sim.state.statements.length);
		let checkedOrder = false;
		for (const statement of statements) {
			const transactions = await collectPages<Tx>(
				client,
				{
					method: 'GET',
					path: `/finance/202501/statements/${statement.id}/statement_transactions`,
					query: { sort_field: 'order_create_time' },
				},
				'transactions',
				{ pageSize: 3 },
			);
			expect(sumOf(transactions.map((t) => t.settlement_amount))).toBe(
				cents(statement.settlement_amount),
			);
			for (const t of transactions) {
				expect(cents(t.settlement_amount)).toBe(
					cents(t.revenue_amount) +
						cents(t.shipping_cost_amount) +
						cents(t.fee_tax_amount) +
						cents(t.adjustment_amount),
				);
				if (t.type === 'ORDER' && !checkedOrder) {
					const { data } = await client.get<{
						settlement_amount: string;
						sku_transactions: Array<{ settlement_amount: string; quantity: number }>;
					}>(`/finance/202501/orders/${t.order_id}/statement_transactions`);
					expect(data.settlement_amount).toBe(t.settlement_amount);
					expect(sumOf(data.sku_transactions.map((line) => line.settlement_amount))).toBe(
						cents(t.settlement_amount),
					);
					const order = sim.state.orders.find((o) => o.id === t.order_id)!;
					expect(data.sku_transactions.reduce((sum, line) => sum + line.quantity, 0)).toBe(
						order.line_items.length,
					);
					checkedOrder = true;
				}
			}
		}
		expect(checkedOrder).toBe(true);
		const { data: payments } = await client.get<{
			payments: Array<{ id: string; amount: { value: string } }>;
		}>('/finance/202605/payments', { sort_field: 'create_time', page_size: 100 });
		const paid = payments.payments.find((payment) => payment.id === statements[0].payment_id)!;
		expect(paid.amount.value).toBe(statements[0].settlement_amount);
	});
});

describe('Get Payments versions (release note p48h74af: 202605 released, 202309 switched off 2026-08-15)', () => {
	it('answers 202605, without the reserve_amount field 202605 dropped', async () => {
		const { data } = await client.get<{ payments: Array<Record<string, unknown>> }>(
			'/finance/202605/payments',
			{ sort_field: 'create_time', page_size: 5 },
		);
		expect(data.payments.length).toBeGreaterThan(0);
		for (const payment of data.payments) {
			expect(Object.keys(payment).sort()).toEqual([
				'amount',
				'bank_account',
				'create_time',
				'exchange_rate',
				'id',
				'paid_time',
				'payment_amount_before_exchange',
				'settlement_amount',
				'status',
			]);
		}
	});

	it('refuses the switched-off 202309 as TikTok refuses a retired version: 36009014, before any validation', async () => {
		const answer = await rawCall(sim, {
			path: '/finance/202309/payments',
			query: { sort_field: 'create_time' },
		});
		expect(answer.status).toBe(404);
		expect(answer.envelope).toMatchObject({ code: 36009014 });
		await expect(
			client.get('/finance/202309/payments', { sort_field: 'create_time' }),
		).rejects.toMatchObject({
			code: 36009014,
			hint: expect.stringContaining('This API version is not available'),
		});
	});
});
