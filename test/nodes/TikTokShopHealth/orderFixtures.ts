import type { OrderRecord } from '../../../nodes/shared/tiktok/resources/orders';
import type { ReturnRecord } from '../../../nodes/shared/tiktok/resources/returns';

export const HOUR = 3600;
export const DAY = 86400;
/** 2026-11-30T12:00:00Z: every fixture time is relative to it. */
export const NOW = Date.UTC(2026, 10, 30, 12) / 1000;

let sequence = 0;

/**
 * A 202309 order as Search Orders returns it, trimmed to what shop health reads: a seller-shipped US order paid at
 * `created`, with TikTok's usual SLA lines (shipping due 2 days after payment, collection 1 day later, delivery 8).
 */
export function order(overrides: Partial<OrderRecord> & { created?: number } = {}): OrderRecord {
	const { created = NOW - 10 * DAY, ...rest } = overrides;
	sequence += 1;
	return {
		id: `5766840196033${String(100000 + sequence)}`,
		status: 'AWAITING_SHIPMENT',
		create_time: created,
		update_time: created,
		paid_time: created + 60,
		shipping_type: 'SELLER',
		fulfillment_type: 'FULFILLMENT_BY_SELLER',
		is_on_hold_order: false,
		is_buyer_request_cancel: false,
		rts_sla_time: created + 2 * DAY,
		shipping_due_time: created + 2 * DAY,
		collection_due_time: created + 3 * DAY,
		delivery_due_time: created + 8 * DAY,
		line_items: [
			{ id: `5766840196034${String(100000 + sequence)}`, product_name: 'Ceramic pour-over kettle' },
		],
		...rest,
	};
}

/** Shipped with tracking; `scanAfter` hours after creation the carrier scanned it (undefined: never). */
export function shipped(
	overrides: Partial<OrderRecord> & {
		created?: number;
		scanAfterHours?: number;
		deliveredAfterDays?: number;
	} = {},
): OrderRecord {
	const { scanAfterHours, deliveredAfterDays, ...rest } = overrides;
	const base = order(rest);
	const scan = scanAfterHours === undefined ? undefined : base.create_time + scanAfterHours * HOUR;
	const delivered =
		deliveredAfterDays === undefined ? undefined : base.create_time + deliveredAfterDays * DAY;
	return {
		...base,
		status:
			delivered !== undefined
				? 'DELIVERED'
				: scan !== undefined
					? 'IN_TRANSIT'
					: 'AWAITING_COLLECTION',
		tracking_number: `9400111899223${String(base.id).slice(-9)}`,
		shipping_provider: 'USPS',
		rts_time: base.create_time + 20 * HOUR,
		collection_time: scan,
		delivery_time: delivered,
		...rest,
	};
}

export function returnCase(
	orderId: string,
	created: number,
	overrides: Partial<ReturnRecord> = {},
): ReturnRecord {
	sequence += 1;
	return {
		return_id: `4035000000${String(100000 + sequence)}`,
		order_id: orderId,
		return_type: 'RETURN_AND_REFUND',
		return_status: 'AWAITING_BUYER_SHIP',
		create_time: created,
		update_time: created,
		...overrides,
	};
}
