import Papa from 'papaparse';

import type { Order, ShopState, Statement, StatementTransaction } from '../../dev/simulator';
import { describeFailure, nodeOutput, type Execution } from '../../dev/stack/n8nApi';
import type { OutboxMessage } from '../../dev/stack/smtpOutbox';
import { startStack, type Stack } from '../../dev/stack/stack';
import { template } from '../../dev/stack/templates';

const TRIGGER = 'Every Monday at 07:00';
const RECONCILER = 'Reconcile the last 7 days';
const STATEMENTS = '/finance/202309/statements';
const ORDER_SEARCH = '/order/202309/orders/search';
const ZONE = 'America/Los_Angeles';
const DAY = 86400;
/** The template's commission rate (Commission Rate, Non-Apparel) and the simulator's: 6 %. */
const RATE_PERCENT = 6;

type CheckCode = 'commission' | 'delivered_not_settled' | 'duplicate_adjustment';

/** A finding as worked out by hand from the planted data; amounts in cents, dates as the seller's calendar days. */
interface Expected {
	orderId: string;
	checkCode: CheckCode;
	expected: number;
	actual: number;
	owed: number;
	transactionDate: string;
}

/** What the test changed in the shop, so the expected findings can be worked out after the run. */
interface Plan {
	statement: Statement;
	overcharged: Expected;
	overchargedGross: number;
	unsettled: Expected;
	unsettledPastDeadline: Expected;
	duplicated: Expected;
	droppedOrderIds: string[];
}

/** yyyy-mm-dd of a Unix time in the seller's zone, via Intl rather than the node's luxon. */
function sellerDate(seconds: number): string {
	return new Intl.DateTimeFormat('en-CA', {
		timeZone: ZONE,
		year: 'numeric',
		month: '2-digit',
		day: '2-digit',
	}).format(new Date(seconds * 1000));
}

function plusDays(isoDate: string, days: number): string {
	const [year, month, day] = isoDate.split('-').map(Number);
	return new Date(Date.UTC(year, month - 1, day + days)).toISOString().slice(0, 10);
}

/** Minutes the seller's zone is ahead of UTC at a moment (negative in the US). */
function offsetMinutes(epochMs: number): number {
	const parts = new Intl.DateTimeFormat('en-US', {
		timeZone: ZONE,
		hourCycle: 'h23',
		year: 'numeric',
		month: 'numeric',
		day: 'numeric',
		hour: 'numeric',
		minute: 'numeric',
	}).formatToParts(new Date(epochMs));
	const part = (type: string) => Number(parts.find((candidate) => candidate.type === type)!.value);
	return (
		(Date.UTC(part('year'), part('month') - 1, part('day'), part('hour'), part('minute')) -
			epochMs) /
		60000
	);
}

/** Unix seconds of 00:00 on a calendar day in the seller's zone; the offset is read twice so DST change days come out right. */
function sellerMidnight(isoDate: string): number {
	const utcMidnight = Date.parse(`${isoDate}T00:00:00Z`);
	const guess = utcMidnight - offsetMinutes(utcMidnight) * 60000;
	return (utcMidnight - offsetMinutes(guess) * 60000) / 1000;
}

function cents(amount: string): number {
	const [whole, fraction = ''] = amount.replace('-', '').split('.');
	const value = Number(whole) * 100 + Number(fraction.padEnd(2, '0'));
	return amount.startsWith('-') ? -value : value;
}

function dollars(value: number): string {
	const abs = Math.abs(value);
	return `${value < 0 ? '-' : ''}${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, '0')}`;
}

/** percent of a positive amount in cents, half-up, worked out in integers. */
function percentOf(amount: number, percent: number): number {
	return Math.floor((amount * percent + 50) / 100);
}

/** Payout the seller should have had for an order TikTok never settled: order value minus commission. */
function unsettledFinding(order: Order): Expected {
	const value = cents(order.payment.sub_total);
	return {
		orderId: order.id,
		checkCode: 'delivered_not_settled',
		expected: value,
		actual: 0,
		owed: value - percentOf(value, RATE_PERCENT),
		transactionDate: sellerDate(order.delivery_time!),
	};
}

/**
 * The seeded shop settles every order exactly at 6 %. This moves every settlement into one statement two days before
 * the audit week ends (over 100 transactions, so the API pages) and plants four problems:
 * - an order charged 8 % commission instead of 6 %;
 * - a delivered order whose settlement is missing (still claimable);
 * - a delivered order whose settlement is missing, delivered over 45 days ago (past the correction limit);
 * - a shipping-fee adjustment booked twice under the same adjustment ID.
 */
function plantDiscrepancies(state: ShopState, nowSeconds: number): Plan {
	const today = sellerDate(nowSeconds);
	const statementTime = Math.floor((sellerMidnight(today) - 2 * DAY) / DAY) * DAY;
	let statement = state.statements.find((candidate) => candidate.statement_time === statementTime);
	if (!statement) {
		statement = {
			id: '7312000000000000001',
			statement_time: statementTime,
			payment_status: 'PAID',
			payment_id: '7312000000000000002',
			currency: 'USD',
		};
		state.statements.push(statement);
	}
	for (const transaction of state.statementTransactions) transaction.statementId = statement.id;
	const transactionDate = sellerDate(statementTime);

	const orderTransaction = new Map(
		state.statementTransactions.filter((t) => t.type === 'ORDER').map((t) => [t.order_id!, t]),
	);
	const adjusted = new Set(
		state.statementTransactions.filter((t) => t.type !== 'ORDER').map((t) => t.adjustment_order_id),
	);
	const plain = state.orders
		.filter(
			(order) =>
				order.status === 'COMPLETED' && orderTransaction.has(order.id) && !adjusted.has(order.id),
		)
		.sort((a, b) => a.id.localeCompare(b.id));
	const take = (test: (order: Order) => boolean): Order => {
		const index = plain.findIndex(test);
		if (index === -1)
			throw new Error(
				'The seeded shop has no order to plant this discrepancy on: change the seed or the order count',
			);
		return plain.splice(index, 1)[0];
	};

	const overchargedOrder = take((order) => orderTransaction.get(order.id)!.parts.revenue >= 2000);
	const overchargedTransaction = orderTransaction.get(overchargedOrder.id)!;
	const gross = overchargedTransaction.parts.revenue;
	const charged = percentOf(gross, 8);
	const extra = charged + overchargedTransaction.feeBreakdown.platformCommission;
	// TikTok really deducted it: the fee and the payout move together, so only the commission check can see it.
	overchargedTransaction.feeBreakdown.platformCommission = -charged;
	overchargedTransaction.parts = {
		...overchargedTransaction.parts,
		feeTax: overchargedTransaction.parts.feeTax - extra,
	};
	overchargedTransaction.skuLines[0].parts = {
		...overchargedTransaction.skuLines[0].parts,
		feeTax: overchargedTransaction.skuLines[0].parts.feeTax - extra,
	};
	const expectedCommission = percentOf(gross, RATE_PERCENT);

	const unsettledOrder = take(
		(order) =>
			order.delivery_time! <= nowSeconds - 16 * DAY &&
			order.delivery_time! >= nowSeconds - 40 * DAY &&
			order.create_time >= nowSeconds - 55 * DAY,
	);
	const lateOrder = take(
		(order) =>
			order.create_time >= nowSeconds - 58 * DAY && order.create_time <= nowSeconds - 50 * DAY,
	);
	lateOrder.delivery_time = lateOrder.create_time + 2 * DAY;
	lateOrder.update_time = lateOrder.delivery_time;
	const dropped = new Set([unsettledOrder.id, lateOrder.id]);
	state.statementTransactions = state.statementTransactions.filter(
		(t) => !(t.type === 'ORDER' && dropped.has(t.order_id!)),
	);

	const duplicatedOrder = take(() => true);
	const adjustment = (id: string): StatementTransaction => ({
		id,
		statementId: statement.id,
		type: 'SHIPPING_FEE_ADJUSTMENT',
		adjustment_id: '7312000000000000375',
		adjustment_order_id: duplicatedOrder.id,
		order_create_time: duplicatedOrder.create_time,
		parts: { revenue: 0, shippingCost: 0, feeTax: 0, adjustment: -375 },
		revenueBreakdown: { subtotalBeforeDiscount: 0, sellerDiscount: 0 },
		shippingBreakdown: { actualShippingFee: 0, customerPaidShippingFee: 0 },
		feeBreakdown: { platformCommission: 0, transactionFee: 0, affiliateCommission: 0 },
		skuLines: [],
	});
	state.statementTransactions.push(
		adjustment('7312000000000000901'),
		adjustment('7312000000000000902'),
	);

	return {
		statement,
		overcharged: {
			orderId: overchargedOrder.id,
			checkCode: 'commission',
			expected: expectedCommission,
			actual: charged,
			owed: charged - expectedCommission,
			transactionDate,
		},
		overchargedGross: gross,
		unsettled: unsettledFinding(unsettledOrder),
		unsettledPastDeadline: unsettledFinding(lateOrder),
		duplicated: {
			orderId: duplicatedOrder.id,
			checkCode: 'duplicate_adjustment',
			expected: -375,
			actual: -750,
			owed: 375,
			transactionDate,
		},
		droppedOrderIds: [...dropped],
	};
}

/** The node's output item for a finding, with the deadline TikTok gives (45 days) and the urgency order. */
function outputItem(finding: Expected, today: string) {
	const deadline = plusDays(finding.transactionDate, 45);
	return {
		orderId: finding.orderId,
		checkCode: finding.checkCode,
		expected: dollars(finding.expected),
		actual: dollars(finding.actual),
		difference: dollars(finding.actual - finding.expected),
		owedToYou: dollars(finding.owed),
		transactionDate: finding.transactionDate,
		deadline,
		pastDeadline: deadline < today,
	};
}

type OutputItem = ReturnType<typeof outputItem>;

/** Claimable money first (soonest deadline, then the larger amount), then what is past the limit. */
function byUrgency(a: OutputItem, b: OutputItem): number {
	return (
		Number(a.pastDeadline) - Number(b.pastDeadline) ||
		a.deadline.localeCompare(b.deadline) ||
		cents(b.owedToYou) - cents(a.owedToYou) ||
		a.orderId.localeCompare(b.orderId)
	);
}

function output(
	execution: Execution,
	nodeName: string,
	index: number,
): Array<Record<string, unknown>> {
	return (execution.data.resultData.runData[nodeName]?.[0]?.data?.main?.[index] ?? []).map(
		(item) => item.json,
	);
}

/** The cells of each row of the email's discrepancy table (10 columns), in order, with markup removed. */
function tableRows(html: string): string[][] {
	return [...html.matchAll(/<tr[^>]*>(.*?)<\/tr>/g)]
		.map((row) =>
			[...row[1].matchAll(/<td[^>]*>(.*?)<\/td>/g)].map((cell) =>
				cell[1].replace(/<[^>]+>/g, '').replace(/&amp;/g, '&'),
			),
		)
		.filter((cells) => cells.length === 10);
}

function unescapeHtml(text: string): string {
	return text.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
}

describe('workflows/weekly-payout-audit.json in n8n 2.41.1', () => {
	const workflow = template('weekly-payout-audit.json');
	let stack: Stack;
	let plan: Plan;
	let execution: Execution;
	let mail: OutboxMessage | undefined;
	let runStarted: number;
	let expectedItems: OutputItem[];
	let today: string;

	const requestsOfRun = () =>
		stack.simulator.requests.filter((request) => request.time >= runStarted * 1000);

	/** The findings worked out by hand, sorted as the node must sort them, and the seller's "today" of the run. */
	const expectations = (): { today: string; expectedItems: OutputItem[] } => {
		// The delivered-order search tells which orders the run considered (its clock, not the test's).
		const search = requestsOfRun().find((request) => request.path === ORDER_SEARCH);
		if (!search)
			throw new Error(`The run did not search for delivered orders. ${describeFailure(execution)}`);
		const { create_time_ge: lookbackStart, create_time_lt: asOf } = search.body as {
			create_time_ge: number;
			create_time_lt: number;
		};
		const settled = new Set(
			stack.simulator.state.statementTransactions.map((t) => t.order_id ?? t.adjustment_order_id),
		);
		// The seeded shop never settles an order whose refund completed, so the audit reports those orders too.
		const neverSettled = stack.simulator.state.orders.filter(
			(order) =>
				(order.status === 'DELIVERED' || order.status === 'COMPLETED') &&
				order.create_time >= lookbackStart &&
				order.create_time < asOf &&
				order.delivery_time! <= asOf - 14 * DAY &&
				!settled.has(order.id) &&
				!plan.droppedOrderIds.includes(order.id),
		);
		const runDay = sellerDate(asOf);
		const findings = [
			plan.overcharged,
			plan.unsettled,
			plan.unsettledPastDeadline,
			plan.duplicated,
			...neverSettled.map(unsettledFinding),
		];
		return {
			today: runDay,
			expectedItems: findings.map((finding) => outputItem(finding, runDay)).sort(byUrgency),
		};
	};

	beforeAll(async () => {
		// 1,000 orders give over 100 settled orders: the statement's transactions need two pages.
		stack = await startStack({
			setupOwner: true,
			simulator: { orders: 1000 },
			publish: [workflow.id],
		});
		plan = plantDiscrepancies(stack.simulator.state, Math.floor(Date.now() / 1000));
		stack.simulator.reset();
		const mailsBefore = stack.outbox.messages.length;
		runStarted = Math.floor(Date.now() / 1000);
		execution = await stack.api.waitForExecution(await stack.api.runManually(workflow.id, TRIGGER));
		if (execution.status === 'success') {
			[mail] = await stack.outbox.waitFor(1, { sinceIndex: mailsBefore });
			({ today, expectedItems } = expectations());
		}
	});

	afterAll(async () => {
		await stack?.stop();
	});

	it('is imported with its credentials and active', async () => {
		expect((await stack.api.workflow(workflow.id)).active).toBe(true);
	});

	it('runs without errors', () => {
		if (execution.status !== 'success') throw new Error(describeFailure(execution));
		// The reconciler continues on error (so the failure is emailed): an error shows up in its summary instead.
		expect(output(execution, RECONCILER, 1)).toEqual([
			expect.not.objectContaining({ error: expect.anything() }),
		]);
	});

	it('reads the last 7 full days of statements and every page of their transactions, with signed calls, and changes nothing', () => {
		const requests = requestsOfRun();
		const statementCalls = requests.filter((request) => request.path === STATEMENTS);
		expect(statementCalls).toHaveLength(1);
		expect(statementCalls[0].query).toMatchObject({
			sort_field: 'statement_time',
			statement_time_ge: String(sellerMidnight(plusDays(today, -7))),
			statement_time_lt: String(sellerMidnight(today)),
		});

		const inWindow = stack.simulator.state.statements.filter(
			(statement) =>
				statement.statement_time >= sellerMidnight(plusDays(today, -7)) &&
				statement.statement_time < sellerMidnight(today),
		);
		expect(inWindow.map((statement) => statement.id)).toContain(plan.statement.id);
		const transactionCalls = requests.filter((request) =>
			/^\/finance\/202501\/statements\/[^/]+\/statement_transactions$/.test(request.path),
		);
		const pagesOf = (statement: Statement) =>
			transactionCalls.filter((request) => request.path.includes(`/${statement.id}/`));
		for (const statement of inWindow.filter((candidate) => candidate !== plan.statement))
			expect(pagesOf(statement)).toHaveLength(1);
		const transactions = stack.simulator.state.statementTransactions.filter(
			(t) => t.statementId === plan.statement.id,
		).length;
		expect(transactions).toBeGreaterThan(100);
		const pages = pagesOf(plan.statement);
		expect(pages).toHaveLength(Math.ceil(transactions / 100));
		expect(pages[0].query.page_token).toBeUndefined();
		for (const page of pages.slice(1)) expect(page.query.page_token).toMatch(/.+/);
		for (const page of pages)
			expect(page.query).toMatchObject({ page_size: '100', sort_field: 'order_create_time' });

		const finance = requests.filter((request) => request.path.startsWith('/finance/'));
		for (const request of [...finance, ...requests.filter((r) => r.path === ORDER_SEARCH)]) {
			expect(request).toMatchObject({
				method: request.path === ORDER_SEARCH ? 'POST' : 'GET',
				status: 200,
				code: 0,
			});
			expect(request.query).toMatchObject({
				app_key: stack.simulator.app.appKey,
				shop_cipher: stack.simulator.shop.cipher,
			});
			// The simulator checks the HMAC and answers 106001 when it is wrong; code 0 above means it matched.
			expect(request.query.sign).toMatch(/^[0-9a-f]{64}$/);
		}
		expect(stack.simulator.mutations).toEqual([]);
	});

	it('reports each planted discrepancy with its check, amounts and deadline, most urgent first, and nothing on the clean orders', () => {
		const items = nodeOutput(execution, RECONCILER);
		expect(
			items.map((item) => ({
				orderId: item.orderId,
				checkCode: item.checkCode,
				expected: item.expected,
				actual: item.actual,
				difference: item.difference,
				owedToYou: item.owedToYou,
				transactionDate: item.transactionDate,
				deadline: item.deadline,
				pastDeadline: item.pastDeadline,
			})),
		).toEqual(expectedItems);
		expect(items.map((item) => item.urgency)).toEqual(expectedItems.map((_, index) => index + 1));

		const late = items.find((item) => item.orderId === plan.unsettledPastDeadline.orderId)!;
		expect(late.pastDeadline).toBe(true);
		expect(late.daysLeft as number).toBeLessThan(0);
		// 8 % charged where 6 % is due: the seller is owed the 2 %.
		expect(items.find((item) => item.orderId === plan.overcharged.orderId)).toMatchObject({
			expected: dollars(percentOf(plan.overchargedGross, 6)),
			actual: dollars(percentOf(plan.overchargedGross, 8)),
			owedToYou: dollars(percentOf(plan.overchargedGross, 8) - percentOf(plan.overchargedGross, 6)),
		});
		expect(items.find((item) => item.orderId === plan.duplicated.orderId)).toMatchObject({
			expected: '-3.75',
			actual: '-7.50',
			difference: '-3.75',
			owedToYou: '3.75',
		});
	});

	it('sums what is claimable and what is past the limit in one summary, with a correction request per kind of finding', () => {
		const [summary] = output(execution, RECONCILER, 1);
		const claimable = expectedItems.filter((item) => !item.pastDeadline);
		const late = expectedItems.filter((item) => item.pastDeadline);
		const settledOrders = new Set(
			stack.simulator.state.statementTransactions.map((t) => t.order_id ?? t.adjustment_order_id),
		);
		expect(summary).toMatchObject({
			recoverableAmount: dollars(
				claimable.reduce((total, item) => total + cents(item.owedToYou), 0),
			),
			pastDeadlineAmount: dollars(late.reduce((total, item) => total + cents(item.owedToYou), 0)),
			nextDeadline: claimable[0].deadline,
			discrepancies: expectedItems.length,
			ordersChecked: settledOrders.size,
			source: 'Finance API',
			timeZone: ZONE,
			asOf: today,
		});
		expect(summary.financeApi).toMatchObject({ transactions: { rejected: 0 } });
		expect(output(execution, RECONCILER, 2)).toEqual([]);

		const requests = summary.correctionRequests as Array<{
			check: string;
			orders: number;
			amount: string;
			text: string;
		}>;
		const checks = [...new Set(claimable.map((item) => item.checkCode))];
		expect(requests).toHaveLength(checks.length);
		for (const item of claimable)
			expect(requests.some((request) => request.text.includes(`Order ${item.orderId} `))).toBe(
				true,
			);
		for (const item of late)
			expect(requests.some((request) => request.text.includes(item.orderId))).toBe(false);
	});

	it('emails one summary: the amount in the subject, every discrepancy in urgency order, the correction requests and a CSV', () => {
		expect(mail).toBeDefined();
		const [summary] = output(execution, RECONCILER, 1);
		const claimable = expectedItems.filter((item) => !item.pastDeadline);
		expect(mail!.to).toBe('operations@example.com');
		expect(mail!.subject).toBe(
			`TikTok Shop payout audit: $${summary.recoverableAmount as string} to claim (${expectedItems.length} findings, first deadline ${claimable[0].deadline})`,
		);

		const rows = tableRows(mail!.html);
		expect(rows).toHaveLength(expectedItems.length);
		const items = nodeOutput(execution, RECONCILER);
		const usd = (value: string) => (value.startsWith('-') ? `-$${value.slice(1)}` : `$${value}`);
		rows.forEach((cells, index) => {
			const expected = expectedItems[index];
			expect(cells.slice(0, 8)).toEqual([
				String(index + 1),
				expected.orderId,
				items[index].check,
				usd(expected.expected),
				usd(expected.actual),
				usd(expected.difference),
				usd(expected.owedToYou),
				expected.transactionDate,
			]);
			expect(cells[8].startsWith(expected.deadline)).toBe(true);
			expect(cells[8].includes('PAST DEADLINE')).toBe(expected.pastDeadline);
		});

		const requests = summary.correctionRequests as Array<{ text: string }>;
		expect(requests.length).toBeGreaterThan(0);
		for (const request of requests) {
			expect(mail!.text).toContain(request.text);
			expect(unescapeHtml(mail!.html)).toContain(request.text);
		}

		expect(mail!.attachments).toHaveLength(1);
		expect(mail!.attachments[0].filename).toBe(`tiktok-shop-payout-discrepancies-${today}.csv`);
		const csv = Papa.parse<Record<string, string>>(mail!.attachments[0].content.toString('utf8'), {
			header: true,
			skipEmptyLines: true,
		});
		expect(csv.errors).toEqual([]);
		expect(
			csv.data.map((row) => [
				row.orderId,
				row.checkCode,
				row.expected,
				row.actual,
				row.difference,
				row.deadline,
			]),
		).toEqual(
			expectedItems.map((item) => [
				item.orderId,
				item.checkCode,
				item.expected,
				item.actual,
				item.difference,
				item.deadline,
			]),
		);
	});

	it('emails that the audit failed, instead of staying silent, when TikTok keeps failing', async () => {
		stack.simulator.faults.inject({ pathPattern: STATEMENTS, kind: '5xx' });
		const mailsBefore = stack.outbox.messages.length;
		try {
			const failed = await stack.api.waitForExecution(
				await stack.api.runManually(workflow.id, TRIGGER),
			);
			if (failed.status !== 'success') throw new Error(describeFailure(failed));
			const [alert] = await stack.outbox.waitFor(1, { sinceIndex: mailsBefore });
			expect(alert.subject).toMatch(/^TikTok Shop payout audit FAILED: /);
			expect(alert.text).toMatch(/could not run/);
			expect(alert.attachments).toEqual([]);
			expect(output(failed, RECONCILER, 0)).toEqual([]);
		} finally {
			stack.simulator.faults.clear();
		}
	});
});
