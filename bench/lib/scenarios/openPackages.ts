import { fetchOrders } from '../../../nodes/ShipBatcher/v1/actions/ship/orderDetails';
import { batchShipPackages } from '../../../nodes/ShipBatcher/v1/actions/ship/tiktokShipping';
import { validTrackingNumber } from '../../../test/fixtures/validTrackingNumbers';
import type { RunningSimulator } from '../../../dev/simulator';
import { clientFor } from '../../../dev/harness/simulatorClient';
import { openShipments } from '../../../dev/harness/openPackages';
import type { Scenario } from '../simulatorWorker';

export interface OpenPackages {
	shipments: Array<{ orderId: string; packageId: string }>;
	/** Shipping provider name → id, as Get Shipping Providers lists them for the seller delivery options. */
	providers: Record<string, string>;
}

/** Orders set aside for the warm-up, one full batch, never part of the measured shipments. */
const WARM_UP_ORDERS = 50;
/** Far above the benchmark's own counter, so the warm-up's labels are never the ones the contenders upload. */
const WARM_UP_SERIALS = 9_000_000;
let warmUpShipments: Array<{ orderId: string; packageId: string }> = [];

/**
 * `packages` seller-shipped orders awaiting shipment, each with one PROCESSING package waiting for a tracking
 * number. The rest of the seeded shop stays: the simulator's lookups are indexed, so its size costs nothing per call.
 */
export const openPackages: Scenario<{ packages: number }, OpenPackages> = {
	prepare(sim, { packages }) {
		const shipments = openShipments(sim.state, packages + WARM_UP_ORDERS);
		warmUpShipments = shipments.splice(packages);
		return {
			shipments,
			providers: Object.fromEntries(
				sim.state.shippingProviders.map((provider) => [provider.name, provider.id]),
			),
		};
	},
	async warmUp(sim) {
		const client = clientFor(sim, { ratePerSecond: 1e6, maxRetries: 0 });
		const orders = await fetchOrders(
			client,
			warmUpShipments.map((shipment) => shipment.orderId),
		);
		const optionId = [...orders.values()][0].delivery_option_id;
		const { data } = await client.get<{ shipping_providers: Array<{ id: string }> }>(
			`/logistics/202309/delivery_options/${optionId}/shipping_providers`,
		);
		await batchShipPackages(
			client,
			warmUpShipments.map((shipment, index) => ({
				packageId: shipment.packageId,
				trackingNumber: validTrackingNumber('UPS', WARM_UP_SERIALS + index),
				providerId: data.shipping_providers[0].id,
			})),
		);
	},
	commands: {
		shippedPackageIds: (sim: RunningSimulator) =>
			sim.mutations.flatMap((mutation) =>
				mutation.type === 'batchShip'
					? mutation.shipped.map((entry) => entry.packageId)
					: mutation.type === 'ship'
						? [mutation.packageId]
						: [],
			),
	},
};
