import type { TikTokShopClient } from '..';
import { getTracking } from './fulfillment';

/**
 * The carrier's scans as TikTok holds them (Get Tracking, reference §5: `data.tracking[{description,
 * update_time_millis}]`, newest first), read as a scan history.
 */
export interface TrackingEvent {
	description: string;
	/** Unix milliseconds. */
	update_time_millis: number;
}

/** Oldest first. */
export async function getOrderTracking(
	client: TikTokShopClient,
	orderId: string,
): Promise<TrackingEvent[]> {
	return (await getTracking(client, orderId))
		.filter((event) => typeof event.update_time_millis === 'number')
		.map((event) => ({
			description: event.description ?? '',
			update_time_millis: event.update_time_millis as number,
		}))
		.sort((a, b) => a.update_time_millis - b.update_time_millis);
}

/**
 * A label being printed is not a carrier scan: TikTok's history opens with "Shipping label created, carrier
 * awaiting item" (or similar) before the carrier has the parcel. Everything else is the carrier's.
 */
const NOT_A_CARRIER_SCAN =
	/label (created|printed)|awaiting item|pre-?shipment|shipment information received|info(rmation)? sent to/i;

/** Unix seconds of the first carrier scan, or undefined when the carrier has not scanned the parcel. */
export function firstCarrierScan(events: TrackingEvent[]): number | undefined {
	const scan = events.find((event) => !NOT_A_CARRIER_SCAN.test(event.description));
	return scan ? Math.floor(scan.update_time_millis / 1000) : undefined;
}
