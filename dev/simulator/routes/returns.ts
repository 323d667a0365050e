import { ApiError, Code, gateway } from '../errors';
import { findOrder, hasPendingAfterSale } from '../lookup';
import { pageSize, paginate, sortOrder } from '../pagination';
import { inTimeRange, optionalTime, requiredString, stringList, type Route } from '../route';
import { CANCELLATION_REJECT_REASONS, returnRejectReasons } from '../rejectReasons';
import { readRejection } from '../rejection';
import type { ReturnOrder, ReturnStatus, ShopState } from '../state';

const APPROVALS: Record<
	string,
	(ret: ReturnOrder, body: Record<string, unknown>) => ReturnStatus | undefined
> = {
	APPROVE_REFUND: (ret, body) =>
		ret.return_status === 'RETURN_OR_REFUND_REQUEST_PENDING' &&
		(ret.return_type === 'REFUND' || body.buyer_keep_item === true)
			? 'RETURN_OR_REFUND_REQUEST_COMPLETE'
			: undefined,
	APPROVE_RETURN: (ret) =>
		ret.return_status === 'RETURN_OR_REFUND_REQUEST_PENDING' &&
		ret.return_type === 'RETURN_AND_REFUND'
			? 'AWAITING_BUYER_SHIP'
			: undefined,
	APPROVE_RECEIVED_PACKAGE: (ret) =>
		ret.return_status === 'BUYER_SHIPPED_ITEM' ? 'RETURN_OR_REFUND_REQUEST_COMPLETE' : undefined,
	APPROVE_REPLACEMENT: (ret) =>
		ret.return_status === 'RETURN_OR_REFUND_REQUEST_PENDING' && ret.return_type === 'REPLACEMENT'
			? 'AWAITING_BUYER_SHIP'
			: undefined,
	ISSUE_REPLACEMENT_REFUND: (ret) =>
		ret.return_type === 'REPLACEMENT' ? 'RETURN_OR_REFUND_REQUEST_COMPLETE' : undefined,
	OFFER_PARTIAL_REFUND: (ret) =>
		ret.return_status === 'RETURN_OR_REFUND_REQUEST_PENDING'
			? 'RETURN_OR_REFUND_REQUEST_PENDING'
			: undefined,
};

const REJECTIONS: Record<string, (ret: ReturnOrder) => ReturnStatus | undefined> = {
	REJECT_REFUND: (ret) =>
		ret.return_status === 'RETURN_OR_REFUND_REQUEST_PENDING' && ret.return_type === 'REFUND'
			? 'REFUND_OR_RETURN_REQUEST_REJECT'
			: undefined,
	REJECT_RETURN: (ret) =>
		ret.return_status === 'RETURN_OR_REFUND_REQUEST_PENDING' &&
		ret.return_type === 'RETURN_AND_REFUND'
			? 'REFUND_OR_RETURN_REQUEST_REJECT'
			: undefined,
	REJECT_RECEIVED_PACKAGE: (ret) =>
		ret.return_status === 'BUYER_SHIPPED_ITEM' ? 'REJECT_RECEIVE_PACKAGE' : undefined,
	REJECT_REPLACEMENT: (ret) =>
		ret.return_status === 'RETURN_OR_REFUND_REQUEST_PENDING' && ret.return_type === 'REPLACEMENT'
			? 'REFUND_OR_RETURN_REQUEST_REJECT'
			: undefined,
};

function findReturn(state: ShopState, id: string): ReturnOrder {
	const found = state.returns.find((candidate) => candidate.return_id === id);
	if (!found) throw new ApiError(Code.RETURN_NOT_FOUND, `Return ${id} does not exist in this shop`);
	return found;
}

export const returnRoutes: Route[] = [
	{
		method: 'POST',
		path: '/return_refund/202309/returns/search',
		handle: ({ state, query, body }) => {
			const size = pageSize(query.page_size, { min: 10, max: 50, fallback: 10 });
			const sortField = query.sort_field ?? 'create_time';
			if (sortField !== 'create_time' && sortField !== 'update_time')
				throw gateway.invalid('sort_field must be create_time or update_time');
			const direction = sortOrder(query.sort_order);
			const filters = {
				return_ids: stringList(body, 'return_ids'),
				order_ids: stringList(body, 'order_ids'),
				return_types: stringList(body, 'return_types'),
				return_status: stringList(body, 'return_status'),
				arbitration_status: stringList(body, 'arbitration_status'),
			};
			const createdFrom = optionalTime(body, 'create_time_ge');
			const createdBefore = optionalTime(body, 'create_time_lt');
			const updatedFrom = optionalTime(body, 'update_time_ge');
			const updatedBefore = optionalTime(body, 'update_time_lt');
			const matching = state.returns
				.filter(
					(ret) =>
						(!filters.return_ids || filters.return_ids.includes(ret.return_id)) &&
						(!filters.order_ids || filters.order_ids.includes(ret.order_id)) &&
						(!filters.return_types || filters.return_types.includes(ret.return_type)) &&
						(!filters.return_status || filters.return_status.includes(ret.return_status)) &&
						(!filters.arbitration_status ||
							filters.arbitration_status.includes(ret.arbitration_status ?? '')) &&
						inTimeRange(ret.create_time, createdFrom, createdBefore) &&
						inTimeRange(ret.update_time, updatedFrom, updatedBefore),
				)
				.sort(
					(a, b) =>
						direction * (a[sortField] - b[sortField] || a.return_id.localeCompare(b.return_id)),
				);
			const page = paginate(matching, size, query.page_token, { body, sortField, direction });
			return {
				return_orders: page.items,
				next_page_token: page.next_page_token,
				total_count: page.total_count,
			};
		},
	},
	{
		method: 'POST',
		path: '/return_refund/202309/returns/{return_id}/approve',
		idempotent: true,
		handle: ({ state, params, body, now, record }) => {
			const ret = findReturn(state, params.return_id);
			const decision = requiredString(body, 'decision');
			const rule = APPROVALS[decision];
			if (!rule)
				throw gateway.invalid(`decision must be one of ${Object.keys(APPROVALS).join(', ')}`);
			const next = rule(ret, body);
			if (!next)
				throw new ApiError(
					Code.RETURN_STATE_CONFLICT,
					`${decision} is not allowed for a ${ret.return_type} return in status ${ret.return_status}`,
				);
			ret.return_status = next;
			ret.seller_next_action_response = [];
			ret.update_time = now;
			record({ type: 'returnApprove', returnId: ret.return_id, decision });
			return {};
		},
	},
	{
		method: 'POST',
		path: '/return_refund/202309/returns/{return_id}/reject',
		idempotent: true,
		handle: ({ state, params, body, now, record }) => {
			const ret = findReturn(state, params.return_id);
			const decision = requiredString(body, 'decision');
			const rule = REJECTIONS[decision];
			if (!rule)
				throw gateway.invalid(`decision must be one of ${Object.keys(REJECTIONS).join(', ')}`);
			const next = rule(ret);
			if (!next)
				throw new ApiError(
					Code.RETURN_STATE_CONFLICT,
					`${decision} is not allowed for a ${ret.return_type} return in status ${ret.return_status}`,
				);
			const rejection = readRejection(state, body, returnRejectReasons(ret));
			ret.return_status = next;
			ret.seller_next_action_response = [];
			ret.update_time = now;
			record({
				type: 'returnReject',
				returnId: ret.return_id,
				decision,
				...rejection,
				imageIds: rejection.images.map((image) => image.imageId),
			});
			return {};
		},
	},
	{
		method: 'GET',
		path: '/return_refund/202309/reject_reasons',
		handle: ({ state, query }) => {
			const id = query.return_or_cancel_id;
			if (!id) throw gateway.invalid('return_or_cancel_id is required');
			const ret = state.returns.find((r) => r.return_id === id);
			if (ret) return { reasons: returnRejectReasons(ret) };
			if (state.cancellations.some((c) => c.cancel_id === id))
				return { reasons: CANCELLATION_REJECT_REASONS };
			throw new ApiError(Code.RETURN_NOT_FOUND, `No return or cancellation ${id} in this shop`);
		},
	},
	{
		method: 'GET',
		path: '/return_refund/202309/orders/{order_id}/aftersale_eligibility',
		handle: ({ state, params }) => {
			const order = findOrder(state, params.order_id);
			const pending = hasPendingAfterSale(state, order.id);
			const shipped = ![
				'UNPAID',
				'ON_HOLD',
				'AWAITING_SHIPMENT',
				'PARTIALLY_SHIPPING',
				'CANCELLED',
			].includes(order.status);
			const reason = (eligible: boolean, why: string) =>
				eligible ? { eligible: true } : { eligible: false, ineligible_reason: why };
			return {
				sku_eligibility: order.line_items.map((item) => ({
					sku_id: item.sku_id,
					order_line_item_id: item.id,
					request_types: [
						{
							request_type: 'CANCEL',
							...reason(
								!shipped && !pending && order.status !== 'CANCELLED',
								'The order has shipped, is cancelled or has a pending request',
							),
						},
						{
							request_type: 'REFUND_ONLY',
							...reason(shipped && !pending, 'The order has not shipped or has a pending request'),
						},
						{
							request_type: 'RETURN_AND_REFUND',
							...reason(shipped && !pending, 'The order has not shipped or has a pending request'),
						},
					],
				})),
			};
		},
	},
];
