import { NodeOperationError, type IDataObject, type IExecuteFunctions } from 'n8n-workflow';

import type { TikTokShopClient } from '../../../shared/tiktok';
import {
	DRILL_DOWN_PAGE_SIZE_MAX,
	getSpsDiagnosis,
	getSpsDrillDownPage,
	getSpsMetricDetail,
	getSpsOverview,
	shopRegion,
	SPS_REGIONS,
	type DimensionType,
	type RecordType,
	type SpsMetric,
} from '../../../shared/tiktok/resources/shopPerformance';
import { metricView, overviewView } from './spsView';
import { renderTrendChartPng, type ChartSeries } from './trendChart';
import type { HealthOutput } from './interfaces';

const DIMENSIONS: DimensionType[] = ['PRODUCT', 'LOGISTICS_PROVIDER', 'AFTERSALES_TYPE'];
const RECORDS: RecordType[] = ['ORDER', 'CHAT'];

/** SPS is US-only (note 3t9j6tz0): say so before calling, and what still works. */
async function requireUsShop(
	context: IExecuteFunctions,
	client: TikTokShopClient,
	itemIndex: number,
): Promise<void> {
	const { region, name } = await shopRegion(client);
	if (region && !SPS_REGIONS.includes(region)) {
		throw new NodeOperationError(
			context.getNode(),
			`Shop Performance Score is available for US shops only; ${name ? `"${name}"` : 'this shop'} is in ${region}.`,
			{
				itemIndex,
				description:
					"TikTok's SPS APIs (version 202606, release note 3t9j6tz0) cover US-region shops. Use the Compute Metrics operation instead: it works for any region from the shop's orders, tracking and returns.",
			},
		);
	}
}

async function overview(client: TikTokShopClient, includeChart: boolean): Promise<HealthOutput[]> {
	const data = await getSpsOverview(client);
	const json = overviewView(data);
	if (!includeChart) return [{ json }];
	const series: ChartSeries[] = [];
	for (const metric of data.metrics ?? []) {
		const detail = await getSpsMetricDetail(client, metric.metric_id);
		const view = metricView(metric);
		series.push({
			label: String(view.label),
			unit: view.unit as string | null,
			threshold: view.threshold as number | null,
			points: (detail.history ?? [])
				.map((point) => ({ date: point.date, value: Number(point.value) }))
				.filter((point) => Number.isFinite(point.value)),
		});
	}
	const score = json.score === null ? 'not scored' : String(json.score);
	const png = await renderTrendChartPng(`Shop Performance Score ${score}: daily metrics`, series);
	return [
		{
			json,
			binary: {
				chart: {
					data: png.toString('base64'),
					mimeType: 'image/png',
					fileName: 'shop-performance-trend.png',
					fileExtension: 'png',
				},
			},
		},
	];
}

async function metricDetails(
	context: IExecuteFunctions,
	client: TikTokShopClient,
	itemIndex: number,
): Promise<HealthOutput[]> {
	const wanted = String(context.getNodeParameter('metricIds', itemIndex, '') ?? '')
		.split(/[\s,]+/)
		.filter(Boolean);
	let metrics: SpsMetric[];
	if (wanted.length) metrics = wanted.map((id) => ({ metric_id: id }));
	else metrics = (await getSpsOverview(client)).metrics ?? [];
	const out: HealthOutput[] = [];
	for (const metric of metrics) {
		const detail = await getSpsMetricDetail(client, metric.metric_id);
		const diagnosis = await getSpsDiagnosis(client, metric.metric_id);
		out.push({
			json: {
				...metricView({ ...metric, ...detail.metric, metric_id: metric.metric_id }),
				history: (detail.history ?? []) as unknown as IDataObject[],
				evaluation_window_days: detail.evaluation_window_days ?? null,
				numerator: detail.numerator ?? null,
				denominator: detail.denominator ?? null,
				diagnoses: (diagnosis.diagnoses ?? []) as IDataObject[],
			},
		});
	}
	return out;
}

async function drillDown(
	context: IExecuteFunctions,
	client: TikTokShopClient,
	itemIndex: number,
): Promise<HealthOutput[]> {
	const metricId = String(context.getNodeParameter('metricId', itemIndex, '')).trim();
	if (!metricId)
		throw new NodeOperationError(context.getNode(), '"Metric ID" is empty', {
			itemIndex,
			description: 'Use a metric_id from the Overview, for example LATE_DISPATCH_RATE.',
		});
	const target = context.getNodeParameter('drillDownTo', itemIndex, 'ORDER') as string;
	const kind = DIMENSIONS.includes(target as DimensionType)
		? { dimension: target as DimensionType }
		: RECORDS.includes(target as RecordType)
			? { record: target as RecordType }
			: undefined;
	if (!kind)
		throw new NodeOperationError(context.getNode(), `"Drill Down To" ${target} is not known`, {
			itemIndex,
		});
	const max = context.getNodeParameter('returnAll', itemIndex, false)
		? Infinity
		: (context.getNodeParameter('limit', itemIndex, 50) as number);
	const out: HealthOutput[] = [];
	let pageToken: string | undefined;
	do {
		const pageSize = Math.min(DRILL_DOWN_PAGE_SIZE_MAX, Math.max(1, max - out.length));
		const page = await getSpsDrillDownPage(client, metricId, kind, { pageSize, pageToken });
		for (const entry of page.items) {
			if (out.length >= max) break;
			out.push({ json: { metric_id: metricId, drill_down: target, ...(entry as IDataObject) } });
		}
		if (page.next_page_token && page.next_page_token === pageToken) break;
		pageToken = page.next_page_token || undefined;
	} while (pageToken && out.length < max);
	return out;
}

export async function execute(
	this: IExecuteFunctions,
	client: TikTokShopClient,
	itemIndex: number,
): Promise<HealthOutput[]> {
	await requireUsShop(this, client, itemIndex);
	const view = this.getNodeParameter('spsView', itemIndex, 'overview') as string;
	if (view === 'metricDetail') return await metricDetails(this, client, itemIndex);
	if (view === 'drillDown') return await drillDown(this, client, itemIndex);
	return await overview(client, this.getNodeParameter('includeChart', itemIndex, false) as boolean);
}
