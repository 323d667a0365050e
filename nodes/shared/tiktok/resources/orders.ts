import { collect, type TikTokShopClient } from '..';
import { chunk } from '../../nodeParameters';
import { listPages, type ListOptions, type ListSpec } from './lists';
import { orderPaths } from './paths';

/**
 * Order reads (reference §4). Search Orders: pages of up to 100, following `next_page_token` until it comes back
 * empty; one status per call (`order_status` takes a single value). Get Order Detail: up to 50 ids per call.
 */
export const ORDER_SEARCH_PAGE_SIZE = 100;
/** Get Order Detail takes at most 50 ids per call (reference §4). */
export const ORDER_IDS_PER_CALL = 50;

/** Every status an order can have, as Search Orders filters by them. */
export const ORDER_STATUSES = [
	'UNPAID',
	'ON_HOLD',
	'AWAITING_SHIPMENT',
	'PARTIALLY_SHIPPING',
	'AWAITING_COLLECTION',
	'IN_TRANSIT',
	'DELIVERED',
	'COMPLETED',
	'CANCELLED',
];

export type OrderStatus =
	| 'UNPAID'
	| 'ON_HOLD'
	| 'AWAITING_SHIPMENT'
	| 'PARTIALLY_SHIPPING'
	| 'AWAITING_COLLECTION'
	| 'IN_TRANSIT'
	| 'DELIVERED'
	| 'COMPLETED'
	| 'CANCELLED';

/** The fields of a 202309 order this pack reads for shop health. Times are Unix seconds; ids are strings. */
export interface OrderRecord {
	id: string;
	status: OrderStatus;
	create_time: number;
	update_time?: number;
	paid_time?: number;
	shipping_type?: 'SELLER' | 'TIKTOK';
	fulfillment_type?: string;
	is_on_hold_order?: boolean;
	is_buyer_request_cancel?: boolean;
	is_sample_order?: boolean;
	/** SLA lines (reference §4). */
	rts_sla_time?: number;
	shipping_due_time?: number;
	collection_due_time?: number;
	delivery_due_time?: number;
	/** When tracking was uploaded (ready to ship). */
	rts_time?: number;
	/** When the carrier accepted the parcel; [U] present on real orders as the simulator models it, else read tracking. */
	collection_time?: number;
	delivery_time?: number;
	tracking_number?: string;
	shipping_provider?: string;
	shipping_provider_id?: string;
	cancel_reason?: string;
	cancellation_initiator?: string;
	line_items?: Array<{ id: string; tracking_number?: string; product_name?: string }>;
	[field: string]: unknown;
}

export interface OrderSearchFilter {
	order_status?: OrderStatus | string;
	create_time_ge?: number;
	create_time_lt?: number;
	update_time_ge?: number;
	update_time_lt?: number;
	shipping_type?: 'SELLER' | 'TIKTOK' | string;
	is_buyer_request_cancel?: boolean;
	buyer_user_id?: string;
	[field: string]: unknown;
}

export type OrderSearchOptions = ListOptions;

const ORDER_SEARCH: ListSpec = {
	method: 'POST',
	path: orderPaths.search,
	listKey: 'orders',
	pageSize: ORDER_SEARCH_PAGE_SIZE,
	sortField: 'create_time',
};

/** Search Orders, page by page (newest created first unless told); the caller decides when to stop. */
export function searchOrderPages<T = OrderRecord>(
	client: TikTokShopClient,
	filter: OrderSearchFilter,
	options: OrderSearchOptions = {},
): AsyncGenerator<T[]> {
	return listPages<T>(client, ORDER_SEARCH, filter, options);
}

export async function searchOrders<T = OrderRecord>(
	client: TikTokShopClient,
	filter: OrderSearchFilter,
	options: OrderSearchOptions = {},
): Promise<T[]> {
	return await collect(searchOrderPages<T>(client, filter, options));
}

/**
 * Get Order Detail for any number of ids, 50 per call, in order: order id → order. Ids TikTok does not return
 * (unknown, or another shop's) are absent from the map.
 */
export async function getOrderDetails<T extends { id: string | number } = OrderRecord>(
	client: TikTokShopClient,
	ids: string[],
): Promise<Map<string, T>> {
	const found = new Map<string, T>();
	for (const batch of chunk(ids, ORDER_IDS_PER_CALL)) {
		const { data } = await client.get<{ orders?: T[] }>(orderPaths.detail, { ids: batch });
		for (const order of data?.orders ?? []) found.set(String(order.id), order);
	}
	return found;
}
