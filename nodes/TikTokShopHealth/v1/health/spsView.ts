import type { IDataObject } from 'n8n-workflow';

import type { SpsMetric, SpsOverview } from '../../../shared/tiktok/resources/shopPerformance';

/**
 * SPS metrics this node knows by name ([inferred] ids; the Academy's six metrics plus the fulfilment ones SPS shows).
 * A metric TikTok adds later is passed through with TikTok's own name and `known: false`, never dropped.
 */
export const KNOWN_SPS_METRICS: Record<string, string> = {
	NEGATIVE_REVIEW_RATE: 'Negative review rate',
	SELLER_FAULT_RETURN_RATE: 'Seller-fault return and refund rate',
	ON_TIME_DELIVERY_RATE: 'On-time delivery rate',
	SELLER_FAULT_CANCELLATION_RATE: 'Seller-fault cancellation rate',
	LATE_DISPATCH_RATE: 'Late dispatch rate',
	VALID_TRACKING_RATE: 'Valid tracking rate',
	IM_RESPONSE_RATE: 'Chat response rate within 24 h',
	RETURN_HANDLING_TIME: 'Return handling time',
};

function toNumber(value: unknown): number | null {
	if (value === undefined || value === null || value === '') return null;
	const parsed = Number(value);
	return Number.isFinite(parsed) ? parsed : null;
}

/** meets / breach against TikTok's own threshold, or null when TikTok gave none. */
function standing(
	value: number | null,
	threshold: number | null,
	type: unknown,
): 'meets' | 'breach' | null {
	if (value === null || threshold === null || (type !== 'MAX' && type !== 'MIN')) return null;
	return (type === 'MAX' ? value <= threshold : value >= threshold) ? 'meets' : 'breach';
}

export function metricView(metric: SpsMetric): IDataObject {
	const id = String(metric.metric_id ?? '');
	const value = toNumber(metric.value);
	const threshold = toNumber(metric.threshold);
	const known = id in KNOWN_SPS_METRICS;
	return {
		metric_id: id,
		label:
			KNOWN_SPS_METRICS[id] ??
			(typeof metric.metric_name === 'string' && metric.metric_name ? metric.metric_name : id),
		known,
		dimension: metric.dimension ?? null,
		value,
		unit: metric.unit ?? null,
		threshold,
		threshold_type: metric.threshold_type ?? null,
		standing: standing(value, threshold, metric.threshold_type),
		trend: metric.trend ?? null,
		tier: metric.tier ?? null,
		/** Everything TikTok sent, including fields this node does not know yet. */
		tiktok: { ...metric } as IDataObject,
	};
}

export function overviewView(overview: SpsOverview): IDataObject {
	const score = overview.shop_performance_score ?? {};
	const metrics = (overview.metrics ?? []).map(metricView);
	const scoreValue = toNumber(score.score);
	return {
		score: scoreValue,
		tier: score.tier ?? null,
		is_scored: score.is_scored ?? scoreValue !== null,
		note:
			scoreValue === null
				? 'TikTok has not scored this shop: a US shop is scored after delivering at least 30 orders (excluding fake and sample orders) in the past 90 days.'
				: undefined,
		updated_at:
			typeof score.update_time === 'number'
				? new Date(score.update_time * 1000).toISOString()
				: null,
		metrics,
		breaches: metrics
			.filter((metric) => metric.standing === 'breach')
			.map((metric) => metric.metric_id as string),
		unknown_metrics: metrics
			.filter((metric) => !metric.known)
			.map((metric) => metric.metric_id as string),
		tiktok: { ...overview } as IDataObject,
	};
}
