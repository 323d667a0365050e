import { pages, type TikTokShopClient } from '..';

/**
 * Order reads (reference §4): Search Orders `POST /order/202309/orders/search`, pages of up to 100, following
 * `next_page_token` until it comes back empty. One status per call: `order_status` takes a single value.
 */
export const ORDER_SEARCH_PATH = '/order/202309/orders/search';
export const ORDER_SEARCH_PAGE_SIZE = 100;

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
	order_status?: OrderStatus;
	create_time_ge?: number;
	create_time_lt?: number;
	update_time_ge?: number;
	update_time_lt?: number;
	shipping_type?: 'SELLER' | 'TIKTOK';
	is_buyer_request_cancel?: boolean;
}

/** Yields each page of orders; the caller decides when to stop. */
export function searchOrderPages(
	client: TikTokShopClient,
	filter: OrderSearchFilter,
): AsyncGenerator<OrderRecord[]> {
	const body = Object.fromEntries(
		Object.entries(filter).filter(([, value]) => value !== undefined),
	);
	return pages<OrderRecord>(
		client,
		{ method: 'POST', path: ORDER_SEARCH_PATH, query: { sort_field: 'create_time' }, body },
		'orders',
		{
			pageSize: ORDER_SEARCH_PAGE_SIZE,
		},
	);
}

export async function searchOrders(
	client: TikTokShopClient,
	filter: OrderSearchFilter,
): Promise<OrderRecord[]> {
	const all: OrderRecord[] = [];
	for await (const page of searchOrderPages(client, filter)) all.push(...page);
	return all;
}
