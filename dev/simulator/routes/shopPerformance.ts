import { ApiError, gateway } from '../errors';
import { pageSize, paginate } from '../pagination';
import type { Route, RouteContext } from '../route';
import { simulatedSps, type SimulatedSpsMetric } from '../seed/shopPerformance';

/**
 * Shop Performance Score APIs, version 202606 (release note 3t9j6tz0): read-only, US shops only. Paths, parameters
 * and fields are INFERRED (see nodes/shared/tiktok/resources/shopPerformance.ts), as is the answer for a shop outside
 * the US, which the note implies but does not spell out.
 */
const BASE = '/analytics/202606/shop_performance_score';
/** [U] No code is documented for "this API is not open to your shop's region". */
export const SPS_REGION_NOT_SUPPORTED = 36009001;
/** [U] Unknown metric_id. */
export const SPS_METRIC_NOT_FOUND = 36009001;
const DIMENSION_TYPES = ['PRODUCT', 'LOGISTICS_PROVIDER', 'AFTERSALES_TYPE'] as const;
const RECORD_TYPES = ['ORDER', 'CHAT'] as const;

function usShopOnly({ state }: RouteContext): void {
	if (state.shop.region !== 'US') {
		throw new ApiError(
			SPS_REGION_NOT_SUPPORTED,
			`Shop Performance Score APIs are only available to US shops; this shop is in ${state.shop.region}`,
		);
	}
}

function metricFrom(context: RouteContext): SimulatedSpsMetric {
	usShopOnly(context);
	const id = context.query.metric_id;
	if (!id) throw gateway.invalid('metric_id is required');
	const found = simulatedSps(context.state, context.now).metrics.find(
		(metric) => metric.metric_id === id,
	);
	if (!found)
		throw new ApiError(
			SPS_METRIC_NOT_FOUND,
			`metric_id ${id} is not a Shop Performance Score metric`,
		);
	return found;
}

function metricSummary(metric: SimulatedSpsMetric) {
	return {
		metric_id: metric.metric_id,
		metric_name: metric.metric_name,
		dimension: metric.dimension,
		value: metric.value,
		unit: metric.unit,
		threshold: metric.threshold,
		threshold_type: metric.threshold_type,
		trend: metric.trend,
		tier: metric.tier,
		score: metric.score,
		...metric.extra,
	};
}

function drillDown<T>(context: RouteContext, list: T[] | undefined, kind: string, type: string) {
	const size = pageSize(context.query.page_size, { min: 1, max: 100 });
	const page = paginate(list ?? [], size, context.query.page_token, {
		metric: context.query.metric_id,
		kind,
		type,
	});
	return {
		items: page.items,
		next_page_token: page.next_page_token,
		total_count: page.total_count,
	};
}

export const shopPerformanceRoutes: Route[] = [
	{
		method: 'GET',
		path: `${BASE}/overview`,
		handle: (context) => {
			usShopOnly(context);
			const world = simulatedSps(context.state, context.now);
			return {
				shop_performance_score: {
					score: world.score,
					tier: world.tier,
					is_scored: world.score !== null,
					update_time: world.update_time,
				},
				metrics: world.metrics.map(metricSummary),
			};
		},
	},
	{
		method: 'GET',
		path: `${BASE}/metrics/detail`,
		handle: (context) => {
			const metric = metricFrom(context);
			return { metric: metricSummary(metric), history: metric.history, evaluation_window_days: 90 };
		},
	},
	{
		method: 'GET',
		path: `${BASE}/metrics/diagnosis`,
		handle: (context) => ({ diagnoses: metricFrom(context).diagnoses }),
	},
	{
		method: 'GET',
		path: `${BASE}/metrics/dimensions`,
		handle: (context) => {
			const metric = metricFrom(context);
			const type = context.query.dimension_type as (typeof DIMENSION_TYPES)[number];
			if (!DIMENSION_TYPES.includes(type))
				throw gateway.invalid(`dimension_type must be one of ${DIMENSION_TYPES.join(', ')}`);
			return drillDown(context, metric.dimensions[type], 'dimension', type);
		},
	},
	{
		method: 'GET',
		path: `${BASE}/metrics/records`,
		handle: (context) => {
			const metric = metricFrom(context);
			const type = context.query.record_type as (typeof RECORD_TYPES)[number];
			if (!RECORD_TYPES.includes(type))
				throw gateway.invalid(`record_type must be one of ${RECORD_TYPES.join(', ')}`);
			return drillDown(context, metric.records[type], 'record', type);
		},
	},
];
