import type { OrderRecord } from '../../../shared/tiktok/resources/orders';
import type { ReturnRecord } from '../../../shared/tiktok/resources/returns';
import { trackingNumberOf } from './riskReasons';

/**
 * The fulfilment metrics TikTok judges a US shop by, recomputed from the shop's own orders, carrier scans and
 * returns, so a seller sees them coming before Seller Center or SPS shows them. Definitions follow TikTok Shop's US
 * Academy (seller-us.tiktok.com/university): Late Dispatch Rate (knowledge_id 3668989549299511, ≤ 4 %, counted from
 * the carrier's scan), On-Time Delivery Rate (7671875816589099, ≥ 80 %), Valid Tracking Rate (≥ 95 %) and
 * Seller-Fault Cancellation Rate (≤ 2.5 %) from the Fulfillment Policy's four core metrics. Return handling time has
 * no published TikTok threshold in the stored sources: 48 h is this node's default, editable.
 *
 * One population rule for all: orders CREATED inside the window (TikTok evaluates each metric over its own rolling
 * period; the numbers here are comparable, not identical).
 */
export type MetricKey =
	| 'late_dispatch_rate'
	| 'valid_tracking_rate'
	| 'seller_fault_cancellation_rate'
	| 'on_time_delivery_rate'
	| 'return_handling_time';

export interface MetricThreshold {
	value: number;
	/** MAX: the metric must stay at or below; MIN: at or above. */
	type: 'MAX' | 'MIN';
}

export const DEFAULT_THRESHOLDS: Record<MetricKey, MetricThreshold> = {
	late_dispatch_rate: { value: 4, type: 'MAX' },
	valid_tracking_rate: { value: 95, type: 'MIN' },
	seller_fault_cancellation_rate: { value: 2.5, type: 'MAX' },
	on_time_delivery_rate: { value: 80, type: 'MIN' },
	return_handling_time: { value: 48, type: 'MAX' },
};

export const METRIC_LABELS: Record<MetricKey, string> = {
	late_dispatch_rate: 'Late dispatch rate',
	valid_tracking_rate: 'Valid tracking rate',
	seller_fault_cancellation_rate: 'Seller-fault cancellation rate',
	on_time_delivery_rate: 'On-time delivery rate',
	return_handling_time: 'Return handling time',
};

export interface MetricResult {
	metric: MetricKey;
	label: string;
	value: number;
	unit: '%' | 'hours';
	numerator: number;
	denominator: number;
	threshold: number;
	threshold_type: 'MAX' | 'MIN';
	status: 'ok' | 'breach' | 'no_data';
	/** How the number was counted, in words. */
	definition: string;
	note?: string;
	/** The orders behind the number: the late, invalid, cancelled or slow ones. */
	orders: string[];
	window_start: string;
	window_end: string;
}

export interface MetricInput {
	orders: OrderRecord[];
	returns: ReturnRecord[];
	/** First carrier scan per order id (Unix seconds), for orders whose collection_time TikTok did not give. */
	carrierScans: Map<string, number | undefined>;
	/** Unix seconds; orders created in [from, to). */
	window: { from: number; to: number };
	now: number;
	thresholds?: Partial<Record<MetricKey, MetricThreshold>>;
}

const PENDING_RETURN = 'RETURN_OR_REFUND_REQUEST_PENDING';
/** Cancelled because the seller did not ship or had no stock, when TikTok's system cancelled it. */
const SELLER_FAULT_SYSTEM_REASON = /ship|dispatch|collect|stock|seller|fulfil/i;

function percent(numerator: number, denominator: number): number {
	return denominator === 0 ? 0 : Math.round((numerator / denominator) * 10000) / 100;
}

function isFulfilledByTikTok(order: OrderRecord): boolean {
	return /BY_TIKTOK|FBT/i.test(order.fulfillment_type ?? '');
}

function scanOf(order: OrderRecord, scans: Map<string, number | undefined>): number | undefined {
	return order.collection_time ?? scans.get(order.id);
}

function judge(
	value: number,
	denominator: number,
	threshold: MetricThreshold,
): MetricResult['status'] {
	if (denominator === 0) return 'no_data';
	return threshold.type === 'MAX'
		? value <= threshold.value
			? 'ok'
			: 'breach'
		: value >= threshold.value
			? 'ok'
			: 'breach';
}

export function computeMetrics(input: MetricInput): MetricResult[] {
	const { window, now, carrierScans } = input;
	const thresholds = { ...DEFAULT_THRESHOLDS, ...input.thresholds };
	const inWindow = input.orders.filter(
		(order) => order.create_time >= window.from && order.create_time < window.to,
	);
	const windowStart = new Date(window.from * 1000).toISOString();
	const windowEnd = new Date(window.to * 1000).toISOString();
	const results: MetricResult[] = [];
	const add = (
		metric: MetricKey,
		unit: MetricResult['unit'],
		counts: { numerator: number; denominator: number; value: number; orders: string[] },
		definition: string,
		emptyNote: string,
	) => {
		const threshold = thresholds[metric];
		const status = judge(counts.value, counts.denominator, threshold);
		results.push({
			metric,
			label: METRIC_LABELS[metric],
			value: counts.value,
			unit,
			numerator: counts.numerator,
			denominator: counts.denominator,
			threshold: threshold.value,
			threshold_type: threshold.type,
			status,
			definition,
			...(counts.denominator === 0
				? { note: inWindow.length === 0 ? 'no orders' : emptyNote }
				: {}),
			orders: counts.orders,
			window_start: windowStart,
			window_end: windowEnd,
		});
	};

	// Late dispatch: of the seller-fulfilled orders the carrier has scanned, those first scanned after shipping_due_time.
	const dispatched = inWindow.filter(
		(order) =>
			!isFulfilledByTikTok(order) &&
			scanOf(order, carrierScans) !== undefined &&
			order.shipping_due_time,
	);
	const late = dispatched.filter(
		(order) => (scanOf(order, carrierScans) as number) > (order.shipping_due_time as number),
	);
	add(
		'late_dispatch_rate',
		'%',
		{
			numerator: late.length,
			denominator: dispatched.length,
			value: percent(late.length, dispatched.length),
			orders: late.map((order) => order.id),
		},
		"Orders whose carrier's first scan came after shipping_due_time ÷ orders the carrier has scanned (Fulfilled by TikTok excluded).",
		'no dispatched orders',
	);

	// Valid tracking: seller-shipped orders with a tracking number whose dispatch line has passed (or that are
	// already scanned); valid when the carrier has scanned the number.
	const tracked = inWindow.filter(
		(order) =>
			order.status !== 'CANCELLED' &&
			order.shipping_type !== 'TIKTOK' &&
			!isFulfilledByTikTok(order) &&
			trackingNumberOf(order) !== undefined &&
			(scanOf(order, carrierScans) !== undefined ||
				(order.shipping_due_time !== undefined && order.shipping_due_time <= now)),
	);
	const invalid = tracked.filter((order) => scanOf(order, carrierScans) === undefined);
	const valid = tracked.length - invalid.length;
	add(
		'valid_tracking_rate',
		'%',
		{
			numerator: valid,
			denominator: tracked.length,
			value: percent(valid, tracked.length),
			orders: invalid.map((order) => order.id),
		},
		'Seller-shipped orders whose tracking number has real carrier scans ÷ seller-shipped orders with a tracking number past their dispatch line.',
		'no shipped orders with tracking',
	);

	// Seller-fault cancellations: cancelled by the seller, or by TikTok's system for a seller reason, ÷ paid orders.
	const paid = inWindow.filter((order) => order.status !== 'UNPAID');
	const sellerFault = paid.filter(
		(order) =>
			order.status === 'CANCELLED' &&
			(order.cancellation_initiator === 'SELLER' ||
				(order.cancellation_initiator === 'SYSTEM' &&
					SELLER_FAULT_SYSTEM_REASON.test(order.cancel_reason ?? ''))),
	);
	add(
		'seller_fault_cancellation_rate',
		'%',
		{
			numerator: sellerFault.length,
			denominator: paid.length,
			value: percent(sellerFault.length, paid.length),
			orders: sellerFault.map((order) => order.id),
		},
		'Orders cancelled by the seller (or by TikTok for a seller reason: not shipped, not collected, out of stock) ÷ paid orders.',
		'no paid orders',
	);

	// On-time delivery: orders whose delivery_due_time has passed; on time when delivered by then.
	const dueBy = Math.min(now, window.to);
	const due = inWindow.filter(
		(order) =>
			order.status !== 'CANCELLED' &&
			order.delivery_due_time !== undefined &&
			order.delivery_due_time <= dueBy,
	);
	const lateDelivery = due.filter(
		(order) =>
			order.delivery_time === undefined ||
			order.delivery_time > (order.delivery_due_time as number),
	);
	const onTime = due.length - lateDelivery.length;
	add(
		'on_time_delivery_rate',
		'%',
		{
			numerator: onTime,
			denominator: due.length,
			value: percent(onTime, due.length),
			orders: lateDelivery.map((order) => order.id),
		},
		'Orders delivered by delivery_due_time ÷ orders whose delivery_due_time has passed (cancelled orders excluded).',
		'no orders due for delivery yet',
	);

	// Return handling: hours from the buyer's request to the seller's decision (the return's last update once it is no
	// longer pending; TikTok's record timeline would be exact but costs one call per return).
	const returns = input.returns.filter(
		(ret) => ret.create_time >= window.from && ret.create_time < window.to,
	);
	const handled = returns.filter(
		(ret) => ret.return_status !== PENDING_RETURN && ret.update_time !== undefined,
	);
	const hours = handled.map((ret) => ((ret.update_time as number) - ret.create_time) / 3600);
	const mean = hours.length
		? Math.round((hours.reduce((sum, value) => sum + value, 0) / hours.length) * 10) / 10
		: 0;
	const limit = thresholds.return_handling_time.value;
	const slow = [
		...handled.filter((_, index) => hours[index] > limit),
		...returns.filter(
			(ret) => ret.return_status === PENDING_RETURN && (now - ret.create_time) / 3600 > limit,
		),
	];
	add(
		'return_handling_time',
		'hours',
		{
			numerator: handled.length,
			denominator: handled.length,
			value: mean,
			orders: [...new Set(slow.map((ret) => ret.order_id))],
		},
		`Average hours from the return request to the seller's decision, over returns decided; orders listed took longer than ${limit} h or are still waiting past it.`,
		returns.length ? 'no returns decided yet' : 'no returns',
	);
	return results;
}
