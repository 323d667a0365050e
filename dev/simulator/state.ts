/**
 * The simulated shop, stored in the shape TikTok's 202309 APIs return (snake_case, ids and money as strings), so
 * routes hand objects out with little translation. Fields that TikTok never returns are camelCase.
 */

export type OrderStatus =
	| 'UNPAID'
	| 'ON_HOLD'
	| 'AWAITING_SHIPMENT'
	| 'PARTIALLY_SHIPPING'
	| 'AWAITING_COLLECTION'
	| 'IN_TRANSIT'
	| 'DELIVERED'
	| 'COMPLETED'
	| 'CANCELLED';

export type PackageStatus = 'PROCESSING' | 'FULFILLING' | 'COMPLETED' | 'CANCELLED';

export interface Shop {
	id: string;
	name: string;
	cipher: string;
	region: 'US';
	seller_type: 'LOCAL';
	code: string;
}

export interface Address {
	full_address: string;
	address_line1: string;
	address_line2: string;
	city: string;
	state: string;
	postal_code: string;
	region_code: 'US';
}

export interface Warehouse {
	id: string;
	name: string;
	type: 'SALES_WAREHOUSE' | 'RETURN_WAREHOUSE';
	sub_type: 'DOMESTIC_WAREHOUSE';
	is_default: boolean;
	effect_status: 'ENABLED';
	address: Address;
}

export interface DeliveryOption {
	id: string;
	name: string;
	type: 'STANDARD' | 'EXPRESS' | 'ECONOMY' | 'SEND_BY_SELLER';
	description: string;
	warehouseId: string;
	/** TikTok buys the label for its own options, so they have no seller-selectable providers (21008117). */
	fulfilledByTikTok: boolean;
	shippingProviderIds: string[];
}

export interface ShippingProvider {
	id: string;
	name: string;
}

export interface SkuInventory {
	warehouse_id: string;
	quantity: number;
}

export interface Sku {
	id: string;
	seller_sku: string;
	price: { currency: 'USD'; sale_price: string; tax_exclusive_price: string };
	sales_attributes: Array<{ id: string; name: string; value_id: string; value_name: string }>;
	inventory: SkuInventory[];
}

export type ProductStatus =
	| 'ACTIVATE'
	| 'DRAFT'
	| 'PENDING'
	| 'FAILED'
	| 'SELLER_DEACTIVATED'
	| 'PLATFORM_DEACTIVATED'
	| 'FREEZE';

export interface Product {
	id: string;
	title: string;
	description: string;
	status: ProductStatus;
	category_chains: Array<{ id: string; name: string; is_leaf: boolean; parent_id: string }>;
	isApparel: boolean;
	main_images: Array<{ uri: string; urls: string[]; width: number; height: number }>;
	skus: Sku[];
	create_time: number;
	update_time: number;
}

export interface OrderLineItem {
	id: string;
	sku_id: string;
	product_id: string;
	seller_sku: string;
	product_name: string;
	sku_name: string;
	sku_image: string;
	currency: 'USD';
	original_price: string;
	sale_price: string;
	seller_discount: string;
	platform_discount: string;
	display_status: OrderStatus;
	is_gift: boolean;
	package_id?: string;
	package_status?: PackageStatus;
	tracking_number?: string;
	shipping_provider_id?: string;
	shipping_provider_name?: string;
	rts_time?: number;
	cancel_reason?: string;
	cancel_user?: string;
}

export interface OrderPayment {
	currency: 'USD';
	original_total_product_price: string;
	sub_total: string;
	seller_discount: string;
	platform_discount: string;
	original_shipping_fee: string;
	shipping_fee: string;
	shipping_fee_seller_discount: string;
	shipping_fee_platform_discount: string;
	product_tax: string;
	shipping_fee_tax: string;
	tax: string;
	total_amount: string;
}

export interface Order {
	id: string;
	status: OrderStatus;
	create_time: number;
	update_time: number;
	paid_time?: number;
	user_id: string;
	buyer_email: string;
	buyer_message: string;
	shipping_type: 'SELLER' | 'TIKTOK';
	delivery_type: 'HOME_DELIVERY';
	delivery_option_id: string;
	delivery_option_name: string;
	fulfillment_type: 'FULFILLMENT_BY_SELLER';
	warehouse_id: string;
	is_on_hold_order: boolean;
	is_buyer_request_cancel: boolean;
	is_cod: boolean;
	is_sample_order: boolean;
	rts_sla_time: number;
	shipping_due_time: number;
	collection_due_time: number;
	delivery_due_time: number;
	rts_time?: number;
	collection_time?: number;
	delivery_time?: number;
	tracking_number?: string;
	shipping_provider?: string;
	shipping_provider_id?: string;
	cancel_reason?: string;
	cancellation_initiator?: 'BUYER' | 'SELLER' | 'SYSTEM';
	packages: Array<{ id: string }>;
	payment: OrderPayment;
	payment_method_name: string;
	recipient_address: Address & { name: string; phone_number: string };
	line_items: OrderLineItem[];
}

export interface Package {
	id: string;
	order_id: string;
	order_line_item_ids: string[];
	status: PackageStatus;
	shipping_type: 'SELLER' | 'TIKTOK';
	delivery_option_id: string;
	delivery_option_name: string;
	tracking_number?: string;
	shipping_provider_id?: string;
	shipping_provider_name?: string;
	handover_method?: 'PICKUP' | 'DROP_OFF';
	/** Unix seconds; starts the 72 h window for shipping-info updates. */
	shippedAt?: number;
	shippingInfoUpdates: number;
	create_time: number;
	update_time: number;
}

export interface RefundAmount {
	currency: 'USD';
	refund_total: string;
	refund_subtotal: string;
	refund_shipping_fee: string;
	refund_tax: string;
}

export interface SellerNextAction {
	action: string;
	deadline: number;
}

export type ReturnStatus =
	| 'RETURN_OR_REFUND_REQUEST_PENDING'
	| 'REFUND_OR_RETURN_REQUEST_REJECT'
	| 'AWAITING_BUYER_SHIP'
	| 'BUYER_SHIPPED_ITEM'
	| 'REJECT_RECEIVE_PACKAGE'
	| 'RETURN_OR_REFUND_REQUEST_SUCCESS'
	| 'RETURN_OR_REFUND_REQUEST_CANCEL'
	| 'RETURN_OR_REFUND_REQUEST_COMPLETE';

export interface ReturnOrder {
	return_id: string;
	order_id: string;
	return_type: 'REFUND' | 'RETURN_AND_REFUND' | 'REPLACEMENT';
	return_status: ReturnStatus;
	arbitration_status?: 'IN_PROGRESS' | 'SUPPORT_BUYER' | 'SUPPORT_SELLER' | 'CLOSED';
	role: 'BUYER';
	return_reason: string;
	return_reason_text: string;
	return_tracking_number?: string;
	return_provider_id?: string;
	return_provider_name?: string;
	seller_next_action_response: SellerNextAction[];
	return_line_items: Array<{
		return_line_item_id: string;
		order_line_item_id: string;
		sku_id: string;
		seller_sku: string;
		product_name: string;
		sku_name: string;
		refund_amount: RefundAmount;
	}>;
	refund_amount: RefundAmount;
	create_time: number;
	update_time: number;
}

export type CancelStatus =
	| 'CANCELLATION_REQUEST_PENDING'
	| 'CANCELLATION_REQUEST_SUCCESS'
	| 'CANCELLATION_REQUEST_CANCEL'
	| 'CANCELLATION_REQUEST_COMPLETE';

export interface Cancellation {
	cancel_id: string;
	order_id: string;
	cancel_type: 'CANCEL' | 'BUYER_CANCEL';
	cancel_status: CancelStatus;
	role: 'BUYER';
	cancel_reason: string;
	cancel_reason_text: string;
	seller_next_action_response: SellerNextAction[];
	cancel_line_items: Array<{
		cancel_line_item_id: string;
		order_line_item_id: string;
		sku_id: string;
		refund_amount: RefundAmount;
	}>;
	refund_amount: RefundAmount;
	create_time: number;
	update_time: number;
}

/**
 * Finance amounts are SIGNED decimal strings: costs are negative and every parent is the plain sum of its parts,
 * so settlement = revenue + shipping_cost + fee_tax + adjustment. In the reference's unsigned wording that is
 * settlement = revenue − |shipping_cost| − |fee_tax| − |adjustment| for deductions (reference §8, open point 8).
 */
export interface SettlementParts {
	revenue: number;
	shippingCost: number;
	feeTax: number;
	adjustment: number;
}

export interface StatementTransaction {
	id: string;
	statementId: string;
	type: 'ORDER' | 'CHARGE_BACK' | 'SHIPPING_FEE_ADJUSTMENT';
	order_id?: string;
	adjustment_id?: string;
	adjustment_order_id?: string;
	order_create_time: number;
	/** Cents, signed as documented on SettlementParts. */
	parts: SettlementParts;
	/**
	 * refundSubtotalBeforeDiscount: the refunded line items at their original price, negative. sellerDiscount is net
	 * of the refunded lines' seller discount, so revenue = subtotalBeforeDiscount + sellerDiscount + refund ([U] TikTok
	 * may report that returned discount as a separate seller_discount_refund_amount instead).
	 */
	revenueBreakdown: {
		subtotalBeforeDiscount: number;
		sellerDiscount: number;
		refundSubtotalBeforeDiscount?: number;
	};
	shippingBreakdown: { actualShippingFee: number; customerPaidShippingFee: number };
	feeBreakdown: { platformCommission: number; transactionFee: number; affiliateCommission: number };
	skuLines: Array<{
		sku_id: string;
		sku_name: string;
		product_name: string;
		quantity: number;
		parts: SettlementParts;
	}>;
}

export interface Statement {
	id: string;
	statement_time: number;
	payment_status: 'PAID' | 'FAILED' | 'PROCESSING';
	payment_id: string;
	currency: 'USD';
}

export interface Payment {
	id: string;
	create_time: number;
	paid_time: number;
	status: 'PAID' | 'FAILED' | 'PROCESSING';
	statementId: string;
	bank_account: string;
}

export interface UploadedImage {
	uri: string;
	url: string;
	width: number;
	height: number;
	use_case: string;
	bytes: number;
}

export interface WebhookSubscription {
	event_type: string;
	address: string;
	create_time: number;
	update_time: number;
}

export interface ShopState {
	shop: Shop;
	warehouses: Warehouse[];
	deliveryOptions: DeliveryOption[];
	shippingProviders: ShippingProvider[];
	products: Product[];
	orders: Order[];
	packages: Package[];
	returns: ReturnOrder[];
	cancellations: Cancellation[];
	statements: Statement[];
	statementTransactions: StatementTransaction[];
	payments: Payment[];
	images: UploadedImage[];
	webhooks: WebhookSubscription[];
}
