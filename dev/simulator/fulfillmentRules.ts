import { ApiError, Code } from './errors';
import {
	findOrder,
	hasPendingAfterSale,
	packagesOfOrder,
	trackingUsedByAnotherOrder,
} from './lookup';
import { trackingChanged } from './shopIndex';
import type { RouteContext } from './route';
import { openPackage, shipPackage } from './shipping';
import type { DeliveryOption, Order, Package, ShippingProvider, ShopState } from './state';
import { isPlausibleTrackingNumber, trackingNumberFor } from './trackingNumbers';

const UPDATE_WINDOW_SECONDS = 72 * 3600;

export interface SellerShipment {
	trackingNumber: string;
	provider: ShippingProvider;
}

function deliveryOptionOf(state: ShopState, id: string): DeliveryOption | undefined {
	return state.deliveryOptions.find((option) => option.id === id);
}

/** Whether the order may be shipped at all; the checks run in the order TikTok reports them. */
export function assertShippable(state: ShopState, order: Order): void {
	if (order.status === 'CANCELLED')
		throw new ApiError(
			Code.ORDER_CANCELLED,
			`Order ${order.id} is cancelled and cannot be shipped`,
		);
	if (hasPendingAfterSale(state, order.id)) {
		throw new ApiError(
			Code.AFTER_SALE_PENDING,
			`Order ${order.id} has a pending after-sale request; respond to it before shipping`,
		);
	}
	if (order.status === 'UNPAID' || order.status === 'ON_HOLD') {
		throw new ApiError(
			Code.ORDER_NOT_READY_TO_SHIP,
			`Order ${order.id} is ${order.status} and cannot be shipped yet`,
		);
	}
	if (order.status !== 'AWAITING_SHIPMENT' && order.status !== 'PARTIALLY_SHIPPING') {
		throw new ApiError(Code.ALREADY_SHIPPED, `Order ${order.id} has already been shipped`);
	}
}

/** 21011022 for a malformed number or a carrier the delivery option does not offer; 21011025 when another order uses it. */
export function validateSellerShipment(
	state: ShopState,
	order: Order,
	raw: unknown,
): SellerShipment {
	const fields = (typeof raw === 'object' && raw !== null ? raw : {}) as Record<string, unknown>;
	const trackingNumber = fields.tracking_number;
	const providerId = fields.shipping_provider_id;
	if (!isPlausibleTrackingNumber(trackingNumber)) {
		throw new ApiError(
			Code.INVALID_TRACKING,
			`Invalid tracking number or shipping provider: tracking number "${String(trackingNumber ?? '')}" is not valid`,
		);
	}
	const option = deliveryOptionOf(state, order.delivery_option_id);
	const provider = state.shippingProviders.find((candidate) => candidate.id === providerId);
	if (
		typeof providerId !== 'string' ||
		!provider ||
		!option?.shippingProviderIds.includes(provider.id)
	) {
		throw new ApiError(
			Code.INVALID_TRACKING,
			`Invalid tracking number or shipping provider: shipping_provider_id "${String(providerId ?? '')}" is not offered for this order`,
		);
	}
	if (trackingUsedByAnotherOrder(state, trackingNumber, order.id)) {
		throw new ApiError(
			Code.DUPLICATE_TRACKING,
			`Tracking number ${trackingNumber} is already used by another order`,
		);
	}
	return { trackingNumber, provider };
}

/** Ship Package: TikTok-label packages get their tracking from TikTok, SEND_BY_SELLER ones need self_shipment. */
export function shipExistingPackage(
	context: RouteContext,
	pkg: Package,
	body: Record<string, unknown>,
): { order: Order; shipment: SellerShipment } {
	const { state, now, random } = context;
	const order = findOrder(state, pkg.order_id);
	if (pkg.status !== 'PROCESSING')
		throw new ApiError(Code.ALREADY_SHIPPED, `Package ${pkg.id} has already been shipped`);
	assertShippable(state, order);
	const handover = body.handover_method;
	if (handover !== undefined && handover !== 'PICKUP' && handover !== 'DROP_OFF') {
		throw new ApiError(Code.INVALID_PARAMETER, 'handover_method must be PICKUP or DROP_OFF', 400);
	}
	const option = deliveryOptionOf(state, pkg.delivery_option_id);
	let shipment: SellerShipment;
	if (option?.fulfilledByTikTok) {
		const provider = state.shippingProviders[0];
		shipment = { provider, trackingNumber: trackingNumberFor(provider.name, random) };
	} else {
		if (body.self_shipment === undefined) {
			throw new ApiError(
				Code.INVALID_TRACKING,
				'Invalid tracking number or shipping provider: self_shipment is required for SEND_BY_SELLER packages',
			);
		}
		shipment = validateSellerShipment(state, order, body.self_shipment);
	}
	const previous = pkg.tracking_number;
	shipPackage(order, pkg, {
		...shipment,
		shippedAt: now,
		handoverMethod: handover as 'PICKUP' | 'DROP_OFF' | undefined,
	});
	trackingChanged(state, pkg, previous);
	return { order, shipment };
}

/**
 * Mark Package As Shipped ships the given line items (default: all unshipped ones). Items still sitting in a
 * TikTok-created PROCESSING package move out of it, the way a split works.
 */
export function markLineItemsShipped(
	context: RouteContext,
	order: Order,
	body: Record<string, unknown>,
): { pkg: Package; lineItemIds: string[] } {
	const { state, ids, now } = context;
	assertShippable(state, order);
	if (order.shipping_type !== 'SELLER')
		throw new ApiError(
			Code.INVALID_PARAMETER,
			'Mark Package As Shipped is only for seller-shipped orders',
			400,
		);
	const requested = body.order_line_item_ids;
	if (
		requested !== undefined &&
		(!Array.isArray(requested) || requested.some((id) => typeof id !== 'string'))
	) {
		throw new ApiError(
			Code.INVALID_PARAMETER,
			'order_line_item_ids must be an array of strings',
			400,
		);
	}
	const unshipped = order.line_items.filter((item) => !item.tracking_number).map((item) => item.id);
	const lineItemIds = (requested as string[] | undefined)?.length
		? (requested as string[])
		: unshipped;
	const unknown = lineItemIds.filter((id) => !order.line_items.some((item) => item.id === id));
	if (unknown.length)
		throw new ApiError(
			Code.INVALID_PARAMETER,
			`order_line_item_ids ${unknown.join(',')} do not belong to order ${order.id}`,
			400,
		);
	if (lineItemIds.length === 0)
		throw new ApiError(Code.ALREADY_SHIPPED, `Order ${order.id} has already been shipped`);
	if (lineItemIds.some((id) => !unshipped.includes(id))) {
		throw new ApiError(
			Code.LINE_ITEMS_ALREADY_SHIPPED,
			`Some of the line items of order ${order.id} have already been shipped`,
		);
	}
	const shipment = validateSellerShipment(state, order, body);
	const open = packagesOfOrder(state, order.id).find((pkg) => pkg.status === 'PROCESSING');
	let pkg: Package;
	if (open && open.order_line_item_ids.every((id) => lineItemIds.includes(id))) {
		pkg = open;
		pkg.order_line_item_ids = [...lineItemIds];
	} else {
		if (open)
			open.order_line_item_ids = open.order_line_item_ids.filter((id) => !lineItemIds.includes(id));
		pkg = openPackage(ids, order, now, [...lineItemIds]);
		state.packages.push(pkg);
	}
	const previous = pkg.tracking_number;
	shipPackage(order, pkg, { ...shipment, shippedAt: now });
	trackingChanged(state, pkg, previous);
	return { pkg, lineItemIds };
}

/** Seller-shipped packages may correct their tracking once, within 72 h of shipping (21011050 / 21011051). */
export function updateShippingInfo(
	context: RouteContext,
	order: Order,
	pkg: Package,
	body: Record<string, unknown>,
): string | undefined {
	const { state, now } = context;
	if (pkg.shipping_type !== 'SELLER' || !pkg.shippedAt) {
		throw new ApiError(
			Code.INVALID_PARAMETER,
			`Package ${pkg.id} is not a shipped, seller-shipped package`,
			400,
		);
	}
	if (now - pkg.shippedAt > UPDATE_WINDOW_SECONDS) {
		throw new ApiError(
			Code.UPDATE_WINDOW_CLOSED,
			'Shipping info can only be updated within 72 hours after shipping',
		);
	}
	if (pkg.shippingInfoUpdates >= 1)
		throw new ApiError(Code.UPDATE_ALREADY_DONE, 'Shipping info can only be updated once');
	const shipment = validateSellerShipment(state, order, body);
	const previous = pkg.tracking_number;
	pkg.shippingInfoUpdates += 1;
	shipPackage(order, pkg, { ...shipment, shippedAt: pkg.shippedAt, status: pkg.status });
	trackingChanged(state, pkg, previous);
	pkg.update_time = now;
	order.update_time = now;
	return previous;
}
