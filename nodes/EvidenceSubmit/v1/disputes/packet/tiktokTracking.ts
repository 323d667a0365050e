import type { TikTokShopClient } from '../../../../shared/tiktok';
import type { ScanEvent } from '../interfaces';
import { readScanEvents } from './scanEvents';
import { fulfillment } from '../../../../shared/tiktok/resources';

/**
 * The carrier's scans as TikTok has them (GET /fulfillment/202309/orders/{order_id}/tracking, reference §5): the
 * same history TikTok's agents see, so a packet built from it cannot contradict their screen. Newest first on
 * TikTok; returned oldest first like every other scan list.
 */
export async function fetchTikTokTracking(
	client: TikTokShopClient,
	orderId: string,
): Promise<ScanEvent[]> {
	const events = (await fulfillment.getTracking(client, orderId)).map((event) => ({
		time: event.update_time_millis,
		description: event.description ?? '',
	}));
	return readScanEvents(events, "TikTok's tracking history");
}
