import { ApiError, Code, gateway } from '../errors';
import { orderById } from '../lookup';
import { pageSize, paginate, sortOrder } from '../pagination';
import { inTimeRange, optionalTime, stringList, type Route } from '../route';
import type { Cancellation, ShopState } from '../state';
import { CANCELLATION_REJECT_REASONS } from '../rejectReasons';
import { readRejection } from '../rejection';

function findPendingCancellation(state: ShopState, id: string): Cancellation {
	const found = state.cancellations.find((candidate) => candidate.cancel_id === id);
	if (!found)
		throw new ApiError(
			Code.CANCELLATION_NOT_FOUND,
			`Cancellation ${id} does not exist in this shop`,
		);
	if (found.cancel_status !== 'CANCELLATION_REQUEST_PENDING') {
		throw new ApiError(
			Code.CANCELLATION_STATE_CONFLICT,
			`Cancellation ${id} is ${found.cancel_status} and no longer awaits a decision`,
		);
	}
	return found;
}

export const cancellationRoutes: Route[] = [
	{
		method: 'POST',
		path: '/return_refund/202309/cancellations/search',
		handle: ({ state, query, body }) => {
			const size = pageSize(query.page_size, { min: 1, max: 50, fallback: 10 });
			const sortField = query.sort_field ?? 'create_time';
			if (sortField !== 'create_time' && sortField !== 'update_time')
				throw gateway.invalid('sort_field must be create_time or update_time');
			const direction = sortOrder(query.sort_order);
			const cancelIds = stringList(body, 'cancel_ids');
			const orderIds = stringList(body, 'order_ids');
			const statuses = stringList(body, 'cancel_status');
			const types = stringList(body, 'cancel_types');
			const createdFrom = optionalTime(body, 'create_time_ge');
			const createdBefore = optionalTime(body, 'create_time_lt');
			const updatedFrom = optionalTime(body, 'update_time_ge');
			const updatedBefore = optionalTime(body, 'update_time_lt');
			const matching = state.cancellations
				.filter(
					(c) =>
						(!cancelIds || cancelIds.includes(c.cancel_id)) &&
						(!orderIds || orderIds.includes(c.order_id)) &&
						(!statuses || statuses.includes(c.cancel_status)) &&
						(!types || types.includes(c.cancel_type)) &&
						inTimeRange(c.create_time, createdFrom, createdBefore) &&
						inTimeRange(c.update_time, updatedFrom, updatedBefore),
				)
				.sort(
					(a, b) =>
						direction * (a[sortField] - b[sortField] || a.cancel_id.localeCompare(b.cancel_id)),
				);
			const page = paginate(matching, size, query.page_token, { body, sortField, direction });
			return {
				cancellations: page.items,
				next_page_token: page.next_page_token,
				total_count: page.total_count,
			};
		},
	},
	{
		method: 'POST',
		path: '/return_refund/202309/cancellations/{cancel_id}/approve',
		idempotent: true,
		handle: ({ state, params, now, record }) => {
			const cancellation = findPendingCancellation(state, params.cancel_id);
			cancellation.cancel_status = 'CANCELLATION_REQUEST_COMPLETE';
			cancellation.seller_next_action_response = [];
			cancellation.update_time = now;
			const order = orderById(state, cancellation.order_id);
			if (order) {
				order.status = 'CANCELLED';
				order.is_buyer_request_cancel = false;
				order.cancel_reason = cancellation.cancel_reason_text;
				order.cancellation_initiator = 'BUYER';
				order.update_time = now;
				for (const item of order.line_items) item.display_status = 'CANCELLED';
				for (const pkg of state.packages)
					if (pkg.order_id === order.id && pkg.status === 'PROCESSING') pkg.status = 'CANCELLED';
			}
			record({ type: 'cancellationApprove', cancelId: cancellation.cancel_id });
			return {};
		},
	},
	{
		method: 'POST',
		path: '/return_refund/202309/cancellations/{cancel_id}/reject',
		idempotent: true,
		handle: ({ state, params, body, now, record }) => {
			const cancellation = findPendingCancellation(state, params.cancel_id);
			const rejection = readRejection(state, body, CANCELLATION_REJECT_REASONS);
			cancellation.cancel_status = 'CANCELLATION_REQUEST_CANCEL';
			cancellation.seller_next_action_response = [];
			cancellation.update_time = now;
			const order = orderById(state, cancellation.order_id);
			if (order) {
				order.is_buyer_request_cancel = false;
				order.update_time = now;
			}
			record({
				type: 'cancellationReject',
				cancelId: cancellation.cancel_id,
				...rejection,
				imageIds: rejection.images.map((image) => image.imageId),
			});
			return {};
		},
	},
];
