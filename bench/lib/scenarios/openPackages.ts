import type { RunningSimulator } from '../../../test/simulator';
import { hasPendingAfterSale, packagesOfOrder } from '../../../test/simulator/lookup';
import { IdFactory, SeededRandom } from '../../../test/simulator/random';
import { openPackage } from '../../../test/simulator/shipping';
import type { Scenario } from '../simulatorWorker';

export interface OpenPackages {
	shipments: Array<{ orderId: string; packageId: string }>;
	/** Shipping provider name → id, as Get Shipping Providers lists them for the seller delivery options. */
	providers: Record<string, string>;
}

/**
 * `packages` seller-shipped orders awaiting shipment, each with one PROCESSING package waiting for a tracking
 * number. The rest of the seeded shop stays: the simulator's lookups are indexed, so its size costs nothing per call.
 */
export const openPackages: Scenario<{ packages: number }, OpenPackages> = {
	prepare(sim, { packages }) {
		const { state } = sim;
		const ready = state.orders
			.filter((order) => order.status === 'AWAITING_SHIPMENT' && order.shipping_type === 'SELLER' && !hasPendingAfterSale(state, order.id))
			.slice(0, packages);
		if (ready.length < packages) throw new Error(`Only ${ready.length} seller orders awaiting shipment; seed more orders`);
		const ids = new IdFactory(new SeededRandom(23));
		const now = Math.floor(Date.now() / 1000);
		const shipments = ready.map((order) => {
			let pkg = packagesOfOrder(state, order.id).find((candidate) => candidate.status === 'PROCESSING');
			if (!pkg) {
				pkg = openPackage(ids, order, now);
				state.packages.push(pkg);
			}
			return { orderId: order.id, packageId: pkg.id };
		});
		return { shipments, providers: Object.fromEntries(state.shippingProviders.map((provider) => [provider.name, provider.id])) };
	},
	commands: {
		shippedPackageIds: (sim: RunningSimulator) =>
			sim.mutations.flatMap((mutation) =>
				mutation.type === 'batchShip' ? mutation.shipped.map((entry) => entry.packageId) : mutation.type === 'ship' ? [mutation.packageId] : [],
			),
	},
};
