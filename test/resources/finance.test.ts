import { collect } from '../../nodes/shared/tiktok/paginate';
import {
	getOrderTransactions,
	paymentPages,
	statementPages,
	statementTransactionPages,
} from '../../nodes/shared/tiktok/resources/finance';
import { simulatorWorld } from './world';

const world = simulatorWorld({ seed: 53, orders: 400 });

describe('finance resource', () => {
	it('lists statements of a period, oldest first when asked, 100 a page', async () => {
		const times = world.sim.state.statements.map((statement) => statement.statement_time).sort();
		const period = { statement_time_ge: times[1], statement_time_lt: times.at(-1)! };
		const statements = await collect(statementPages(world.client, period, { sortOrder: 'ASC' }));
		expect(statements.map((statement) => statement.statement_time)).toEqual(
			times.filter((time) => time >= times[1] && time < times.at(-1)!),
		);
		const [call] = world.sim.requests.filter(
			(request) => request.path === '/finance/202309/statements',
		);
		expect(call.query).toMatchObject({
			sort_field: 'statement_time',
			sort_order: 'ASC',
			page_size: '100',
			statement_time_ge: String(times[1]),
		});
		expect(await collect(statementPages(world.client, {}, { maxItems: 1 }))).toHaveLength(1);
	});

	it("reads a statement's transactions, an order's transactions and the payments", async () => {
		const statement = world.sim.state.statements[0];
		const transactions = await collect(statementTransactionPages(world.client, statement.id));
		expect(transactions.map((transaction) => transaction.id).sort()).toEqual(
			world.sim.state.statementTransactions
				.filter((transaction) => transaction.statementId === statement.id)
				.map((transaction) => transaction.id)
				.sort(),
		);
		const settled = world.sim.state.statementTransactions.find(
			(transaction) => transaction.type === 'ORDER',
		)!;
		const byOrder = await getOrderTransactions<{ sku_transactions?: unknown[] }>(
			world.client,
			settled.order_id!,
		);
		expect(byOrder.sku_transactions?.length).toBeGreaterThan(0);
		const payments = await collect(paymentPages(world.client, {}));
		expect(payments).toHaveLength(world.sim.state.payments.length);
		expect(world.sim.requests.map((request) => request.path)).toEqual(
			expect.arrayContaining([
				`/finance/202501/statements/${statement.id}/statement_transactions`,
				`/finance/202501/orders/${settled.order_id}/statement_transactions`,
				'/finance/202605/payments',
			]),
		);
	});
});
