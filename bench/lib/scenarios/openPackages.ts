import { fulfillment, logistics, orders } from '../../../nodes/shared/tiktok/resources';
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
		const details = await orders.getOrderDetails<{ id: string; delivery_option_id: string }>(
			client,
			warmUpShipments.map((shipment) => shipment.orderId),
		);
		const optionId = [...details.values()][0].delivery_option_id;
		const [provider] = await logistics.getShippingProviders(client, optionId);
		await fulfillment.shipPackages(
			client,
			warmUpShipments.map((shipment, index) => ({
				packageId: shipment.packageId,
				trackingNumber: validTrackingNumber('UPS', WARM_UP_SERIALS + index),
				providerId: String(provider.id),
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
