import { DateTime } from 'luxon';
import { NodeOperationError, type IDataObject, type IExecuteFunctions } from 'n8n-workflow';

import type { TikTokShopClient } from '../../../shared/tiktok';
import { searchOrders } from '../../../shared/tiktok/resources/orders';
import { searchReturns } from '../../../shared/tiktok/resources/returns';
import {
	getSpsOverview,
	shopRegion,
	SPS_REGIONS,
} from '../../../shared/tiktok/resources/shopPerformance';
import { firstCarrierScan, getOrderTracking } from '../../../shared/tiktok/resources/tracking';
import {
	computeMetrics,
	DEFAULT_THRESHOLDS,
	type MetricKey,
	type MetricResult,
	type MetricThreshold,
} from './metrics';
import { needsCarrierScan } from './riskReasons';
import { mapLimited, type HealthOutput } from './interfaces';

const TRACKING_CONCURRENCY = 8;

export const THRESHOLD_FIELDS: Array<{ key: MetricKey; name: string; displayName: string }> = [
	{
		key: 'late_dispatch_rate',
		name: 'lateDispatchRate',
		displayName: 'Late Dispatch Rate Max (%)',
	},
	{
		key: 'valid_tracking_rate',
		name: 'validTrackingRate',
		displayName: 'Valid Tracking Rate Min (%)',
	},
	{
		key: 'seller_fault_cancellation_rate',
		name: 'sellerFaultCancellationRate',
		displayName: 'Seller-Fault Cancellation Rate Max (%)',
	},
	{
		key: 'on_time_delivery_rate',
		name: 'onTimeDeliveryRate',
		displayName: 'On-Time Delivery Rate Min (%)',
	},
	{
		key: 'return_handling_time',
		name: 'returnHandlingHours',
		displayName: 'Return Handling Time Max (Hours)',
	},
];

function readWindow(context: IExecuteFunctions, itemIndex: number): { from: number; to: number } {
	const days = context.getNodeParameter('windowDays', itemIndex, 30) as number;
	const endRaw = context.getNodeParameter('windowEnd', itemIndex, '') as unknown;
	let to = Math.floor(Date.now() / 1000);
	if (endRaw !== '' && endRaw !== undefined && endRaw !== null) {
		const parsed = DateTime.isDateTime(endRaw)
			? endRaw
			: DateTime.fromISO(String(endRaw), { setZone: true });
		if (!parsed.isValid)
			throw new NodeOperationError(
				context.getNode(),
				`"Window End" is not a date: ${String(endRaw)}`,
				{ itemIndex },
			);
		to = Math.floor(parsed.toSeconds());
	}
	if (!(days > 0))
		throw new NodeOperationError(context.getNode(), '"Window (Days)" must be at least 1', {
			itemIndex,
		});
	return { from: to - Math.round(days * 86400), to };
}

function readThresholds(
	context: IExecuteFunctions,
	itemIndex: number,
): Partial<Record<MetricKey, MetricThreshold>> {
	const values = context.getNodeParameter('thresholds', itemIndex, {}) as IDataObject;
	const thresholds: Partial<Record<MetricKey, MetricThreshold>> = {};
	for (const field of THRESHOLD_FIELDS) {
		if (typeof values[field.name] === 'number')
			thresholds[field.key] = {
				...DEFAULT_THRESHOLDS[field.key],
				value: values[field.name] as number,
			};
	}
	return thresholds;
}

/** TikTok's SPS value next to ours; SPS metric ids are our keys in capitals ([inferred], see shopPerformance.ts). */
async function spsComparison(
	client: TikTokShopClient,
	results: MetricResult[],
): Promise<Map<MetricKey, IDataObject>> {
	const comparison = new Map<MetricKey, IDataObject>();
	const { region } = await shopRegion(client);
	if (region && !SPS_REGIONS.includes(region)) {
		for (const result of results)
			comparison.set(result.metric, {
				sps_note: `Shop Performance Score covers US shops only; this shop is in ${region}.`,
			});
		return comparison;
	}
	const overview = await getSpsOverview(client);
	for (const result of results) {
		const metric = overview.metrics?.find(
			(candidate) => String(candidate.metric_id).toUpperCase() === result.metric.toUpperCase(),
		);
		const spsValue =
			metric?.value !== undefined && metric.value !== null && metric.value !== ''
				? Number(metric.value)
				: NaN;
		if (!metric || !Number.isFinite(spsValue)) {
			comparison.set(result.metric, {
				sps_value: null,
				sps_note: 'SPS does not report this metric.',
			});
			continue;
		}
		comparison.set(result.metric, {
			sps_value: spsValue,
			sps_threshold: metric.threshold !== undefined ? Number(metric.threshold) : null,
			difference: Math.round((result.value - spsValue) * 100) / 100,
		});
	}
	return comparison;
}

export async function execute(
	this: IExecuteFunctions,
	client: TikTokShopClient,
	itemIndex: number,
): Promise<HealthOutput[]> {
	const window = readWindow(this, itemIndex);
	const readTracking = this.getNodeParameter('readTracking', itemIndex, true) as boolean;
	const compareWithSps = this.getNodeParameter('compareWithSps', itemIndex, false) as boolean;
	const now = Math.floor(Date.now() / 1000);
	const orders = await searchOrders(client, {
		create_time_ge: window.from,
		create_time_lt: window.to,
	});
	const carrierScans = new Map<string, number | undefined>();
	if (readTracking) {
		const unscanned = orders.filter(
			(order) => order.status !== 'CANCELLED' && needsCarrierScan(order),
		);
		const found = await mapLimited(unscanned, TRACKING_CONCURRENCY, async (order) =>
			firstCarrierScan(await getOrderTracking(client, order.id)),
		);
		unscanned.forEach((order, index) => carrierScans.set(order.id, found[index]));
	}
	const returns = await searchReturns(client, {
		create_time_ge: window.from,
		create_time_lt: window.to,
	});
	const results = computeMetrics({
		orders,
		returns,
		carrierScans,
		window,
		now,
		thresholds: readThresholds(this, itemIndex),
	});
	const comparison = compareWithSps ? await spsComparison(client, results) : undefined;
	return results.map((result) => ({
		json: { ...(result as unknown as IDataObject), ...comparison?.get(result.metric) },
	}));
}
