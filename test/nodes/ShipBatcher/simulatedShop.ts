import type { INodeExecutionData } from 'n8n-workflow';

import { ShipBatcher } from '../../../nodes/ShipBatcher/ShipBatcher.node';
import { resetBuckets } from '../../../nodes/shared/tiktok/rateBudget';
import { clearShippingProviderCache } from '../../../nodes/ShipBatcher/v1/shipping/shippingProviders';
import { runNode } from '../../../dev/harness/fakeExecuteFunctions';
import { hasPendingAfterSale } from '../../../dev/simulator/lookup';
import {
	startSimulator,
	type Order,
	type Package,
	type RunningSimulator,
	type SimulatorOptions,
} from '../../../dev/simulator';
import { simulatorCredentials } from '../../../dev/harness/simulatorCredentials';

export const shipBatcher = new ShipBatcher().nodeVersions[1];

export const credentialsFor = simulatorCredentials;

export async function startShop(options: SimulatorOptions = {}): Promise<RunningSimulator> {
	resetBuckets();
	clearShippingProviderCache();
	return startSimulator({ seed: 7, orders: 300, ...options });
}

/** Seller-shipped orders ready for a tracking number, with their open package when TikTok created one. */
export function awaitingSellerOrders(
	sim: RunningSimulator,
): Array<{ order: Order; pkg?: Package }> {
	return sim.state.orders
		.filter(
			(order) =>
				order.status === 'AWAITING_SHIPMENT' &&
				order.shipping_type === 'SELLER' &&
				!hasPendingAfterSale(sim.state, order.id),
		)
		.map((order) => ({
			order,
			pkg: sim.state.packages.find(
				(pkg) => pkg.order_id === order.id && pkg.status === 'PROCESSING',
			),
		}));
}

export function ordersWithPackage(sim: RunningSimulator): Array<{ order: Order; pkg: Package }> {
	return awaitingSellerOrders(sim).filter(
		(entry): entry is { order: Order; pkg: Package } => entry.pkg !== undefined,
	);
}

export function ordersWithoutPackage(sim: RunningSimulator): Order[] {
	return awaitingSellerOrders(sim)
		.filter((entry) => !entry.pkg)
		.map((entry) => entry.order);
}

/** A row as the 3PL Tracking Parser (or a CSV with its headers) hands it over. */
export function row(fields: Record<string, unknown>): INodeExecutionData {
	return { json: { warehouse: 'NJ-1', sku: 'TEE-BLK-M', ...fields } };
}

export async function runShipBatcher(
	sim: RunningSimulator,
	items: INodeExecutionData[],
	parameters: Record<string, unknown> = {},
	continueOnFail = false,
): Promise<{ shipped: INodeExecutionData[]; attention: INodeExecutionData[] }> {
	const [shipped, attention] = await runNode(shipBatcher, {
		credentials: credentialsFor(sim),
		items,
		continueOnFail,
		parameters: { trackingHistory: 'none', ...parameters },
		node: { name: 'Ship Batcher', type: 'n8n-nodes-tiktok-shop-ops.tikTokShopShipBatcher' },
	});
	return { shipped, attention };
}

export function shippedPackageIds(sim: RunningSimulator): string[] {
	return sim.mutations.flatMap((mutation) => {
		if (mutation.type === 'batchShip') return mutation.shipped.map((entry) => entry.packageId);
		if (mutation.type === 'markShipped') return [mutation.packageId];
		return [];
	});
}

export function callsTo(sim: RunningSimulator, method: string, path: string | RegExp): number {
	return sim.requests.filter(
		(request) =>
			request.method === method &&
			(typeof path === 'string' ? request.path === path : path.test(request.path)) &&
			request.status === 200,
	).length;
}
