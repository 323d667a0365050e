import type { TikTokShopClient } from '..';
import { shopPerformancePaths } from './paths';

/**
 * Shop Performance Score (SPS) APIs, version 202606, US shops only: read-only.
 *
 * What the sources say (read 2026-12-08):
 * - Release note 3t9j6tz0, "Shop Performance Score (SPS) APIs v202606 for US Shops: Five New APIs Added"
 *   (https://partner.tiktokshop.com/docv2/page/3t9j6tz0, published 2026-07-21, tagged New / Action Required; stored
 *   in the meihei3/tiktok-shop-release-notes-rss mirror, docs/rss/changelog.xml). Its stored text stops after the
 *   summary: five read-only APIs in v202606 for US-region shops; an app retrieves "the SPS overview and metric
 *   details", "diagnose[s] individual metrics", and drills down "into the products, logistics providers, aftersales
 *   types, orders, or chats associated with performance issues"; "the APIs return SPS data only and do not…" (cut).
 * - Partner guide "[US] Shop Health" (https://partner.tiktokshop.com/docv2/page/691591a62af83a0496490d96; stored in
 *   lazykern/ecommerce-api-docs): SPS is a 0–5 score; a shop is scored after delivering at least 30 orders
 *   (excluding fake and sample orders) in the past 90 calendar days; bands 0–2.5, 2.5–3.5, 3.5–4.5, 4.5–5.
 * - TikTok Shop US Academy pages on each metric (seller-us.tiktok.com/university): LDR ≤ 4 % (knowledge_id
 *   3668989549299511), OTDR ≥ 80 % (7671875816589099); PPC Land's summary of the Academy's SPS guide: three
 *   dimensions (product satisfaction, fulfillment and logistics, customer service), two metrics each, weighted by the
 *   shop's main category.
 *
 * NOT in any stored source: the API reference pages of the five endpoints (paths, parameter and field names). The
 * paths and field names below are therefore INFERRED, following the 202309+ conventions (`/{category}/{version}/…`,
 * `page_size` + `page_token` → `next_page_token`, shop-scoped with `shop_cipher`, the Analytics category that holds
 * the other shop-performance reads). Everything that calls TikTok goes through `shopPerformancePaths` (paths.ts)
 * and the readers below, so correcting a name against the reference is a change in these two files only. Unknown
 * fields are kept, not dropped.
 */
/** The only region the note names. */
export const SPS_REGIONS = ['US'];

export type DimensionType = 'PRODUCT' | 'LOGISTICS_PROVIDER' | 'AFTERSALES_TYPE';
export type RecordType = 'ORDER' | 'CHAT';
export const DRILL_DOWN_PAGE_SIZE_MAX = 100; // [inferred]

/** [inferred] One metric as the overview and the detail return it. Values are decimal strings like TikTok's money. */
export interface SpsMetric {
	metric_id: string;
	metric_name?: string;
	/** PRODUCT_SATISFACTION | FULFILLMENT_AND_LOGISTICS | CUSTOMER_SERVICE (the Academy's three dimensions). */
	dimension?: string;
	value?: string;
	unit?: string;
	threshold?: string;
	/** Whether a value must stay at or below (MAX) or at or above (MIN) the threshold. */
	threshold_type?: 'MAX' | 'MIN';
	trend?: string;
	tier?: string;
	score?: string;
	[field: string]: unknown;
}

export interface SpsOverview {
	shop_performance_score?: {
		score?: string | null;
		tier?: string;
		is_scored?: boolean;
		update_time?: number;
		[field: string]: unknown;
	};
	metrics?: SpsMetric[];
	[field: string]: unknown;
}

export interface SpsMetricDetail {
	metric?: SpsMetric;
	/** Daily values, oldest first. */
	history?: Array<{ date: string; value: string }>;
	evaluation_window_days?: number;
	numerator?: number;
	denominator?: number;
	[field: string]: unknown;
}

export interface SpsDiagnosis {
	diagnoses?: Array<{
		issue_type?: string;
		description?: string;
		suggestion?: string;
		affected_count?: number;
		[field: string]: unknown;
	}>;
	[field: string]: unknown;
}

export interface SpsPage<T> {
	items: T[];
	next_page_token: string;
	total_count?: number;
}

export async function getSpsOverview(client: TikTokShopClient): Promise<SpsOverview> {
	const { data } = await client.get<SpsOverview>(shopPerformancePaths.overview);
	return data ?? {};
}

export async function getSpsMetricDetail(
	client: TikTokShopClient,
	metricId: string,
): Promise<SpsMetricDetail> {
	const { data } = await client.get<SpsMetricDetail>(shopPerformancePaths.metricDetail, {
		metric_id: metricId,
	});
	return data ?? {};
}

export async function getSpsDiagnosis(
	client: TikTokShopClient,
	metricId: string,
): Promise<SpsDiagnosis> {
	const { data } = await client.get<SpsDiagnosis>(shopPerformancePaths.diagnosis, {
		metric_id: metricId,
	});
	return data ?? {};
}

/** One page of a drill-down; `pageToken` from the previous page's `next_page_token`. */
export async function getSpsDrillDownPage(
	client: TikTokShopClient,
	metricId: string,
	kind: { dimension: DimensionType } | { record: RecordType },
	paging: { pageSize: number; pageToken?: string },
): Promise<SpsPage<Record<string, unknown>>> {
	const isDimension = 'dimension' in kind;
	const path = isDimension ? shopPerformancePaths.dimensions : shopPerformancePaths.records;
	const query = {
		metric_id: metricId,
		...(isDimension ? { dimension_type: kind.dimension } : { record_type: kind.record }),
		page_size: paging.pageSize,
		...(paging.pageToken ? { page_token: paging.pageToken } : {}),
	};
	const { data } = await client.get<{
		items?: Array<Record<string, unknown>>;
		next_page_token?: string;
		total_count?: number;
	}>(path, query);
	return {
		items: data?.items ?? [],
		next_page_token: data?.next_page_token ?? '',
		total_count: data?.total_count,
	};
}

/** The shop's region from Get Authorized Shops, for the US-only check before any SPS call. */
export async function shopRegion(
	client: TikTokShopClient,
): Promise<{ region?: string; name?: string }> {
	const cipher = await client.shopCipher();
	const shops = await client.authorizedShops();
	const shop =
		shops.find((candidate) => candidate.cipher === cipher) ??
		(shops.length === 1 ? shops[0] : undefined);
	return { region: shop?.region, name: shop?.name };
}
