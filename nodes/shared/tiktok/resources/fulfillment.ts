import { collect, type TikTokShopClient } from '..';
import { batchResult, type BatchResult } from './batch';
import { listPages, type ListOptions, type ListSpec } from './lists';
import { fulfillmentPaths } from './paths';

/**
 * Fulfillment (reference §5): packages (search, detail, Batch Ship Packages), Mark Package As Shipped for orders
 * without a package id, the one-time tracking correction (Update Shipping Info) and the carrier's scans. The writes
 * are sent `once`: after an ambiguous failure the client throws at once and the caller reads back what TikTok holds.
 */
export const PACKAGE_SEARCH_PAGE_SIZE = 50;
/**
 * Packages per Batch Ship Packages call. TikTok's reference (batch-ship-packages-202309) gives no maximum and no
 * error for too many packages; 50 is its limit elsewhere (order ids per Get Order Detail, page sizes). Until TikTok
 * documents one, calls are capped here; a caller splits a batch TikTok refuses as a whole.
 */
export const SHIP_PACKAGES_PER_CALL = 50;

/** The fields of a 202309 package the pack reads; the rest is kept. */
export interface PackageRecord {
	id?: string;
	order_id?: string;
	orders?: Array<{ id: string; [field: string]: unknown }>;
	package_status?: string;
	tracking_number?: string;
	shipping_provider_id?: string;
	[field: string]: unknown;
}

export interface PackageSearchFilter {
	package_status?: string;
	create_time_ge?: number;
	create_time_lt?: number;
	update_time_ge?: number;
	update_time_lt?: number;
	[field: string]: unknown;
}

const PACKAGE_SEARCH: ListSpec = {
	method: 'POST',
	path: fulfillmentPaths.searchPackages,
	listKey: 'packages',
	pageSize: PACKAGE_SEARCH_PAGE_SIZE,
	sortField: 'create_time',
};

/** Search Packages, every page (newest created first), or up to `maxItems`. */
export async function searchPackages<T = PackageRecord>(
	client: TikTokShopClient,
	filter: PackageSearchFilter,
	options: ListOptions = {},
): Promise<T[]> {
	return await collect(listPages<T>(client, PACKAGE_SEARCH, filter, options));
}

/** Get Package Detail. */
export async function getPackage<T = PackageRecord>(
	client: TikTokShopClient,
	packageId: string,
): Promise<T> {
	const { data } = await client.get<T>(fulfillmentPaths.package(packageId));
	return data;
}

/** One package to ship with the seller's own carrier. */
export interface PackageShipment {
	packageId: string;
	trackingNumber: string;
	/** TikTok's shipping provider id (Get Shipping Providers). */
	providerId: string;
}

/** `detail` of a package Batch Ship Packages refused. */
export interface ShipErrorDetail {
	package_id?: string | number;
	[field: string]: unknown;
}

/**
 * Batch Ship Packages: one call for up to SHIP_PACKAGES_PER_CALL packages. TikTok answers code 0 and lists the
 * packages it refused in `data.errors`; every other package shipped. A call TikTok refuses as a whole throws.
 */
export async function shipPackages(
	client: TikTokShopClient,
	shipments: PackageShipment[],
): Promise<BatchResult<ShipErrorDetail>> {
	if (shipments.length > SHIP_PACKAGES_PER_CALL)
		throw new RangeError(
			`Batch Ship Packages takes at most ${SHIP_PACKAGES_PER_CALL} packages per call (got ${shipments.length})`,
		);
	const { data, requestId } = await client.request<{
		errors?: Array<{ code: number; message: string; detail?: ShipErrorDetail }>;
	}>({
		method: 'POST',
		path: fulfillmentPaths.shipPackages,
		body: {
			packages: shipments.map((shipment) => ({
				id: shipment.packageId,
				self_shipment: {
					tracking_number: shipment.trackingNumber,
					shipping_provider_id: shipment.providerId,
				},
			})),
		},
		once: true,
	});
	return batchResult<ShipErrorDetail>(data?.errors, 'package_id', requestId);
}

export interface MarkShippedResult {
	packageId?: string;
	warning?: string;
	requestId?: string;
}

/** Mark Package As Shipped (US and some EU markets): ships line items of an order that has no package id yet. */
export async function markPackageAsShipped(
	client: TikTokShopClient,
	orderId: string,
	shipment: { trackingNumber: string; providerId: string; lineItemIds: string[] },
): Promise<MarkShippedResult> {
	const { data, requestId } = await client.request<{
		package_id?: string;
		warning?: { message?: string };
	}>({
		method: 'POST',
		path: fulfillmentPaths.orderPackages(orderId),
		body: {
			tracking_number: shipment.trackingNumber,
			shipping_provider_id: shipment.providerId,
			...(shipment.lineItemIds.length ? { order_line_item_ids: shipment.lineItemIds } : {}),
		},
		once: true,
	});
	return {
		packageId: data?.package_id ? String(data.package_id) : undefined,
		warning: data?.warning?.message || undefined,
		requestId,
	};
}

/**
 * Update Shipping Info: corrects the tracking number of a shipped seller package (by package id, else by order);
 * TikTok allows it once, within 72 h of shipping. Answers the request_id.
 */
export async function updateShippingInfo(
	client: TikTokShopClient,
	target: { packageId?: string; orderId: string },
	shipment: { trackingNumber: string; providerId: string },
): Promise<string | undefined> {
	const path = target.packageId
		? fulfillmentPaths.packageShippingInfo(target.packageId)
		: fulfillmentPaths.orderShippingInfo(target.orderId);
	const { requestId } = await client.request({
		method: 'POST',
		path,
		body: { tracking_number: shipment.trackingNumber, shipping_provider_id: shipment.providerId },
		once: true,
	});
	return requestId;
}

/** A carrier scan as Get Tracking returns it (`data.tracking`, newest first). */
export interface TrackingRecord {
	description?: string;
	/** Unix milliseconds. */
	update_time_millis?: number;
}

/** Get Tracking: the carrier's scans of an order as TikTok holds them, in TikTok's order (newest first). */
export async function getTracking(
	client: TikTokShopClient,
	orderId: string,
): Promise<TrackingRecord[]> {
	const { data } = await client.get<{ tracking?: TrackingRecord[] }>(
		fulfillmentPaths.orderTracking(orderId),
	);
	return data?.tracking ?? [];
}
