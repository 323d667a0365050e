import type { IdFactory } from './random';
import type { Order, Package, PackageStatus, ShippingProvider } from './state';

export function openPackage(
	ids: IdFactory,
	order: Order,
	at: number,
	lineItemIds = order.line_items.map((item) => item.id),
): Package {
	const pkg: Package = {
		id: ids.next('1152'),
		order_id: order.id,
		order_line_item_ids: lineItemIds,
		status: 'PROCESSING',
		shipping_type: order.shipping_type,
		delivery_option_id: order.delivery_option_id,
		delivery_option_name: order.delivery_option_name,
		shippingInfoUpdates: 0,
		create_time: at,
		update_time: at,
	};
	order.packages.push({ id: pkg.id });
	return pkg;
}

/**
 * One place that applies a shipment to both the package and its order, so seeded and simulated shipments look
 * identical. Unshipped orders move to IN_TRANSIT (seller shipping) or AWAITING_COLLECTION (TikTok label) once every
 * line item is in a shipped package, and to PARTIALLY_SHIPPING before that; later statuses are left alone.
 */
export function shipPackage(
	order: Order,
	pkg: Package,
	shipment: {
		trackingNumber: string;
		provider: ShippingProvider;
		shippedAt: number;
		status?: PackageStatus;
		handoverMethod?: 'PICKUP' | 'DROP_OFF';
	},
): void {
	pkg.status = shipment.status ?? 'FULFILLING';
	pkg.tracking_number = shipment.trackingNumber;
	pkg.shipping_provider_id = shipment.provider.id;
	pkg.shipping_provider_name = shipment.provider.name;
	pkg.handover_method = shipment.handoverMethod ?? pkg.handover_method;
	pkg.shippedAt = shipment.shippedAt;
	pkg.update_time = shipment.shippedAt;
	for (const item of order.line_items) {
		if (!pkg.order_line_item_ids.includes(item.id)) continue;
		item.package_id = pkg.id;
		item.package_status = pkg.status;
		item.tracking_number = shipment.trackingNumber;
		item.shipping_provider_id = shipment.provider.id;
		item.shipping_provider_name = shipment.provider.name;
		item.rts_time = shipment.shippedAt;
	}
	if (order.status === 'AWAITING_SHIPMENT' || order.status === 'PARTIALLY_SHIPPING') {
		const allShipped = order.line_items.every((item) => item.tracking_number);
		order.status = allShipped
			? order.shipping_type === 'TIKTOK'
				? 'AWAITING_COLLECTION'
				: 'IN_TRANSIT'
			: 'PARTIALLY_SHIPPING';
		for (const item of order.line_items)
			if (item.tracking_number) item.display_status = order.status;
	}
	order.tracking_number = shipment.trackingNumber;
	order.shipping_provider = shipment.provider.name;
	order.shipping_provider_id = shipment.provider.id;
	order.rts_time = order.rts_time ?? shipment.shippedAt;
	order.update_time = Math.max(order.update_time, shipment.shippedAt);
}
