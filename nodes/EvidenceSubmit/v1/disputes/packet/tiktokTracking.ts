import type { TikTokShopClient } from '../../../../shared/tiktok';
import type { ScanEvent } from '../interfaces';
import { readScanEvents } from './scanEvents';
import { fulfillmentPaths } from '../../../../shared/tiktok/resources/paths';

interface TikTokTrackingEvent {
	description?: string;
	update_time_millis?: number;
}

/**
 * The carrier's scans as TikTok has them (GET /fulfillment/202309/orders/{order_id}/tracking, reference §5): the
 * same history TikTok's agents see, so a packet built from it cannot contradict their screen. Newest first on
 * TikTok; returned oldest first like every other scan list.
 */
export async function fetchTikTokTracking(
	client: TikTokShopClient,
	orderId: string,
): Promise<ScanEvent[]> {
	const { data } = await client.get<{ tracking?: TikTokTrackingEvent[] }>(
		fulfillmentPaths.orderTracking(orderId),
	);
	const events = (data.tracking ?? []).map((event) => ({
		time: event.update_time_millis,
		description: event.description ?? '',
	}));
	return readScanEvents(events, "TikTok's tracking history");
}
