import type { ICredentialDataDecryptedObject } from 'n8n-workflow';

import { resetBuckets } from '../../../nodes/shared/tiktok/rateBudget';
import { cents, money } from '../../../dev/simulator/money';
import { startSimulator, type RunningSimulator } from '../../../dev/simulator/index';
import { csvItem, runReconciler, summaryOf } from '../../../dev/harness/runReconciler';
import { simulatorCredentials } from '../../../dev/harness/simulatorCredentials';

let sim: RunningSimulator;
let credentials: ICredentialDataDecryptedObject;
const DAY = 86400;

beforeAll(async () => {
	sim = await startSimulator({ seed: 7, orders: 260 });
	credentials = simulatorCredentials(sim);
});
afterAll(() => sim.close());
beforeEach(() => {
	resetBuckets();
	sim.reset();
});

const period = () => ({
	from: new Date((Math.floor(Date.now() / 1000) - 120 * DAY) * 1000).toISOString(),
	to: new Date(Date.now() + DAY * 1000).toISOString(),
});
const orderTransactions = () => sim.state.statementTransactions.filter((t) => t.type === 'ORDER');
const settlementCents = (t: (typeof sim.state.statementTransactions)[number]) =>
	t.parts.revenue + t.parts.shippingCost + t.parts.feeTax + t.parts.adjustment;

async function reconcileApi(parameters: Record<string, unknown> = {}) {
	const out = await runReconciler({
		credentials,
		parameters: {
			operation: 'reconcileApi',
			...period(),
			checkUnsettled: false,
			options: { timeZone: 'UTC' },
			...parameters,
		},
	});
	return { ...out, summary: summaryOf(out) };
}

describe('Settlement Reconciler: Finance API path through the simulator', () => {
	it('reads every statement and its 202501 transactions, page by page, signed by the shared client', async () => {
		const { summary } = await reconcileApi({ nonApparelRate: 6 });
		expect(summary.financeApi.statements).toBe(sim.state.statements.length);
		expect(summary.financeApi.transactions).toEqual({
			total: sim.state.statementTransactions.length,
			parsed: sim.state.statementTransactions.length,
			reserves: 0,
			rejected: 0,
		});
		const transactionCalls = sim.requests.filter((request) =>
			/\/finance\/202501\/statements\/[^/]+\/statement_transactions$/.test(request.path),
		);
		expect(new Set(transactionCalls.map((request) => request.path.split('/')[4]))).toEqual(
			new Set(sim.state.statements.map((s) => s.id)),
		);
		expect(
			transactionCalls.every(
				(request) =>
					request.query.sort_field === 'order_create_time' && request.query.page_size === '100',
			),
		).toBe(true);
		expect(
			sim.requests.some((request) => request.path.startsWith('/finance/202309/statement')),
		).toBe(true);
		expect(
			sim.requests.some((request) => request.path.includes('/finance/202309/statements/')),
		).toBe(false);
		// Per-order payouts add up to the statements' own totals
		expect(summary.totals.netPayoutReported).toBe(summary.financeApi.statementSettlement);
		expect(summary.totals.netPayoutReported).toBe(
			money(sim.state.statementTransactions.reduce((sum, t) => sum + settlementCents(t), 0)),
		);
	});

	it('detects that the simulator writes fees as negative amounts, and finds nothing when the rate table matches its 6 %', async () => {
		const { summary, discrepancies } = await reconcileApi({ nonApparelRate: 6 });
		expect(summary.feeSign).toBe('fees written as negative amounts');
		expect(summary.feeSignBasis).toMatch(/^\d+ rows add up with fees as negative amounts, 0 with/);
		expect(summary.ordersChecked).toBeGreaterThan(20);
		expect(discrepancies).toEqual([]);
		expect(summary.totals.netPayoutExpected).toBe(summary.totals.netPayoutReported);
	});

	it('with the default 5 %, reports every settled order overcharged by the difference to 6 %', async () => {
		const { discrepancies, summary } = await reconcileApi();
		const commission = discrepancies
			.map((item) => item.json)
			.filter((json) => json.checkCode === 'commission');
		const expectedIds = orderTransactions()
			.filter(
				(t) =>
					Math.abs(-t.feeBreakdown.platformCommission - Math.round(t.parts.revenue * 0.05)) >
					Math.max(1, Math.round(t.parts.revenue * 0.05 * 0.005)),
			)
			.map((t) => t.order_id)
			.sort();
		expect(expectedIds.length).toBeGreaterThan(20);
		expect(commission.map((json) => json.orderId).sort()).toEqual(expectedIds);
		for (const json of commission) {
			const transaction = orderTransactions().find((t) => t.order_id === json.orderId)!;
			expect(json.actual).toBe(money(-transaction.feeBreakdown.platformCommission));
			expect(cents(String(json.owedToYou))).toBe(
				cents(String(json.actual)) - cents(String(json.expected)),
			);
		}
		expect(cents(summary.recoverableAmount) + cents(summary.pastDeadlineAmount)).toBe(
			commission.reduce((sum, json) => sum + cents(String(json.owedToYou)), 0),
		);
	});

	it('lists delivered orders no statement settles, confirmed order by order', async () => {
		const now = Math.floor(Date.now() / 1000);
		const settled = new Set(orderTransactions().map((t) => t.order_id));
		const expected = sim.state.orders
			.filter(
				(o) =>
					['DELIVERED', 'COMPLETED'].includes(o.status) &&
					o.create_time >= now - 60 * DAY &&
					(o.delivery_time ?? o.update_time) <= now - 14 * DAY &&
					!settled.has(o.id),
			)
			.map((o) => o.id)
			.sort();
		expect(expected.length).toBeGreaterThan(0);
		const { discrepancies, summary } = await reconcileApi({
			nonApparelRate: 6,
			checkUnsettled: true,
			unsettledAfterDays: 14,
			lookbackDays: 60,
		});
		const unsettled = discrepancies
			.map((item) => item.json)
			.filter((json) => json.checkCode === 'delivered_not_settled');
		expect(unsettled.map((json) => json.orderId).sort()).toEqual(expected);
		expect(summary.deliveredOrders.notSettled).toBe(expected.length);
		const confirmations = sim.requests.filter((request) =>
			/\/finance\/202501\/orders\/\d+\/statement_transactions$/.test(request.path),
		);
		expect(confirmations.length).toBe(
			expected.length + summary.deliveredOrders.settledOutsidePeriod,
		);
		for (const json of unsettled) {
			const order = sim.state.orders.find((o) => o.id === json.orderId)!;
			expect(json.expected).toBe(order.payment.sub_total);
		}
	});
});

describe('Settlement Reconciler: report compared with the Finance API', () => {
	/** A Seller Center style export of the simulator's own settlements, then two realistic faults. */
	function exportCsv(): { csv: string; changed: string; dropped: string } {
		const rows = [
			'Order/adjustment ID,Type,Order settled time,Subtotal after seller discounts,TikTok Shop commission fee,Total fees,Adjustment amount,Total settlement amount,Related order ID',
		];
		const transactions = orderTransactions();
		const changed = transactions[0].order_id!;
		const dropped = transactions[1].order_id!;
		for (const t of sim.state.statementTransactions) {
			const statement = sim.state.statements.find((s) => s.id === t.statementId)!;
			const date = new Date(statement.statement_time * 1000).toISOString().slice(0, 10);
			const fees = t.parts.feeTax + t.parts.shippingCost;
			const settlement = settlementCents(t) - (t.order_id === changed ? 100 : 0);
			if (t.order_id === dropped) continue;
			if (t.type === 'ORDER')
				rows.push(
					`${t.order_id},Order,${date},${money(t.parts.revenue)},${money(t.feeBreakdown.platformCommission)},${money(fees)},0.00,${money(settlement)},`,
				);
			else
				rows.push(
					`${t.adjustment_id},${t.type},${date},0.00,0.00,0.00,${money(t.parts.adjustment)},${money(settlement)},${t.adjustment_order_id}`,
				);
		}
		return { csv: rows.join('\n'), changed, dropped };
	}

	it('flags the order whose payout differs and the order the report leaves out', async () => {
		const { csv, changed, dropped } = exportCsv();
		const out = await runReconciler({
			credentials,
			items: [csvItem(csv)],
			parameters: {
				operation: 'compareCsvApi',
				binaryPropertyName: 'data',
				checkUnsettled: false,
				nonApparelRate: 6,
				options: { timeZone: 'UTC' },
			},
		});
		const findings = out.discrepancies.map((item) => item.json);
		const comparison = findings.filter((json) =>
			['csv_api_mismatch', 'missing_from_api', 'missing_from_csv'].includes(String(json.checkCode)),
		);
		const droppedPayout = sim.state.statementTransactions
			.filter((t) => t.order_id === dropped || t.adjustment_order_id === dropped)
			.reduce((sum, t) => sum + settlementCents(t), 0);
		expect(comparison.map((json) => [json.orderId, json.checkCode, json.expected])).toEqual(
			expect.arrayContaining([
				[changed, 'csv_api_mismatch', expect.any(String)],
				[dropped, 'missing_from_csv', money(droppedPayout)],
			]),
		);
		expect(comparison).toHaveLength(2);
		const mismatch = comparison.find((json) => json.orderId === changed)!;
		expect(cents(String(mismatch.expected)) - cents(String(mismatch.actual))).toBe(100);
		// The report's own arithmetic catches the changed payout too
		expect(
			findings.find((json) => json.orderId === changed && json.checkCode === 'net_payout'),
		).toMatchObject({ owedToYou: '1.00' });
	});
});
