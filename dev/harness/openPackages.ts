import type { ShopState } from '../simulator/state';
import { hasPendingAfterSale, packagesOfOrder } from '../simulator/lookup';
import { IdFactory, SeededRandom } from '../simulator/random';
import { openPackage } from '../simulator/shipping';

export interface OpenShipment {
	orderId: string;
	packageId: string;
}

/**
 * `count` seller-shipped orders awaiting shipment, each with one PROCESSING package waiting for a tracking number
 * (opened in the simulator's state when the order has none). About a third of seeded orders qualify: seed
 * ~3.4 × count orders. Throws when the shop has too few.
 */
export function openShipments(state: ShopState, count: number): OpenShipment[] {
	const ready = state.orders
		.filter(
			(order) =>
				order.status === 'AWAITING_SHIPMENT' &&
				order.shipping_type === 'SELLER' &&
				!hasPendingAfterSale(state, order.id),
		)
		.slice(0, count);
	if (ready.length < count)
		throw new Error(`Only ${ready.length} seller orders awaiting shipment; seed more orders`);
	const ids = new IdFactory(new SeededRandom(23));
	const now = Math.floor(Date.now() / 1000);
	return ready.map((order) => {
		let pkg = packagesOfOrder(state, order.id).find(
			(candidate) => candidate.status === 'PROCESSING',
		);
		if (!pkg) {
			pkg = openPackage(ids, order, now);
			state.packages.push(pkg);
		}
		return { orderId: order.id, packageId: pkg.id };
	});
}
