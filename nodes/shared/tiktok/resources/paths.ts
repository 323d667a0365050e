/**
 * Every TikTok Shop Open API path the pack calls, by API area, with its version: the one place a version changes
 * (README "TikTok API versions" lists them with the latest TikTok documents). Path parameters are encoded here, so
 * no caller builds a URL. Checked against TikTok's release notes on 2026-12-07.
 *
 * Only nodes/shared/tiktok/ imports this table (eslint/layering.mjs): each entry is called by the resource module of
 * its area (resources/<area>.ts), which owns the call's page size, per-call limit and per-item errors.
 */
const segment = (value: string | number): string => encodeURIComponent(String(value));

export const authorizationPaths = {
	/** Get Authorized Shops. */
	shops: '/authorization/202309/shops',
};

export const orderPaths = {
	search: '/order/202309/orders/search',
	/** Get Order Detail: up to 50 ids per call (`ids` query). */
	detail: '/order/202309/orders',
};

export const fulfillmentPaths = {
	searchPackages: '/fulfillment/202309/packages/search',
	package: (packageId: string) => `/fulfillment/202309/packages/${segment(packageId)}`,
	/** Batch Ship Packages. */
	shipPackages: '/fulfillment/202309/packages/ship',
	packageShippingInfo: (packageId: string) =>
		`/fulfillment/202309/packages/${segment(packageId)}/shipping_info/update`,
	orderShippingInfo: (orderId: string) =>
		`/fulfillment/202309/orders/${segment(orderId)}/shipping_info/update`,
	orderPackages: (orderId: string) => `/fulfillment/202309/orders/${segment(orderId)}/packages`,
	orderTracking: (orderId: string) => `/fulfillment/202309/orders/${segment(orderId)}/tracking`,
};

export const logisticsPaths = {
	warehouses: '/logistics/202309/warehouses',
	deliveryOptions: (warehouseId: string) =>
		`/logistics/202309/warehouses/${segment(warehouseId)}/delivery_options`,
	shippingProviders: (deliveryOptionId: string) =>
		`/logistics/202309/delivery_options/${segment(deliveryOptionId)}/shipping_providers`,
};

export const productPaths = {
	search: '/product/202309/products/search',
	product: (productId: string | number) => `/product/202309/products/${segment(productId)}`,
	updateInventory: (productId: string | number) =>
		`/product/202309/products/${segment(productId)}/inventory/update`,
	searchInventory: '/product/202309/inventory/search',
	uploadImage: '/product/202309/images/upload',
};

export const returnPaths = {
	searchReturns: '/return_refund/202309/returns/search',
	searchCancellations: '/return_refund/202309/cancellations/search',
	rejectReasons: '/return_refund/202309/reject_reasons',
	approveReturn: (returnId: string) => `/return_refund/202309/returns/${segment(returnId)}/approve`,
	rejectReturn: (returnId: string) => `/return_refund/202309/returns/${segment(returnId)}/reject`,
	rejectCancellation: (cancelId: string) =>
		`/return_refund/202309/cancellations/${segment(cancelId)}/reject`,
};

export const financePaths = {
	statements: '/finance/202309/statements',
	/** Get Payments: 202309 was switched off on 2026-08-15. */
	payments: '/finance/202605/payments',
	statementTransactions: (statementId: string) =>
		`/finance/202501/statements/${segment(statementId)}/statement_transactions`,
	orderTransactions: (orderId: string) =>
		`/finance/202501/orders/${segment(orderId)}/statement_transactions`,
};

export const eventPaths = {
	webhooks: '/event/202309/webhooks',
};

/**
 * Shop Performance Score (US shops), version 202606. [inferred] TikTok's reference pages for these five APIs are in
 * no stored source: shopPerformance.ts says what the paths are inferred from. The metric is a `metric_id` query
 * parameter of the last four.
 */
export const SPS_VERSION = '202606';
const SPS_BASE = `/analytics/${SPS_VERSION}/shop_performance_score`;
export const shopPerformancePaths = {
	overview: `${SPS_BASE}/overview`,
	metricDetail: `${SPS_BASE}/metrics/detail`,
	diagnosis: `${SPS_BASE}/metrics/diagnosis`,
	/** Products, logistics providers and after-sales types behind a metric (`dimension_type`). */
	dimensions: `${SPS_BASE}/metrics/dimensions`,
	/** Orders and chats behind a metric (`record_type`). */
	records: `${SPS_BASE}/metrics/records`,
};
