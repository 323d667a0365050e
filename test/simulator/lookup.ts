import { ApiError, Code } from './errors';
import type { Order, Package, ShopState } from './state';

export function findOrder(state: ShopState, id: string): Order {
	const order = state.orders.find((candidate) => candidate.id === id);
	if (!order) throw new ApiError(Code.ORDER_NOT_FOUND, `Order ${id} does not exist in this shop`);
	return order;
}

export function findPackage(state: ShopState, id: string): Package {
	const pkg = state.packages.find((candidate) => candidate.id === id);
	if (!pkg) throw new ApiError(Code.PACKAGE_NOT_FOUND, `Package ${id} does not exist in this shop`);
	return pkg;
}

export function hasPendingAfterSale(state: ShopState, orderId: string): boolean {
	return (
		state.cancellations.some((c) => c.order_id === orderId && c.cancel_status === 'CANCELLATION_REQUEST_PENDING') ||
		state.returns.some((r) => r.order_id === orderId && r.return_status === 'RETURN_OR_REFUND_REQUEST_PENDING')
	);
}
