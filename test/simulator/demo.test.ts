import { getTracking } from 'ts-tracking-number';

import { resetBuckets } from '../../nodes/shared/tiktok/rateBudget';
import { demoThreePlFile, settlementCsvDatedFrom } from '../../dev/demo';
import { runReconciler, summaryOf } from '../../dev/harness/runReconciler';
import { simulatorCredentials } from '../../dev/harness/simulatorCredentials';
import { startSimulator, type RunningSimulator } from '../../dev/simulator/index';
import { seedWorld } from '../../dev/simulator/seed';

const HOUR = 3600;
const DAY = 86400;

/** Moments the demo must work at: today, just after midnight UTC, a US DST change, a leap day, a year end. */
const NOWS = [
	Math.floor(Date.now() / 1000),
	Date.UTC(2026, 2, 8, 10, 30) / 1000,
	Date.UTC(2026, 10, 1, 0, 5) / 1000,
	Date.UTC(2028, 1, 29, 23, 59) / 1000,
	Date.UTC(2026, 11, 31, 12) / 1000,
];

describe('the demo shop (seeded with demo: true)', () => {
	it.each(NOWS)('plants a problem for each template, relative to now = %i', (now) => {
		const { state, demo } = seedWorld(1, 200, now, { demo: true });
		if (!demo) throw new Error('no demo plan');

		// Spread over the last 60 days, with deadlines in the next 7.
		const created = state.orders.map((order) => order.create_time);
		expect(Math.max(...created)).toBeLessThanOrEqual(now);
		expect(Math.min(...created)).toBeGreaterThanOrEqual(now - 60 * DAY);
		expect(Math.min(...created)).toBeLessThan(now - 45 * DAY);
		const returnsCreated = state.returns.map((ret) => ret.create_time);
		expect(Math.min(...returnsCreated)).toBeLessThan(now - 30 * DAY);
		expect(Math.max(...returnsCreated)).toBeGreaterThan(now - DAY);
		expect(state.packages.length).toBeGreaterThan(50);
		const statementTimes = state.statements.map((statement) => statement.statement_time);
		expect(Math.min(...statementTimes)).toBeLessThan(now - 30 * DAY);
		const dueSoon = state.orders.filter(
			(order) =>
				order.status === 'AWAITING_SHIPMENT' &&
				order.shipping_due_time > now &&
				order.shipping_due_time <= now + 7 * DAY,
		);
		expect(dueSoon.length).toBeGreaterThan(5);

		// Weekly payout audit: statements inside its 7-day window, one of them with an overcharged order.
		expect(demo.recentStatements).toHaveLength(4);
		for (const { id, statementTime } of demo.recentStatements) {
			expect(statementTime).toBeGreaterThan(now - 6 * DAY);
			expect(statementTime).toBeLessThan(now - DAY);
			expect(state.statementTransactions.some((t) => t.statementId === id)).toBe(true);
		}
		const overcharged = state.statementTransactions.find(
			(t) => t.type === 'ORDER' && t.order_id === demo.overcharged.orderId,
		)!;
		expect(-overcharged.feeBreakdown.platformCommission).toBe(
			Math.floor((overcharged.parts.revenue * 8 + 50) / 100),
		);
		expect(demo.overcharged.owed).toBeGreaterThan(0);
		// Delivered 16 to 40 days ago, still claimable, and in no statement.
		expect(demo.unsettled.deliveredAt).toBeLessThanOrEqual(now - 16 * DAY);
		expect(demo.unsettled.deliveredAt).toBeGreaterThanOrEqual(now - 40 * DAY);
		expect(state.statementTransactions.some((t) => t.order_id === demo.unsettled.orderId)).toBe(
			false,
		);
		// Every statement left has transactions, and every payment its statement.
		const used = new Set(state.statementTransactions.map((t) => t.statementId));
		expect(state.statements.every((statement) => used.has(statement.id))).toBe(true);
		expect(state.payments.map((p) => p.statementId).sort()).toEqual(
			state.statements.map((s) => s.id).sort(),
		);

		// Shop health guard: an unshipped order without a label, its dispatch line 3 hours away.
		const atRisk = state.orders.find((order) => order.id === demo.atRisk.orderId)!;
		expect(atRisk.status).toBe('AWAITING_SHIPMENT');
		expect(atRisk.shipping_due_time).toBe(now + 3 * HOUR);
		expect(atRisk.rts_sla_time).toBe(now + 3 * HOUR);
		expect(atRisk.paid_time! + 3 * DAY).toBe(now + 3 * HOUR);
		expect(state.packages.some((pkg) => pkg.order_id === atRisk.id)).toBe(false);

		// Return desk: a pending return with about 30 hours left.
		const dispute = state.returns.find((ret) => ret.return_id === demo.dispute.returnId)!;
		expect(dispute.return_status).toBe('RETURN_OR_REFUND_REQUEST_PENDING');
		expect(dispute.seller_next_action_response[0].deadline).toBe(now + 30 * HOUR);

		// The 3PL file: three good labels, the at-risk order's label mistyped, an unknown carrier.
		const file = demoThreePlFile(state, demo, now);
		expect(file.rows.map((row) => row.outcome)).toEqual([
			'shipped',
			'shipped',
			'shipped',
			'tracking_check_digit',
			'carrier_unknown',
		]);
		for (const row of file.rows.filter((candidate) => candidate.outcome === 'shipped'))
			expect(getTracking(row.tracking_number)).toBeDefined();
		const typo = file.rows[3];
		expect(typo.order_id).toBe(demo.atRisk.orderId);
		expect(getTracking(typo.tracking_number)).toBeUndefined();
		expect(file.csv.split('\r\n')).toHaveLength(file.rows.length + 2);
	});

	it('leaves the shop without the demo exactly as before', () => {
		const now = 1_750_000_000;
		expect(seedWorld(1, 200, now).state).toEqual(seedWorld(1, 200, now).state);
		const plain = seedWorld(1, 200, now);
		const demo = seedWorld(1, 200, now, { demo: true });
		expect(plain.demo).toBeUndefined();
		expect(demo.state.orders.map((order) => order.id)).toEqual(
			plain.state.orders.map((order) => order.id),
		);
		expect(demo.state.products).toEqual(plain.state.products);
	});

	it('dates the sample settlement report so its latest settlement was 5 days ago', () => {
		const nowMs = Date.UTC(2026, 11, 7, 9);
		const csv = settlementCsvDatedFrom(nowMs);
		const dates = [...csv.matchAll(/\b(\d{4})\/(\d{2})\/(\d{2})\b/g)]
			.filter((match) => Number(match[2]) <= 12)
			.map((match) => `${match[1]}-${match[2]}-${match[3]}`)
			.sort();
		expect(dates.at(-1)).toBe('2026-12-02');
		expect(csv).not.toContain('2025/01/');
	});
});

describe('the weekly payout audit settings on the demo shop', () => {
	let sim: RunningSimulator;

	beforeAll(async () => {
		sim = await startSimulator({ demo: true });
	});
	afterAll(() => sim.close());
	beforeEach(() => resetBuckets());

	it('reads statements in its 7-day window and finds money to claim before the 45-day deadline', async () => {
		const now = Date.now();
		const out = await runReconciler({
			credentials: simulatorCredentials(sim),
			parameters: {
				operation: 'reconcileApi',
				from: new Date(now - 7 * DAY * 1000).toISOString(),
				to: new Date(now).toISOString(),
				checkUnsettled: true,
				unsettledAfterDays: 14,
				lookbackDays: 60,
				nonApparelRate: 6,
				toleranceAmount: 0.01,
				tolerancePercent: 0.5,
				options: { timeZone: 'America/Los_Angeles' },
			},
		});
		const summary = summaryOf(out);
		const demo = sim.demo!;
		expect(summary.financeApi.statements).toBeGreaterThanOrEqual(demo.recentStatements.length);
		expect(summary.ordersChecked).toBeGreaterThan(0);
		expect(Number(summary.recoverableAmount)).toBeGreaterThan(0);
		const findings = out.discrepancies.map((item) => item.json);
		const commission = findings.find((f) => f.orderId === demo.overcharged.orderId);
		expect(commission).toMatchObject({ checkCode: 'commission', pastDeadline: false });
		expect(Math.round(Number(commission!.owedToYou) * 100)).toBe(demo.overcharged.owed);
		expect(findings.find((f) => f.orderId === demo.unsettled.orderId)).toMatchObject({
			checkCode: 'delivered_not_settled',
			pastDeadline: false,
		});
	});
});
