import type { ShopState } from '../state';

/**
 * What the simulated SPS APIs (routes/shopPerformance.ts) answer for a shop. The shapes are the ones modelled in
 * nodes/shared/tiktok/resources/shopPerformance.ts: INFERRED from release note 3t9j6tz0, whose endpoint reference is
 * not in any stored source. Values match the planted history of seed/shopHealth.ts where a metric is the same.
 */
export interface SimulatedSpsMetric {
	metric_id: string;
	metric_name: string;
	dimension: string;
	value: string;
	unit: string;
	threshold: string;
	threshold_type: 'MAX' | 'MIN';
	trend: 'UP' | 'DOWN' | 'FLAT';
	tier: string;
	score: string;
	/** Daily values, oldest first: 30 days ending today. */
	history: Array<{ date: string; value: string }>;
	diagnoses: Array<{
		issue_type: string;
		description: string;
		suggestion: string;
		affected_count: number;
	}>;
	dimensions: Partial<
		Record<'PRODUCT' | 'LOGISTICS_PROVIDER' | 'AFTERSALES_TYPE', Array<Record<string, unknown>>>
	>;
	records: Partial<Record<'ORDER' | 'CHAT', Array<Record<string, unknown>>>>;
	/** Fields a later TikTok version adds; passed through as they are. */
	extra?: Record<string, unknown>;
}

export interface SimulatedSps {
	score: string | null;
	tier: string;
	update_time: number;
	metrics: SimulatedSpsMetric[];
}

const worlds = new WeakMap<ShopState, SimulatedSps>();

function history(now: number, start: number, end: number): Array<{ date: string; value: string }> {
	return Array.from({ length: 30 }, (_, index) => {
		const day = new Date((now - (29 - index) * 86400) * 1000).toISOString().slice(0, 10);
		const value =
			start + ((end - start) * index) / 29 + (index % 3 === 1 ? 0.05 * (end - start) : 0);
		return { date: day, value: value.toFixed(2) };
	});
}

function metric(
	now: number,
	fields: Omit<SimulatedSpsMetric, 'history' | 'diagnoses' | 'dimensions' | 'records' | 'trend'> &
		Partial<SimulatedSpsMetric> & { from: number },
): SimulatedSpsMetric {
	const { from, ...rest } = fields;
	const end = Number(rest.value);
	return {
		trend: end > from ? 'UP' : end < from ? 'DOWN' : 'FLAT',
		history: history(now, from, end),
		diagnoses: [],
		dimensions: {},
		records: {},
		...rest,
	};
}

/** The default SPS of a US shop: one metric just above its threshold (late dispatch), one just below (cancellations). */
export function defaultSps(state: ShopState, now: number): SimulatedSps {
	const lateOrders = state.orders.filter(
		(order) =>
			order.collection_time !== undefined && order.collection_time > order.shipping_due_time,
	);
	const chats = Array.from({ length: 120 }, (_, index) => ({
		conversation_id: `7${String(4000000000000000 + index)}`,
		buyer_user_id: `7494${String(100000000 + index)}`,
		first_message_time: now - (index + 1) * 3 * 3600,
		responded: index % 10 !== 0,
		response_time_hours: index % 10 === 0 ? null : (index % 7) + 1,
	}));
	return {
		score: '3.80',
		tier: 'GOOD',
		update_time: now - 6 * 3600,
		metrics: [
			metric(now, {
				metric_id: 'LATE_DISPATCH_RATE',
				metric_name: 'Late dispatch rate',
				dimension: 'FULFILLMENT_AND_LOGISTICS',
				value: '4.17',
				unit: '%',
				threshold: '4',
				threshold_type: 'MAX',
				tier: 'FAIR',
				score: '2.9',
				from: 2.5,
				diagnoses: [
					{
						issue_type: 'CARRIER_SCAN_AFTER_DISPATCH_SLA',
						description: "The carrier's first scan came after the dispatch deadline.",
						suggestion: 'Hand parcels to the carrier earlier or book pickups before the deadline.',
						affected_count: lateOrders.length,
					},
				],
				dimensions: {
					LOGISTICS_PROVIDER: [
						{
							provider_id: state.shippingProviders[0]?.id ?? '',
							provider_name: state.shippingProviders[0]?.name ?? '',
							affected_order_count: lateOrders.length,
						},
					],
					PRODUCT: lateOrders.map((order) => ({
						product_id: order.line_items[0]?.product_id,
						product_name: order.line_items[0]?.product_name,
						affected_order_count: 1,
					})),
				},
				records: {
					ORDER: lateOrders.map((order) => ({
						order_id: order.id,
						shipping_due_time: order.shipping_due_time,
						first_carrier_scan_time: order.collection_time,
					})),
				},
			}),
			metric(now, {
				metric_id: 'SELLER_FAULT_CANCELLATION_RATE',
				metric_name: 'Seller-fault cancellation rate',
				dimension: 'FULFILLMENT_AND_LOGISTICS',
				value: '2.44',
				unit: '%',
				threshold: '2.5',
				threshold_type: 'MAX',
				tier: 'GOOD',
				score: '3.6',
				from: 1.2,
			}),
			metric(now, {
				metric_id: 'ON_TIME_DELIVERY_RATE',
				metric_name: 'On-time delivery rate',
				dimension: 'FULFILLMENT_AND_LOGISTICS',
				value: '84.00',
				unit: '%',
				threshold: '80',
				threshold_type: 'MIN',
				tier: 'GOOD',
				score: '3.8',
				from: 88,
			}),
			metric(now, {
				metric_id: 'NEGATIVE_REVIEW_RATE',
				metric_name: 'Negative review rate',
				dimension: 'PRODUCT_SATISFACTION',
				value: '0.90',
				unit: '%',
				threshold: '1.2',
				threshold_type: 'MAX',
				tier: 'EXCELLENT',
				score: '4.4',
				from: 1.1,
				dimensions: {
					AFTERSALES_TYPE: [
						{ aftersales_type: 'QUALITY_ISSUE', case_count: 2 },
						{ aftersales_type: 'WRONG_ITEM', case_count: 1 },
					],
				},
			}),
			metric(now, {
				metric_id: 'IM_RESPONSE_RATE',
				metric_name: 'Chat response rate within 24 h',
				dimension: 'CUSTOMER_SERVICE',
				value: '90.00',
				unit: '%',
				threshold: '85',
				threshold_type: 'MIN',
				tier: 'GOOD',
				score: '3.9',
				from: 86,
				records: { CHAT: chats },
			}),
			metric(now, {
				metric_id: 'SHOP_COMMENT_RESPONSE_TIME',
				metric_name: 'Comment response time',
				dimension: 'CUSTOMER_SERVICE',
				value: '7.50',
				unit: 'hours',
				threshold: '12',
				threshold_type: 'MAX',
				tier: 'GOOD',
				score: '4.0',
				from: 9,
				extra: { benchmark_percentile: 62, introduced_in: '202612' },
			}),
		],
	};
}

export function simulatedSps(state: ShopState, now: number): SimulatedSps {
	let world = worlds.get(state);
	if (!world) {
		world = defaultSps(state, now);
		worlds.set(state, world);
	}
	return world;
}

/** Replace the SPS a shop answers (or forget it, to have the default rebuilt from the current orders). */
export function setSimulatedSps(state: ShopState, world: SimulatedSps | undefined): void {
	if (world) worlds.set(state, world);
	else worlds.delete(state);
}
