import { attention } from './attentionReasons';
import type { AttentionOutcome, ShipmentRequest, TikTokLineItem, TikTokOrder } from './interfaces';

/** Markets where Mark Package As Shipped exists (reference §5); elsewhere a package id is required. */
const MARK_SHIPPED_MARKETS = new Set(['US', 'GB', 'UK', 'ES', 'IE', 'IT', 'DE', 'FR', 'JP']);
const SHIPPED_STATUSES = new Set(['AWAITING_COLLECTION', 'IN_TRANSIT', 'DELIVERED', 'COMPLETED']);

export type Readiness =
	| { ready: true }
	| { ready: false; outcome: AttentionOutcome }
	/** Already shipped: with which tracking number, as far as the order tells. */
	| { ready: false; shippedWith: string | undefined; packageId?: string };

/** The line items this row ships: the ones listed, the package's, or every line item not cancelled. */
export function lineItemsOf(order: TikTokOrder, request: ShipmentRequest): TikTokLineItem[] {
	const items = order.line_items ?? [];
	if (request.lineItemIds.length)
		return items.filter((item) => request.lineItemIds.includes(String(item.id)));
	if (request.packageId) {
		const inPackage = items.filter((item) => item.package_id === request.packageId);
		if (inPackage.length) return inPackage;
	}
	return items.filter((item) => !item.cancel_reason);
}

/** Whether TikTok will take a shipment for this order now; the order state comes from Get Order Detail. */
export function orderReadiness(
	order: TikTokOrder | undefined,
	request: ShipmentRequest,
): Readiness {
	const id = request.orderId ?? '';
	if (!order) {
		return {
			ready: false,
			outcome: attention(
				'order_not_found',
				`TikTok has no order ${id} in this shop. Check the order ID, and that the credential is for the right shop.`,
			),
		};
	}
	const packages = (order.packages ?? []).map((pkg) => String(pkg.id));
	if (request.packageId && packages.length && !packages.includes(request.packageId)) {
		return {
			ready: false,
			outcome: attention(
				'package_not_in_order',
				`Package ${request.packageId} is not one of order ${id}'s packages (${packages.join(', ')}). Check which of the two IDs is wrong.`,
			),
		};
	}
	const unknownItems = request.lineItemIds.filter(
		(itemId) => !(order.line_items ?? []).some((item) => String(item.id) === itemId),
	);
	if (unknownItems.length) {
		return {
			ready: false,
			outcome: attention(
				'package_not_in_order',
				`Line items ${unknownItems.join(', ')} are not in order ${id}. Check the line item IDs.`,
			),
		};
	}
	if (order.status === 'CANCELLED') {
		return {
			ready: false,
			outcome: attention(
				'order_cancelled',
				`Order ${id} was cancelled. Do not ship it; stop the parcel if it has left.`,
			),
		};
	}
	if (order.status === 'UNPAID') {
		return {
			ready: false,
			outcome: attention(
				'order_unpaid',
				`Order ${id} is not paid yet. Hold the parcel until TikTok shows it as awaiting shipment.`,
			),
		};
	}
	if (order.status === 'ON_HOLD' || order.is_on_hold_order) {
		return {
			ready: false,
			outcome: attention(
				'order_on_hold',
				`Order ${id} is on hold (TikTok's cancellation window for new orders). Ship it once the hold ends, then run again.`,
			),
		};
	}
	const items = lineItemsOf(order, request);
	const shipped = items.filter((item) => item.tracking_number);
	if (SHIPPED_STATUSES.has(order.status) || (items.length > 0 && shipped.length === items.length)) {
		return {
			ready: false,
			shippedWith: shipped[0]?.tracking_number ?? order.tracking_number,
			packageId: shipped[0]?.package_id,
		};
	}
	if (order.shipping_type === 'TIKTOK') {
		return {
			ready: false,
			outcome: attention(
				'order_shipped_by_tiktok',
				`Order ${id} ships on a TikTok Shipping label, so TikTok supplies the tracking number. Arrange the handover in Seller Center instead of uploading one.`,
			),
		};
	}
	const region = order.recipient_address?.region_code?.toUpperCase();
	if (!request.packageId && region && !MARK_SHIPPED_MARKETS.has(region)) {
		return {
			ready: false,
			outcome: attention(
				'package_id_required',
				`Order ${id} ships to ${region}, where TikTok needs the package ID to ship. Add the package_id column.`,
			),
		};
	}
	return { ready: true };
}
