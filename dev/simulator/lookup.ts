import { ApiError, Code } from './errors';
import { shopIndex, trackingKey } from './shopIndex';
import type { Order, Package, Product, ShopState } from './state';

export function orderById(state: ShopState, id: string): Order | undefined {
	return shopIndex(state).orders.find(state.orders, id);
}

export function findOrder(state: ShopState, id: string): Order {
	const order = orderById(state, id);
	if (!order) throw new ApiError(Code.ORDER_NOT_FOUND, `Order ${id} does not exist in this shop`);
	return order;
}

export function findPackage(state: ShopState, id: string): Package {
	const pkg = shopIndex(state).packages.find(state.packages, id);
	if (!pkg) throw new ApiError(Code.PACKAGE_NOT_FOUND, `Package ${id} does not exist in this shop`);
	return pkg;
}

export function findProduct(state: ShopState, id: string): Product {
	const product = shopIndex(state).products.find(state.products, id);
	if (!product)
		throw new ApiError(Code.PRODUCT_NOT_FOUND, `Product ${id} does not exist in this shop`);
	return product;
}

/** The order's packages in state.packages order. */
export function packagesOfOrder(state: ShopState, orderId: string): Package[] {
	const index = shopIndex(state);
	return index.packagesByOrder
		.candidates(state.packages, orderId)
		.filter((pkg) => pkg.order_id === orderId && isCurrent(state, pkg));
}

/** Whether a package of another order already carries this tracking number (compared case-insensitively). */
export function trackingUsedByAnotherOrder(
	state: ShopState,
	trackingNumber: string,
	orderId: string,
): boolean {
	const key = trackingKey(trackingNumber);
	if (key === undefined) return false;
	const index = shopIndex(state);
	return index.packagesByTracking
		.candidates(state.packages, key)
		.some(
			(pkg) =>
				pkg.order_id !== orderId &&
				trackingKey(pkg.tracking_number) === key &&
				isCurrent(state, pkg),
		);
}

/** Still the package state.packages holds under its id (not one replaced in place since it was indexed). */
function isCurrent(state: ShopState, pkg: Package): boolean {
	return shopIndex(state).packages.find(state.packages, pkg.id) === pkg;
}

export function hasPendingAfterSale(state: ShopState, orderId: string): boolean {
	const index = shopIndex(state);
	return (
		index.cancellationsByOrder
			.candidates(state.cancellations, orderId)
			.some((c) => c.order_id === orderId && c.cancel_status === 'CANCELLATION_REQUEST_PENDING') ||
		index.returnsByOrder
			.candidates(state.returns, orderId)
			.some((r) => r.order_id === orderId && r.return_status === 'RETURN_OR_REFUND_REQUEST_PENDING')
	);
}
