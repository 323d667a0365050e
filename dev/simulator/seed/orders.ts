import type { IdFactory, SeededRandom } from '../random';
import { money } from '../money';
import { openPackage, shipPackage } from '../shipping';
import { trackingNumberFor } from '../trackingNumbers';
import type {
	DeliveryOption,
	Order,
	OrderLineItem,
	OrderStatus,
	Package,
	Product,
	ShippingProvider,
	Sku,
	Warehouse,
} from '../state';

const HOUR = 3600;
const DAY = 86400;

const STATUS_WEIGHTS: Array<[OrderStatus, number]> = [
	['AWAITING_SHIPMENT', 45],
	['UNPAID', 4],
	['ON_HOLD', 4],
	['AWAITING_COLLECTION', 6],
	['IN_TRANSIT', 12],
	['DELIVERED', 10],
	['COMPLETED', 13],
	['CANCELLED', 6],
];

const FIRST_NAMES = ['Ava', 'Liam', 'Mia', 'Noah', 'Zoe', 'Eli', 'Maya', 'Owen', 'Lena', 'Jay'];
const CITIES: Array<[string, string, string]> = [
	['Austin', 'TX', '78701'],
	['Denver', 'CO', '80202'],
	['Tampa', 'FL', '33602'],
	['Portland', 'OR', '97204'],
	['Raleigh', 'NC', '27601'],
	['Phoenix', 'AZ', '85004'],
];

function pickStatus(random: SeededRandom): OrderStatus {
	const total = STATUS_WEIGHTS.reduce((sum, [, weight]) => sum + weight, 0);
	let roll = random.int(1, total);
	for (const [status, weight] of STATUS_WEIGHTS) {
		roll -= weight;
		if (roll <= 0) return status;
	}
	return 'AWAITING_SHIPMENT';
}

function ageFor(status: OrderStatus, random: SeededRandom): number {
	switch (status) {
		case 'UNPAID':
			return random.int(60, 2 * HOUR);
		case 'ON_HOLD':
			return random.int(60, HOUR);
		case 'AWAITING_SHIPMENT':
			return random.int(HOUR, 4 * DAY);
		case 'AWAITING_COLLECTION':
			return random.int(DAY, 3 * DAY);
		case 'IN_TRANSIT':
			return random.int(2 * DAY, 7 * DAY);
		case 'DELIVERED':
			return random.int(6 * DAY, 14 * DAY);
		case 'COMPLETED':
			return random.int(20 * DAY, 60 * DAY);
		default:
			return random.int(HOUR, 20 * DAY);
	}
}

export interface OrderSeedContext {
	random: SeededRandom;
	ids: IdFactory;
	now: number;
	products: Product[];
	warehouses: Warehouse[];
	deliveryOptions: DeliveryOption[];
	shippingProviders: ShippingProvider[];
}

/** 1 line item = 1 unit (reference §4): buying two of a SKU gives two line items with the same sku_id. */
function lineItemsFor(context: OrderSeedContext, warehouseId: string): OrderLineItem[] {
	const { random, ids, products } = context;
	const sellable: Array<{ product: Product; sku: Sku }> = [];
	for (const product of products) {
		if (product.status !== 'ACTIVATE') continue;
		for (const sku of product.skus)
			if (sku.inventory.some((entry) => entry.warehouse_id === warehouseId))
				sellable.push({ product, sku });
	}
	const items: OrderLineItem[] = [];
	const distinct = random.int(1, 3);
	for (let i = 0; i < distinct; i++) {
		const { product, sku } = random.pick(sellable);
		const units = random.chance(0.2) ? 2 : 1;
		const original = Math.round(Number(sku.price.sale_price) * 100);
		const sellerDiscount = random.chance(0.3) ? Math.round(original * 0.1) : 0;
		const platformDiscount = random.chance(0.25) ? random.int(1, 3) * 100 : 0;
		for (let unit = 0; unit < units; unit++) {
			items.push({
				id: ids.next('5766', 18),
				sku_id: sku.id,
				product_id: product.id,
				seller_sku: sku.seller_sku,
				product_name: product.title,
				sku_name: sku.sales_attributes.map((attribute) => attribute.value_name).join(', '),
				sku_image: product.main_images[0].urls[0],
				currency: 'USD',
				original_price: money(original),
				sale_price: money(original - sellerDiscount - platformDiscount),
				seller_discount: money(sellerDiscount),
				platform_discount: money(platformDiscount),
				display_status: 'AWAITING_SHIPMENT',
				is_gift: false,
			});
		}
	}
	return items;
}

function paymentFor(items: OrderLineItem[], random: SeededRandom): Order['payment'] {
	const sum = (field: 'original_price' | 'sale_price' | 'seller_discount' | 'platform_discount') =>
		items.reduce((total, item) => total + Math.round(Number(item[field]) * 100), 0);
	const subTotal = sum('sale_price');
	const originalShipping = subTotal >= 3500 ? 0 : 599;
	const shippingPlatformDiscount = originalShipping && random.chance(0.3) ? 200 : 0;
	const shippingFee = originalShipping - shippingPlatformDiscount;
	const productTax = Math.round(subTotal * 0.0725);
	return {
		currency: 'USD',
		original_total_product_price: money(sum('original_price')),
		sub_total: money(subTotal),
		seller_discount: money(sum('seller_discount')),
		platform_discount: money(sum('platform_discount')),
		original_shipping_fee: money(originalShipping),
		shipping_fee: money(shippingFee),
		shipping_fee_seller_discount: money(0),
		shipping_fee_platform_discount: money(shippingPlatformDiscount),
		product_tax: money(productTax),
		shipping_fee_tax: money(0),
		tax: money(productTax),
		total_amount: money(subTotal + shippingFee + productTax),
	};
}

const SHIPPED: OrderStatus[] = ['AWAITING_COLLECTION', 'IN_TRANSIT', 'DELIVERED', 'COMPLETED'];

/**
 * The carrier's acceptance scan comes this long after the label; the tracking route (routes/fulfillment.ts) shows
 * "Picked up by carrier" at the same moment. Fixed rather than drawn, so the seeded stream stays as it was.
 */
const CARRIER_PICKUP_DELAY = 6 * HOUR;

/** collection_time: when the carrier accepted the parcel. AWAITING_COLLECTION orders have not been collected yet. */
function collectionTime(order: Order, shippedAt: number, now: number): number | undefined {
	if (order.status === 'AWAITING_COLLECTION') return undefined;
	const pickedUp = shippedAt + CARRIER_PICKUP_DELAY;
	if (order.delivery_time !== undefined) return Math.min(pickedUp, order.delivery_time);
	return pickedUp <= now ? pickedUp : undefined;
}

export function seedOrders(
	context: OrderSeedContext,
	count: number,
): { orders: Order[]; packages: Package[] } {
	const { random, ids, now, warehouses, deliveryOptions, shippingProviders } = context;
	const sales = warehouses.filter((warehouse) => warehouse.type === 'SALES_WAREHOUSE');
	const orders: Order[] = [];
	const packages: Package[] = [];
	for (let index = 0; index < count; index++) {
		const status = pickStatus(random);
		const warehouse = random.chance(0.65) ? sales[0] : sales[1];
		const options = deliveryOptions.filter((option) => option.warehouseId === warehouse.id);
		const option = random.chance(0.8) ? options[0] : random.pick(options.slice(1));
		const created = now - ageFor(status, random);
		const paid = status === 'UNPAID' ? undefined : created + random.int(5, 600);
		const lineItems = lineItemsFor(context, warehouse.id);
		const name = random.pick(FIRST_NAMES);
		const [city, state, postalCode] = random.pick(CITIES);
		const line1 = `${random.int(10, 9999)} ${random.pick(['Oak', 'Pine', 'Maple', 'Cedar'])} St`;
		const rtsSla = (paid ?? created) + 3 * DAY;
		const order: Order = {
			id: ids.next('5766', 18),
			status,
			create_time: created,
			update_time: created,
			paid_time: paid,
			user_id: ids.next('7494'),
			buyer_email: `v${random.digits(12)}@scs2.tiktok.com`,
			buyer_message: random.chance(0.1) ? 'Please ship fast, it is a gift!' : '',
			shipping_type: option.fulfilledByTikTok ? 'TIKTOK' : 'SELLER',
			delivery_type: 'HOME_DELIVERY',
			delivery_option_id: option.id,
			delivery_option_name: option.name,
			fulfillment_type: 'FULFILLMENT_BY_SELLER',
			warehouse_id: warehouse.id,
			is_on_hold_order: status === 'ON_HOLD',
			is_buyer_request_cancel: false,
			is_cod: false,
			is_sample_order: false,
			rts_sla_time: rtsSla,
			shipping_due_time: rtsSla + DAY,
			collection_due_time: rtsSla + 2 * DAY,
			delivery_due_time: rtsSla + 8 * DAY,
			packages: [],
			payment: paymentFor(lineItems, random),
			payment_method_name: random.pick(['Visa', 'Mastercard', 'PayPal', 'Apple Pay']),
			recipient_address: {
				name: `${name} ${String.fromCharCode(65 + random.int(0, 25))}.`,
				phone_number: `(+1)${random.digits(3)}*****${random.digits(2)}`,
				full_address: `${line1}, ${city}, ${state} ${postalCode}, United States`,
				address_line1: line1,
				address_line2: '',
				city,
				state,
				postal_code: postalCode,
				region_code: 'US',
			},
			line_items: lineItems,
		};
		for (const item of lineItems) item.display_status = status;
		if (status === 'CANCELLED') {
			order.cancel_reason = random.pick([
				'No longer needed',
				'Buyer placed a duplicate order',
				'Out of stock',
			]);
			order.cancellation_initiator = order.cancel_reason === 'Out of stock' ? 'SELLER' : 'BUYER';
			order.update_time = created + random.int(HOUR, DAY);
			for (const item of lineItems) item.cancel_reason = order.cancel_reason;
		}
		if (
			status === 'AWAITING_SHIPMENT' &&
			(order.shipping_type === 'TIKTOK' || random.chance(0.5))
		) {
			packages.push(openPackage(ids, order, created + random.int(60, HOUR)));
		}
		if (SHIPPED.includes(status)) {
			const provider =
				order.shipping_type === 'TIKTOK' ? shippingProviders[0] : random.pick(shippingProviders);
			const shippedAt = Math.min(
				now - random.int(HOUR, 2 * DAY),
				(paid ?? created) + random.int(HOUR, 2 * DAY),
			);
			const pkg = openPackage(ids, order, (paid ?? created) + 60);
			shipPackage(order, pkg, {
				trackingNumber: trackingNumberFor(provider.name, random),
				provider,
				shippedAt,
				status: status === 'DELIVERED' || status === 'COMPLETED' ? 'COMPLETED' : 'FULFILLING',
			});
			if (status === 'DELIVERED' || status === 'COMPLETED') {
				order.delivery_time = Math.min(now - HOUR, shippedAt + random.int(2, 5) * DAY);
				order.update_time = order.delivery_time;
			}
			const collected = collectionTime(order, shippedAt, now);
			if (collected !== undefined) {
				order.collection_time = collected;
				order.update_time = Math.max(order.update_time, collected);
			}
			packages.push(pkg);
		}
		orders.push(order);
	}
	return { orders, packages };
}
