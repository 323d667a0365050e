import { money } from '../money';
import type { Order, OrderStatus, ReturnOrder, ShopState } from '../state';

/**
 * A shop with a known history for shop health: every Orders at Risk reason, every metric, and metrics planted just
 * above and just below their thresholds. Times are relative to `now`; ids are fixed so tests and the template's e2e
 * can name them. Expected numbers (window = the last 30 days):
 *
 *   late dispatch rate       1 / 24 = 4.17 %  (R4 scanned after its line; threshold ≤ 4 %: just above, breach)
 *   valid tracking rate     24 / 25 = 96 %    (F never scanned; ≥ 95 %: just above, ok)
 *   seller-fault cancel.     1 / 41 = 2.44 %  (G out of stock; ≤ 2.5 %: just below, ok)
 *   on-time delivery        19 / 23 = 82.61 % (C1–C3 late, E not delivered; ≥ 80 %)
 *   return handling         (10 + 30 + 20) / 3 = 20 h, one request pending
 *
 * Orders at Risk, most urgent first: F (past collection line), R7 (1 h past), R4 (late carrier scan), R1 (3 h),
 * R6 (buyer asked to cancel, 6 h), R2 (10 h), R5 (on hold, 11 h), R3 (uploaded, no scan, 20 h). S1–S8 are not at risk.
 */
const HOUR = 3600;
const DAY = 86400;

export const PLANTED = {
	atRisk: {
		F: '576684019609000001',
		R7: '576684019609000007',
		R4: '576684019609000004',
		R1: '576684019609000011',
		R6: '576684019609000016',
		R2: '576684019609000012',
		R5: '576684019609000015',
		R3: '576684019609000013',
	},
	lateDispatch: ['576684019609000004'],
	invalidTracking: ['576684019609000001'],
	sellerFaultCancelled: ['576684019609000031'],
	lateDelivery: [
		'576684019609000041',
		'576684019609000042',
		'576684019609000043',
		'576684019609000051',
	],
	totalOrders: 41,
} as const;

interface Plan {
	id: string;
	status: OrderStatus;
	created: number;
	shippingDue: number;
	collectionDue?: number;
	deliveryDue?: number;
	trackingAt?: number;
	scanAt?: number;
	deliveredAt?: number;
	onHold?: boolean;
	buyerCancel?: boolean;
	cancel?: { reason: string; by: 'BUYER' | 'SELLER' | 'SYSTEM' };
}

function plantedOrder(state: ShopState, plan: Plan, index: number): Order {
	const provider = state.shippingProviders[0];
	const warehouse =
		state.warehouses.find((candidate) => candidate.type === 'SALES_WAREHOUSE') ??
		state.warehouses[0];
	const option =
		state.deliveryOptions.find(
			(candidate) => candidate.warehouseId === warehouse.id && !candidate.fulfilledByTikTok,
		) ?? state.deliveryOptions[0];
	const product = state.products[index % state.products.length];
	const sku = product.skus[0];
	const price = Math.round(Number(sku.price.sale_price) * 100);
	const tracking = plan.trackingAt !== undefined ? `94001118992230${plan.id.slice(-8)}` : undefined;
	const times = [plan.created, plan.trackingAt, plan.scanAt, plan.deliveredAt].filter(
		(time): time is number => time !== undefined,
	);
	const order: Order = {
		id: plan.id,
		status: plan.status,
		create_time: plan.created,
		update_time: Math.max(...times),
		paid_time: plan.created + 60,
		user_id: `749400000000${String(index).padStart(4, '0')}`,
		buyer_email: `v0000000${String(index).padStart(5, '0')}@scs2.tiktok.com`,
		buyer_message: '',
		shipping_type: 'SELLER',
		delivery_type: 'HOME_DELIVERY',
		delivery_option_id: option.id,
		delivery_option_name: option.name,
		fulfillment_type: 'FULFILLMENT_BY_SELLER',
		warehouse_id: warehouse.id,
		is_on_hold_order: plan.onHold ?? false,
		is_buyer_request_cancel: plan.buyerCancel ?? false,
		is_cod: false,
		is_sample_order: false,
		rts_sla_time: plan.shippingDue,
		shipping_due_time: plan.shippingDue,
		collection_due_time: plan.collectionDue ?? plan.shippingDue + DAY,
		delivery_due_time: plan.deliveryDue ?? plan.created + 8 * DAY,
		rts_time: plan.trackingAt,
		collection_time: plan.scanAt,
		delivery_time: plan.deliveredAt,
		tracking_number: tracking,
		shipping_provider: tracking ? provider.name : undefined,
		shipping_provider_id: tracking ? provider.id : undefined,
		cancel_reason: plan.cancel?.reason,
		cancellation_initiator: plan.cancel?.by,
		packages: [],
		payment: {
			currency: 'USD',
			original_total_product_price: money(price),
			sub_total: money(price),
			seller_discount: money(0),
			platform_discount: money(0),
			original_shipping_fee: money(599),
			shipping_fee: money(599),
			shipping_fee_seller_discount: money(0),
			shipping_fee_platform_discount: money(0),
			product_tax: money(0),
			shipping_fee_tax: money(0),
			tax: money(0),
			total_amount: money(price + 599),
		},
		payment_method_name: 'Visa',
		recipient_address: {
			name: 'Ava R.',
			phone_number: '(+1)512*****01',
			full_address: '100 Oak St, Austin, TX 78701, United States',
			address_line1: '100 Oak St',
			address_line2: '',
			city: 'Austin',
			state: 'TX',
			postal_code: '78701',
			region_code: 'US',
		},
		line_items: [
			{
				id: `5767${plan.id.slice(4)}`,
				sku_id: sku.id,
				product_id: product.id,
				seller_sku: sku.seller_sku,
				product_name: product.title,
				sku_name: sku.sales_attributes.map((attribute) => attribute.value_name).join(', '),
				sku_image: product.main_images[0].urls[0],
				currency: 'USD',
				original_price: money(price),
				sale_price: money(price),
				seller_discount: money(0),
				platform_discount: money(0),
				display_status: plan.status,
				is_gift: false,
				tracking_number: tracking,
				shipping_provider_id: tracking ? provider.id : undefined,
				shipping_provider_name: tracking ? provider.name : undefined,
				rts_time: plan.trackingAt,
				cancel_reason: plan.cancel?.reason,
			},
		],
	};
	return order;
}

function historyPlans(now: number): Plan[] {
	const plans: Plan[] = [];
	const id = (n: number) => `5766840196090000${String(n).padStart(2, '0')}`;
	// A1–A19: delivered on time, scanned 20 h after the order (line at 48 h).
	for (let i = 0; i < 19; i++) {
		const created = now - (9 + i) * DAY;
		plans.push({
			id: id(60 + i),
			status: i % 3 === 0 ? 'COMPLETED' : 'DELIVERED',
			created,
			shippingDue: created + 2 * DAY,
			trackingAt: created + 16 * HOUR,
			scanAt: created + 20 * HOUR,
			deliveredAt: created + 4 * DAY,
		});
	}
	// C1–C3: scanned on time, delivered a day after delivery_due_time.
	for (let i = 0; i < 3; i++) {
		const created = now - (12 + i) * DAY;
		plans.push({
			id: id(41 + i),
			status: 'DELIVERED',
			created,
			shippingDue: created + 2 * DAY,
			trackingAt: created + 16 * HOUR,
			scanAt: created + 20 * HOUR,
			deliveredAt: created + 9 * DAY,
		});
	}
	// E: scanned on time, still in transit two days after delivery_due_time.
	const e = now - 10 * DAY;
	plans.push({
		id: id(51),
		status: 'IN_TRANSIT',
		created: e,
		shippingDue: e + 2 * DAY,
		trackingAt: e + 16 * HOUR,
		scanAt: e + 20 * HOUR,
	});
	// F: tracking uploaded five days ago, the carrier never scanned it.
	const f = now - 6 * DAY;
	plans.push({
		id: id(1),
		status: 'AWAITING_COLLECTION',
		created: f,
		shippingDue: f + 2 * DAY,
		collectionDue: f + 3 * DAY,
		trackingAt: f + DAY,
	});
	// G: the seller cancelled (out of stock); H: the buyer did.
	plans.push({
		id: id(31),
		status: 'CANCELLED',
		created: now - 15 * DAY,
		shippingDue: now - 13 * DAY,
		cancel: { reason: 'Out of stock', by: 'SELLER' },
	});
	plans.push({
		id: id(32),
		status: 'CANCELLED',
		created: now - 14 * DAY,
		shippingDue: now - 12 * DAY,
		cancel: { reason: 'No longer needed', by: 'BUYER' },
	});
	// Orders at risk now.
	const due = (hours: number) => now + hours * HOUR;
	plans.push({
		id: id(11),
		status: 'AWAITING_SHIPMENT',
		created: due(3) - 2 * DAY,
		shippingDue: due(3),
	});
	plans.push({
		id: id(12),
		status: 'AWAITING_SHIPMENT',
		created: due(10) - 2 * DAY,
		shippingDue: due(10),
	});
	plans.push({
		id: id(13),
		status: 'AWAITING_COLLECTION',
		created: now - 30 * HOUR,
		shippingDue: due(18),
		collectionDue: due(20),
		trackingAt: now - HOUR,
	});
	plans.push({
		id: id(4),
		status: 'AWAITING_COLLECTION',
		created: now - 53 * HOUR,
		shippingDue: due(-5),
		collectionDue: due(19),
		trackingAt: now - 8 * HOUR,
		scanAt: now - 2 * HOUR,
	});
	plans.push({
		id: id(15),
		status: 'ON_HOLD',
		created: due(11) - 2 * DAY,
		shippingDue: due(11),
		onHold: true,
	});
	plans.push({
		id: id(16),
		status: 'AWAITING_SHIPMENT',
		created: due(6) - 2 * DAY,
		shippingDue: due(6),
		buyerCancel: true,
	});
	plans.push({
		id: id(7),
		status: 'AWAITING_SHIPMENT',
		created: due(-1) - 2 * DAY,
		shippingDue: due(-1),
	});
	// S1–S8: open, due 30 to 65 hours from now.
	for (let i = 0; i < 8; i++)
		plans.push({
			id: id(20 + i),
			status: 'AWAITING_SHIPMENT',
			created: now - (i + 1) * HOUR,
			shippingDue: due(30 + 5 * i),
		});
	return plans;
}

function plantedReturns(orders: Order[], now: number): ReturnOrder[] {
	const delivered = orders
		.filter((order) => order.status === 'DELIVERED' && order.delivery_time !== undefined)
		.slice(0, 4);
	const decidedAfter = [10, 30, 20];
	return delivered.map((order, index) => {
		const created = Math.min(now - 5 * HOUR, (order.delivery_time as number) + DAY);
		const pending = index === 3;
		const refund = {
			currency: 'USD' as const,
			refund_total: order.payment.total_amount,
			refund_subtotal: order.payment.sub_total,
			refund_shipping_fee: '0.00',
			refund_tax: '0.00',
		};
		return {
			return_id: `40350000000000${String(index + 1).padStart(4, '0')}`,
			order_id: order.id,
			return_type: 'RETURN_AND_REFUND',
			return_status: pending ? 'RETURN_OR_REFUND_REQUEST_PENDING' : 'AWAITING_BUYER_SHIP',
			role: 'BUYER',
			return_reason: 'ecom_order_delivered_refund_and_return_reason_wrong_item',
			return_reason_text: 'Wrong item',
			seller_next_action_response: pending
				? [{ action: 'SELLER_RESPOND_RETURN', deadline: created + 2 * DAY }]
				: [],
			return_line_items: [],
			refund_amount: refund,
			create_time: pending ? now - 5 * HOUR : created,
			update_time: pending ? now - 5 * HOUR : created + decidedAfter[index] * HOUR,
		};
	});
}

/**
 * Replaces the shop's orders, packages, returns and cancellations with the planted history. Call the simulator's
 * reset() afterwards so its lookups see the new records.
 */
export function plantShopHealthHistory(state: ShopState, now: number): void {
	const orders = historyPlans(now).map((plan, index) => plantedOrder(state, plan, index));
	state.orders.splice(0, state.orders.length, ...orders);
	state.packages.splice(0, state.packages.length);
	state.cancellations.splice(0, state.cancellations.length);
	state.returns.splice(0, state.returns.length, ...plantedReturns(orders, now));
}
