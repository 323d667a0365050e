import { gateway } from '../errors';
import { orderById } from '../lookup';
import { pageSize, paginate, sortOrder } from '../pagination';
import { inTimeRange, optionalString, optionalTime, stringList, type Route } from '../route';
import type { Order, OrderStatus } from '../state';

const STATUSES: OrderStatus[] = [
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
const MAX_DETAIL_IDS = 50;

export const orderRoutes: Route[] = [
	{
		method: 'POST',
		path: '/order/202309/orders/search',
		handle: ({ state, query, body }) => {
			const size = pageSize(query.page_size, { min: 1, max: 100 });
			const sortField = query.sort_field ?? 'create_time';
			if (sortField !== 'create_time' && sortField !== 'update_time')
				throw gateway.invalid('sort_field must be create_time or update_time');
			const direction = sortOrder(query.sort_order);
			const status = optionalString(body, 'order_status');
			if (status !== undefined && !STATUSES.includes(status as OrderStatus))
				throw gateway.invalid(`order_status ${status} is not a valid status`);
			const shippingType = optionalString(body, 'shipping_type');
			const buyer = optionalString(body, 'buyer_user_id');
			const warehouses = stringList(body, 'warehouse_ids', 100);
			const createdFrom = optionalTime(body, 'create_time_ge');
			const createdBefore = optionalTime(body, 'create_time_lt');
			const updatedFrom = optionalTime(body, 'update_time_ge');
			const updatedBefore = optionalTime(body, 'update_time_lt');
			const cancelRequested = body.is_buyer_request_cancel;
			if (cancelRequested !== undefined && typeof cancelRequested !== 'boolean')
				throw gateway.invalid('is_buyer_request_cancel must be a boolean');
			const matches = (order: Order) =>
				(status === undefined || order.status === status) &&
				(shippingType === undefined || order.shipping_type === shippingType) &&
				(buyer === undefined || order.user_id === buyer) &&
				(warehouses === undefined || warehouses.includes(order.warehouse_id)) &&
				(cancelRequested === undefined || order.is_buyer_request_cancel === cancelRequested) &&
				inTimeRange(order.create_time, createdFrom, createdBefore) &&
				inTimeRange(order.update_time, updatedFrom, updatedBefore);
			const sorted = state.orders
				.filter(matches)
				.sort((a, b) => direction * (a[sortField] - b[sortField] || a.id.localeCompare(b.id)));
			const page = paginate(sorted, size, query.page_token, { body, sortField, direction });
			return {
				orders: page.items,
				next_page_token: page.next_page_token,
				total_count: page.total_count,
			};
		},
	},
	{
		method: 'GET',
		path: '/order/202309/orders',
		handle: ({ state, query }) => {
			const ids = (query.ids ?? '').split(',').filter(Boolean);
			if (ids.length === 0) throw gateway.invalid('ids is required');
			if (ids.length > MAX_DETAIL_IDS)
				throw gateway.invalid(`ids accepts at most ${MAX_DETAIL_IDS} order ids`);
			if (ids.some((id) => !/^\d+$/.test(id)))
				throw gateway.invalid('ids must be numeric order ids');
			return {
				orders: ids.map((id) => orderById(state, id)).filter((order) => order !== undefined),
			};
		},
	},
];
