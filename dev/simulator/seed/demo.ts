import { cents } from '../money';
import { IdFactory, SeededRandom } from '../random';
import type { Order, ReturnOrder, ShopState, Statement, StatementTransaction } from '../state';
import { refundFor, returnLinesOf } from './afterSales';

const HOUR = 3600;
const DAY = 86400;

/** The commission rate the seeded shop settles at (finance.ts) and the one TikTok wrongly charged the planted order. */
const SEEDED_COMMISSION_PERCENT = 6;
const OVERCHARGED_COMMISSION_PERCENT = 8;

/** Statements cut this many days before today (UTC, as TikTok cuts them): inside any "last 7 days" window. */
const RECENT_STATEMENT_DAYS = [2, 3, 4, 5];
/** Orders whose settlement is moved into those statements, two per statement. */
const RECENT_SETTLEMENTS = 8;

/**
 * What the demo shop holds for each template to find on its first run. Amounts in cents, times in Unix seconds.
 * `npm start` prints it in its banner; the demo's e2e test checks the templates find each of them.
 */
export interface DemoPlan {
	/** Statements cut in the last 7 days: the weekly payout audit has something to read. */
	recentStatements: Array<{ id: string; statementTime: number }>;
	/** Settled in a recent statement at 8 % commission instead of 6 %: the payout audit's commission finding. */
	overcharged: { orderId: string; statementTime: number; gross: number; owed: number };
	/** Delivered 16 to 40 days ago, never settled: the payout audit's "delivered but not settled" finding. */
	unsettled: { orderId: string; deliveredAt: number; orderValue: number };
	/** A seller-shipped order with no label yet and its dispatch line 3 hours away. */
	atRisk: { orderId: string; shippingDueTime: number };
	/** A buyer's return request (item damaged) waiting on the seller, about 30 hours left to answer. */
	dispute: { returnId: string; orderId: string; deadline: number };
}

function percentOf(amount: number, percent: number): number {
	return Math.floor((amount * percent + 50) / 100);
}

function sortedById(orders: Order[]): Order[] {
	return [...orders].sort((a, b) => a.id.localeCompare(b.id));
}

function need<T>(value: T | undefined, what: string): T {
	if (value === undefined)
		throw new Error(`The demo shop has no ${what}: change the seed or the order count`);
	return value;
}

/**
 * Plants the demo's problems in a seeded shop, relative to `now`. Runs after every other seeding step with its own
 * random stream, so the shop without the demo (what the other tests read) is unchanged.
 */
export function plantDemo(state: ShopState, seed: number, now: number): DemoPlan {
	const random = new SeededRandom((seed ^ 0x00de_0de0) >>> 0);
	const ids = new IdFactory(random);
	const orderTransaction = new Map(
		state.statementTransactions
			.filter((transaction) => transaction.type === 'ORDER')
			.map((transaction) => [transaction.order_id!, transaction]),
	);
	const adjusted = new Set(
		state.statementTransactions
			.filter((transaction) => transaction.type !== 'ORDER')
			.map((transaction) => transaction.adjustment_order_id),
	);
	const settled = sortedById(
		state.orders.filter(
			(order) =>
				order.status === 'COMPLETED' && orderTransaction.has(order.id) && !adjusted.has(order.id),
		),
	);

	// Delivered but never settled, still inside the 45 days to claim; taken first so it is not also moved.
	const unsettledOrder = need(
		settled.find(
			(order) =>
				order.delivery_time! <= now - 16 * DAY &&
				order.delivery_time! >= now - 40 * DAY &&
				order.create_time >= now - 55 * DAY,
		),
		'completed order delivered 16 to 40 days ago',
	);
	state.statementTransactions = state.statementTransactions.filter(
		(transaction) => transaction !== orderTransaction.get(unsettledOrder.id),
	);

	// Recent statements: the oldest settlements are moved into statements of the last few days (paid late).
	const today = Math.floor(now / DAY) * DAY;
	const recentStatements = RECENT_STATEMENT_DAYS.map((days) => {
		const statementTime = today - days * DAY;
		let statement = state.statements.find(
			(candidate) => candidate.statement_time === statementTime,
		);
		if (!statement) {
			statement = {
				id: ids.next('7312'),
				statement_time: statementTime,
				payment_status: 'PAID',
				payment_id: ids.next('7312'),
				currency: 'USD',
			} satisfies Statement;
			state.statements.push(statement);
			state.payments.push({
				id: statement.payment_id,
				create_time: statementTime,
				paid_time: statementTime + DAY,
				status: 'PAID',
				statementId: statement.id,
				bank_account: `****${random.digits(4)}`,
			});
		}
		return statement;
	});
	const moved = settled
		.filter((order) => order !== unsettledOrder)
		.slice(0, RECENT_SETTLEMENTS)
		.map((order) => orderTransaction.get(order.id)!);
	if (moved.length < RECENT_SETTLEMENTS)
		throw new Error('The demo shop has too few settled orders: change the seed or the order count');
	moved.forEach((transaction, index) => {
		transaction.statementId = recentStatements[index % recentStatements.length].id;
	});
	const used = new Set(state.statementTransactions.map((transaction) => transaction.statementId));
	state.statements = state.statements
		.filter((statement) => used.has(statement.id))
		.sort((a, b) => a.statement_time - b.statement_time);
	state.payments = state.payments.filter((payment) => used.has(payment.statementId));

	// Charged 8 % commission instead of 6 %: the fee and the payout move together, only the rate check sees it.
	const overchargedTransaction = need(
		moved.find((transaction) => transaction.parts.revenue >= 2000),
		'recent settlement of $20 or more',
	);
	const overcharged = overcharge(overchargedTransaction);
	const overchargedStatement = recentStatements.find(
		(statement) => statement.id === overchargedTransaction.statementId,
	)!;

	const atRisk = plantAtRisk(state, now);
	const dispute = plantDispute(state, ids, now);

	return {
		recentStatements: recentStatements.map((statement) => ({
			id: statement.id,
			statementTime: statement.statement_time,
		})),
		overcharged: {
			orderId: overchargedTransaction.order_id!,
			statementTime: overchargedStatement.statement_time,
			...overcharged,
		},
		unsettled: {
			orderId: unsettledOrder.id,
			deliveredAt: unsettledOrder.delivery_time!,
			orderValue: cents(unsettledOrder.payment.sub_total),
		},
		atRisk,
		dispute,
	};
}

function overcharge(transaction: StatementTransaction): { gross: number; owed: number } {
	const gross = transaction.parts.revenue;
	const charged = percentOf(gross, OVERCHARGED_COMMISSION_PERCENT);
	const extra = charged + transaction.feeBreakdown.platformCommission;
	transaction.feeBreakdown.platformCommission = -charged;
	transaction.parts = { ...transaction.parts, feeTax: transaction.parts.feeTax - extra };
	transaction.skuLines[0].parts = {
		...transaction.skuLines[0].parts,
		feeTax: transaction.skuLines[0].parts.feeTax - extra,
	};
	return { gross, owed: charged - percentOf(gross, SEEDED_COMMISSION_PERCENT) };
}

/** A paid seller order with no package yet, its dispatch line 3 hours from now. */
function plantAtRisk(state: ShopState, now: number): DemoPlan['atRisk'] {
	const order = need(
		sortedById(
			state.orders.filter(
				(candidate) =>
					candidate.status === 'AWAITING_SHIPMENT' &&
					candidate.shipping_type === 'SELLER' &&
					!candidate.is_on_hold_order &&
					!candidate.is_buyer_request_cancel &&
					candidate.paid_time !== undefined &&
					candidate.packages.length === 0 &&
					!state.packages.some((pkg) => pkg.order_id === candidate.id),
			),
		)[0],
		'unshipped seller order without a package',
	);
	// Every line TikTok counts lateness from (paid + 3 days, the RTS SLA, the dispatch line) falls 3 hours from now.
	const shippingDueTime = now + 3 * HOUR;
	order.paid_time = shippingDueTime - 3 * DAY;
	order.create_time = order.paid_time - 5 * 60;
	order.update_time = order.paid_time;
	order.rts_sla_time = shippingDueTime;
	order.shipping_due_time = shippingDueTime;
	order.collection_due_time = shippingDueTime + DAY;
	order.delivery_due_time = shippingDueTime + 7 * DAY;
	return { orderId: order.id, shippingDueTime };
}

/** A return request for a damaged item on a delivered order, opened 18 hours ago; the seller has 48 hours. */
function plantDispute(state: ShopState, ids: IdFactory, now: number): DemoPlan['dispute'] {
	const withCase = new Set([
		...state.returns.map((ret) => ret.order_id),
		...state.cancellations.map((cancellation) => cancellation.order_id),
	]);
	const order = need(
		sortedById(
			state.orders.filter(
				(candidate) =>
					candidate.status === 'DELIVERED' &&
					!withCase.has(candidate.id) &&
					candidate.delivery_time !== undefined &&
					candidate.delivery_time <= now - DAY,
			),
		)[0],
		'delivered order without a return',
	);
	const created = now - 18 * HOUR;
	const deadline = created + 2 * DAY;
	const items = order.line_items.slice(0, 1);
	const ret: ReturnOrder = {
		return_id: ids.next('4035', 18),
		order_id: order.id,
		return_type: 'RETURN_AND_REFUND',
		return_status: 'RETURN_OR_REFUND_REQUEST_PENDING',
		role: 'BUYER',
		return_reason: 'ecom_order_delivered_refund_and_return_reason_damaged',
		return_reason_text: 'Item damaged or defective',
		seller_next_action_response: [{ action: 'SELLER_RESPOND_REQUEST', deadline }],
		return_line_items: returnLinesOf(order, items, () => ids.next('4035', 18)),
		refund_amount: refundFor(order, items),
		create_time: created,
		update_time: created,
	};
	state.returns.push(ret);
	return { returnId: ret.return_id, orderId: order.id, deadline };
}
