import type { IdFactory, SeededRandom } from '../random';
import { money } from '../money';
import { ALL_REJECT_REASONS } from '../rejectReasons';
import type {
	Cancellation,
	Order,
	OrderLineItem,
	RefundAmount,
	ReturnOrder,
	ReturnStatus,
} from '../state';

const DAY = 86400;

const RETURN_REASONS: Array<[string, string]> = [
	['ecom_order_delivered_refund_and_return_reason_wrong_size', 'Wrong size'],
	['ecom_order_delivered_refund_and_return_reason_damaged', 'Item damaged or defective'],
	['ecom_order_delivered_refund_and_return_reason_not_as_described', 'Not as described'],
	['ecom_order_delivered_refund_reason_missing_item', 'Package missing items'],
];

/** Refund-only requests: the buyer keeps the item, or never got it. Same length as RETURN_REASONS, one draw each. */
const REFUND_ONLY_REASONS: Array<[string, string]> = [
	['ecom_order_delivered_refund_reason_package_not_received', 'Package not received'],
	['ecom_order_delivered_refund_and_return_reason_damaged', 'Item damaged or defective'],
	['ecom_order_delivered_refund_and_return_reason_not_as_described', 'Not as described'],
	['ecom_order_delivered_refund_reason_missing_item', 'Package missing items'],
];

const CANCEL_REASONS: Array<[string, string]> = [
	['ecom_order_to_ship_cancel_reason_no_longer_needed', 'No longer needed'],
	['ecom_order_to_ship_cancel_reason_wrong_address', 'Need to change shipping address'],
];

/** Tax is refunded in proportion to the refunded subtotal, rounded per refund (TikTok rounds the same way per line). */
export function refundFor(order: Order, items: OrderLineItem[]): RefundAmount {
	const subtotal = items.reduce((sum, item) => sum + Math.round(Number(item.sale_price) * 100), 0);
	const orderSubtotal = Math.round(Number(order.payment.sub_total) * 100) || 1;
	const tax = Math.round((Math.round(Number(order.payment.tax) * 100) * subtotal) / orderSubtotal);
	return {
		currency: 'USD',
		refund_total: money(subtotal + tax),
		refund_subtotal: money(subtotal),
		refund_shipping_fee: money(0),
		refund_tax: money(tax),
	};
}

/** The returned lines of a return: each item of the order being returned, with its refund; line ids from `nextId`. */
export function returnLinesOf(
	order: Order,
	items: OrderLineItem[],
	nextId: () => string,
): ReturnOrder['return_line_items'] {
	return items.map((item) => ({
		return_line_item_id: nextId(),
		order_line_item_id: item.id,
		sku_id: item.sku_id,
		seller_sku: item.seller_sku,
		product_name: item.product_name,
		sku_name: item.sku_name,
		refund_amount: refundFor(order, [item]),
	}));
}

export function seedReturns(
	random: SeededRandom,
	ids: IdFactory,
	orders: Order[],
	now: number,
): ReturnOrder[] {
	const returns: ReturnOrder[] = [];
	const delivered = orders.filter(
		(order) => order.status === 'DELIVERED' || order.status === 'COMPLETED',
	);
	for (const order of delivered) {
		if (!random.chance(0.3)) continue;
		const items = order.line_items.slice(0, random.int(1, Math.min(2, order.line_items.length)));
		const type = random.chance(0.35) ? 'REFUND' : 'RETURN_AND_REFUND';
		const statuses: ReturnStatus[] =
			type === 'REFUND'
				? [
						'RETURN_OR_REFUND_REQUEST_PENDING',
						'RETURN_OR_REFUND_REQUEST_COMPLETE',
						'REFUND_OR_RETURN_REQUEST_REJECT',
					]
				: [
						'RETURN_OR_REFUND_REQUEST_PENDING',
						'AWAITING_BUYER_SHIP',
						'BUYER_SHIPPED_ITEM',
						'RETURN_OR_REFUND_REQUEST_COMPLETE',
					];
		const status = random.pick(statuses);
		const created = Math.min(
			now - 3600,
			(order.delivery_time ?? order.update_time) + random.int(3600, 3 * DAY),
		);
		const [reason, reasonText] = random.pick(
			type === 'REFUND' ? REFUND_ONLY_REASONS : RETURN_REASONS,
		);
		const refund = refundFor(order, items);
		const actions =
			status === 'RETURN_OR_REFUND_REQUEST_PENDING'
				? [{ action: 'SELLER_RESPOND_REQUEST', deadline: created + 2 * DAY }]
				: status === 'BUYER_SHIPPED_ITEM'
					? [{ action: 'SELLER_RESPOND_RECEIVE_PACKAGE', deadline: now + random.int(2, 48) * 3600 }]
					: [];
		const shippedBack =
			status === 'BUYER_SHIPPED_ITEM' ||
			(type === 'RETURN_AND_REFUND' && status === 'RETURN_OR_REFUND_REQUEST_COMPLETE');
		returns.push({
			return_id: ids.next('4035', 18),
			order_id: order.id,
			return_type: type,
			return_status: status,
			arbitration_status:
				status === 'REFUND_OR_RETURN_REQUEST_REJECT'
					? random.pick(['IN_PROGRESS', 'SUPPORT_SELLER', 'SUPPORT_BUYER'] as const)
					: undefined,
			role: 'BUYER',
			return_reason: reason,
			return_reason_text: reasonText,
			return_tracking_number: shippedBack ? `9202${random.digits(18)}` : undefined,
			return_provider_id: undefined,
			return_provider_name: shippedBack ? 'USPS' : undefined,
			seller_next_action_response: actions,
			return_line_items: returnLinesOf(order, items, () => ids.next('4035', 18)),
			refund_amount: refund,
			create_time: created,
			update_time:
				created + (status === 'RETURN_OR_REFUND_REQUEST_PENDING' ? 0 : random.int(3600, DAY)),
		});
	}
	return returns;
}

/**
 * Pending buyer cancellations sit on unshipped orders (those orders then refuse shipping with 21011007); completed
 * ones belong to the buyer-cancelled orders.
 */
export function seedCancellations(
	random: SeededRandom,
	ids: IdFactory,
	orders: Order[],
	now: number,
): Cancellation[] {
	const cancellations: Cancellation[] = [];
	for (const order of orders) {
		const pending = order.status === 'AWAITING_SHIPMENT' && random.chance(0.1);
		const done = order.status === 'CANCELLED' && order.cancellation_initiator === 'BUYER';
		if (!pending && !done) continue;
		const [reason, reasonText] = random.pick(CANCEL_REASONS);
		const created = pending
			? Math.min(now - 60, order.create_time + random.int(600, 6 * 3600))
			: order.update_time - 600;
		if (pending) order.is_buyer_request_cancel = true;
		cancellations.push({
			cancel_id: ids.next('4035', 18),
			order_id: order.id,
			cancel_type: 'BUYER_CANCEL',
			cancel_status: pending ? 'CANCELLATION_REQUEST_PENDING' : 'CANCELLATION_REQUEST_COMPLETE',
			role: 'BUYER',
			cancel_reason: reason,
			cancel_reason_text: reasonText,
			seller_next_action_response: pending
				? [{ action: 'SELLER_RESPOND_CANCEL', deadline: created + DAY }]
				: [],
			cancel_line_items: order.line_items.map((item) => ({
				cancel_line_item_id: ids.next('4035', 18),
				order_line_item_id: item.id,
				sku_id: item.sku_id,
				refund_amount: refundFor(order, [item]),
			})),
			refund_amount: refundFor(order, order.line_items),
			create_time: created,
			update_time: created,
		});
	}
	return cancellations;
}

/** Every reject reason the simulator offers for some case; GET reject_reasons answers a case's own (rejectReasons.ts). */
export const RETURN_REJECT_REASONS = ALL_REJECT_REASONS;
