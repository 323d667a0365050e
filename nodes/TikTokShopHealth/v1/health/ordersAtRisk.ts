import { NodeOperationError, type IDataObject, type IExecuteFunctions } from 'n8n-workflow';

import type { TikTokShopClient } from '../../../shared/tiktok';
import { searchOrderPages, type OrderRecord } from '../../../shared/tiktok/resources/orders';
import { firstCarrierScan, getOrderTracking } from '../../../shared/tiktok/resources/tracking';
import { BAND_ORDER, bandLabel, bandsProblem, DEFAULT_BANDS, type RiskBands } from './riskBands';
import {
	assessOrder,
	deadlineOf,
	needsCarrierScan,
	OPEN_STATUSES,
	sortByUrgency,
	type OrderRisk,
} from './riskReasons';
import { limitedQueue, type HealthOutput } from './interfaces';
import { readTimeZone } from './localTime';

/** Tracking reads in flight at once; the client's rate budget still caps them per second. */
const TRACKING_CONCURRENCY = 8;

function readBands(context: IExecuteFunctions, itemIndex: number): RiskBands {
	const bands: RiskBands = {
		criticalHours: context.getNodeParameter(
			'criticalHours',
			itemIndex,
			DEFAULT_BANDS.criticalHours,
		) as number,
		urgentHours: context.getNodeParameter(
			'urgentHours',
			itemIndex,
			DEFAULT_BANDS.urgentHours,
		) as number,
		soonHours: context.getNodeParameter('soonHours', itemIndex, DEFAULT_BANDS.soonHours) as number,
	};
	const problem = bandsProblem(bands);
	if (problem)
		throw new NodeOperationError(context.getNode(), `Risk bands: ${problem}`, {
			itemIndex,
			description: 'The defaults are 4, 12 and 24 hours.',
		});
	return bands;
}

/**
 * Open orders of every status that can still miss a line, one Order Search per status, pages of 100. `onPage` sees
 * each page's new orders as it arrives, so tracking reads can start while later pages are still being searched.
 */
export async function openOrders(
	client: TikTokShopClient,
	onPage?: (orders: OrderRecord[]) => void,
): Promise<OrderRecord[]> {
	const seen = new Set<string>();
	const orders: OrderRecord[] = [];
	for (const status of OPEN_STATUSES) {
		for await (const page of searchOrderPages(client, { order_status: status })) {
			const fresh = page.filter((order) => !seen.has(order.id));
			for (const order of fresh) seen.add(order.id);
			orders.push(...fresh);
			onPage?.(fresh);
		}
	}
	return orders;
}

/** Orders whose carrier scan decides their reason: near or past their deadline, or past the dispatch line. */
function worthATrackingCall(order: OrderRecord, now: number, bands: RiskBands): boolean {
	if (!needsCarrierScan(order)) return false;
	const deadline = deadlineOf(order);
	const pastDispatchLine = order.shipping_due_time !== undefined && order.shipping_due_time < now;
	return (
		pastDispatchLine || (deadline !== undefined && deadline.at - now <= bands.soonHours * 3600)
	);
}

export function groupByBand(risks: OrderRisk[], bands: RiskBands, zone: string): IDataObject[] {
	return BAND_ORDER.map((band) => {
		const orders = risks.filter((risk) => risk.band === band);
		return {
			band,
			band_label: bandLabel(band, bands),
			time_zone: zone,
			count: orders.length,
			order_ids: orders.map((risk) => risk.order_id),
			orders: orders as unknown as IDataObject[],
		};
	}).filter((group) => group.count > 0);
}

export async function execute(
	this: IExecuteFunctions,
	client: TikTokShopClient,
	itemIndex: number,
): Promise<HealthOutput[]> {
	const bands = readBands(this, itemIndex);
	const readTracking = this.getNodeParameter('readTracking', itemIndex, true) as boolean;
	const output = this.getNodeParameter('riskOutput', itemIndex, 'perOrder') as string;
	const zone = readTimeZone(this, itemIndex);
	const now = Math.floor(Date.now() / 1000);
	const scans = new Map<string, number | undefined>();
	// TikTok budgets Order Search and tracking reads separately: read each page's candidates while searching on.
	const tracking = limitedQueue<OrderRecord>(TRACKING_CONCURRENCY, async (order) => {
		scans.set(order.id, firstCarrierScan(await getOrderTracking(client, order.id)));
	});
	let orders: OrderRecord[] = [];
	let searched = false;
	try {
		orders = await openOrders(client, (page) => {
			if (readTracking) tracking.add(page.filter((order) => worthATrackingCall(order, now, bands)));
		});
		searched = true;
	} finally {
		// Reads still running finish first; when the search itself failed, its error is the one to report.
		await tracking.done().catch((error: unknown) => {
			if (searched) throw error;
		});
	}
	const risks = sortByUrgency(
		orders
			.map((order) => assessOrder(order, now, bands, scans.get(order.id), zone))
			.filter((risk): risk is OrderRisk => risk !== undefined),
	);
	if (output === 'perBand') return groupByBand(risks, bands, zone).map((json) => ({ json }));
	return risks.map((risk) => ({ json: risk as unknown as IDataObject }));
}
