import { ApiError, Code, gateway } from '../errors';
import { markLineItemsShipped, shipExistingPackage, updateShippingInfo } from '../fulfillmentRules';
import { findOrder, findPackage, orderById, packagesOfOrder } from '../lookup';
import { pageSize, paginate, sortOrder } from '../pagination';
import {
	inTimeRange,
	objectList,
	optionalString,
	optionalTime,
	type Route,
	type RouteContext,
} from '../route';
import type { Package, ShopState } from '../state';

function packageView(state: ShopState, pkg: Package) {
	const order = orderById(state, pkg.order_id);
	const items = order?.line_items.filter((item) => pkg.order_line_item_ids.includes(item.id)) ?? [];
	const skus = new Map<string, { id: string; name: string; image_url: string; quantity: number }>();
	for (const item of items) {
		const sku = skus.get(item.sku_id) ?? {
			id: item.sku_id,
			name: item.sku_name,
			image_url: item.sku_image,
			quantity: 0,
		};
		sku.quantity += 1;
		skus.set(item.sku_id, sku);
	}
	return {
		id: pkg.id,
		package_status: pkg.status,
		status: pkg.status,
		order_line_item_ids: pkg.order_line_item_ids,
		orders: [{ id: pkg.order_id, skus: [...skus.values()] }],
		shipping_type: pkg.shipping_type,
		delivery_option_id: pkg.delivery_option_id,
		delivery_option_name: pkg.delivery_option_name,
		tracking_number: pkg.tracking_number ?? '',
		shipping_provider_id: pkg.shipping_provider_id ?? '',
		shipping_provider_name: pkg.shipping_provider_name ?? '',
		handover_method: pkg.handover_method ?? '',
		has_multi_skus: skus.size > 1,
		create_time: pkg.create_time,
		update_time: pkg.update_time,
	};
}

function shipOne(context: RouteContext, packageId: string, body: Record<string, unknown>) {
	const pkg = findPackage(context.state, packageId);
	const { order, shipment } = shipExistingPackage(context, pkg, body);
	return {
		packageId: pkg.id,
		orderId: order.id,
		trackingNumber: shipment.trackingNumber,
		shippingProviderId: shipment.provider.id,
	};
}

export const fulfillmentRoutes: Route[] = [
	{
		method: 'POST',
		path: '/fulfillment/202309/packages/search',
		handle: ({ state, query, body }) => {
			const size = pageSize(query.page_size, { min: 1, max: 50 });
			const sortField = query.sort_field ?? 'create_time';
			if (!['create_time', 'update_time', 'order_pay_time'].includes(sortField))
				throw gateway.invalid('sort_field must be create_time, update_time or order_pay_time');
			const direction = sortOrder(query.sort_order);
			const status = optionalString(body, 'package_status');
			const createdFrom = optionalTime(body, 'create_time_ge');
			const createdBefore = optionalTime(body, 'create_time_lt');
			const updatedFrom = optionalTime(body, 'update_time_ge');
			const updatedBefore = optionalTime(body, 'update_time_lt');
			const paidTime = (pkg: Package) => orderById(state, pkg.order_id)?.paid_time ?? 0;
			const key = (pkg: Package) =>
				sortField === 'order_pay_time'
					? paidTime(pkg)
					: sortField === 'update_time'
						? pkg.update_time
						: pkg.create_time;
			const matching = state.packages
				.filter(
					(pkg) =>
						(status === undefined || pkg.status === status) &&
						inTimeRange(pkg.create_time, createdFrom, createdBefore) &&
						inTimeRange(pkg.update_time, updatedFrom, updatedBefore),
				)
				.sort((a, b) => direction * (key(a) - key(b) || a.id.localeCompare(b.id)));
			const page = paginate(matching, size, query.page_token, { body, sortField, direction });
			return {
				packages: page.items.map((pkg) => packageView(state, pkg)),
				next_page_token: page.next_page_token,
				total_count: page.total_count,
			};
		},
	},
	{
		method: 'GET',
		path: '/fulfillment/202309/packages/{package_id}',
		handle: ({ state, params }) => packageView(state, findPackage(state, params.package_id)),
	},
	{
		method: 'POST',
		path: '/fulfillment/202309/packages/{package_id}/ship',
		handle: (context) => {
			const shipped = shipOne(context, context.params.package_id, context.body);
			context.record({
				type: 'ship',
				...shipped,
				handoverMethod: optionalString(context.body, 'handover_method'),
			});
			return {};
		},
	},
	{
		method: 'POST',
		path: '/fulfillment/202309/packages/ship',
		handle: (context) => {
			const requests = objectList(context.body, 'packages');
			const limit = context.rules.batchShipMaxPackages;
			if (requests.length > limit)
				throw gateway.invalid(`packages accepts at most ${limit} entries; got ${requests.length}`);
			const shipped: Array<ReturnType<typeof shipOne>> = [];
			const errors: Array<{ code: number; message: string; detail: { package_id: string } }> = [];
			for (const request of requests) {
				const packageId = typeof request.id === 'string' ? request.id : String(request.id ?? '');
				try {
					shipped.push(shipOne(context, packageId, request));
				} catch (error) {
					if (!(error instanceof ApiError)) throw error;
					errors.push({
						code: error.code,
						message: error.message,
						detail: { package_id: packageId },
					});
				}
			}
			if (shipped.length) {
				context.record({
					type: 'batchShip',
					shipped,
					failed: errors.map((error) => ({ packageId: error.detail.package_id, code: error.code })),
				});
			}
			return { errors };
		},
	},
	{
		method: 'POST',
		path: '/fulfillment/202309/orders/{order_id}/packages',
		handle: (context) => {
			const order = findOrder(context.state, context.params.order_id);
			const { pkg, lineItemIds } = markLineItemsShipped(context, order, context.body);
			context.record({
				type: 'markShipped',
				orderId: order.id,
				packageId: pkg.id,
				orderLineItemIds: lineItemIds,
				trackingNumber: pkg.tracking_number as string,
				shippingProviderId: pkg.shipping_provider_id as string,
			});
			return { order_id: order.id, order_line_item_ids: lineItemIds, package_id: pkg.id };
		},
	},
	{
		method: 'POST',
		path: '/fulfillment/202309/orders/{order_id}/shipping_info/update',
		handle: (context) => {
			const order = findOrder(context.state, context.params.order_id);
			const shipped = packagesOfOrder(context.state, order.id).filter((pkg) => pkg.shippedAt);
			if (shipped.length === 0)
				throw new ApiError(Code.INVALID_PARAMETER, `Order ${order.id} has not been shipped`, 400);
			if (shipped.length > 1) {
				throw new ApiError(
					Code.INVALID_PARAMETER,
					`Order ${order.id} has ${shipped.length} packages; update each with /packages/{package_id}/shipping_info/update`,
					400,
				);
			}
			const previous = updateShippingInfo(context, order, shipped[0], context.body);
			recordUpdate(context, order.id, shipped[0], previous);
			return {};
		},
	},
	{
		method: 'POST',
		path: '/fulfillment/202309/packages/{package_id}/shipping_info/update',
		handle: (context) => {
			const pkg = findPackage(context.state, context.params.package_id);
			const order = findOrder(context.state, pkg.order_id);
			const previous = updateShippingInfo(context, order, pkg, context.body);
			recordUpdate(context, order.id, pkg, previous);
			return {};
		},
	},
	{
		method: 'GET',
		path: '/fulfillment/202309/orders/{order_id}/tracking',
		handle: ({ state, params, now }) => {
			const order = findOrder(state, params.order_id);
			const shippedAt = order.rts_time;
			if (!shippedAt) return { tracking: [] };
			const events: Array<{ description: string; update_time_millis: number }> = [
				{
					description: 'Shipping label created, carrier awaiting item',
					update_time_millis: shippedAt * 1000,
				},
			];
			// A parcel TikTok still shows as awaiting collection may already carry the carrier's scan (collection_time).
			const pickedUp =
				order.status === 'AWAITING_COLLECTION' ? order.collection_time : shippedAt + 6 * 3600;
			if (pickedUp !== undefined && pickedUp <= now) {
				events.push({ description: 'Picked up by carrier', update_time_millis: pickedUp * 1000 });
			}
			if (order.delivery_time)
				events.push({
					description: 'Delivered, in or at mailbox',
					update_time_millis: order.delivery_time * 1000,
				});
			return { tracking: events.reverse() };
		},
	},
];

function recordUpdate(
	context: RouteContext,
	orderId: string,
	pkg: Package,
	previous: string | undefined,
): void {
	context.record({
		type: 'shippingInfoUpdate',
		orderId,
		packageId: pkg.id,
		trackingNumber: pkg.tracking_number as string,
		shippingProviderId: pkg.shipping_provider_id as string,
		previousTrackingNumber: previous,
	});
}
