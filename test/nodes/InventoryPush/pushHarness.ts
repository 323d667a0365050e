import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { IDataObject, INodeExecutionData } from 'n8n-workflow';

import { InventoryPush } from '../../../nodes/InventoryPush/InventoryPush.node';
import { closeAllStores } from '../../../nodes/shared/store';
import { resetBuckets } from '../../../nodes/shared/tiktok/rateBudget';
import { runNode, type FakeRun } from '../../../dev/harness/fakeExecuteFunctions';
import type { RunningSimulator, Sku } from '../../../dev/simulator';
import { simulatorCredentials } from '../../../dev/harness/simulatorCredentials';

export const pushNode = new InventoryPush().nodeVersions[1];

export const credentialsFor = simulatorCredentials;

/** A fresh embedded store (own n8n folder) per test, so no catalogue cache or ledger leaks between tests. */
export function useFreshStoreFolder(): { dir: () => string } {
	let dir = '';
	const previous = process.env.N8N_USER_FOLDER;
	beforeEach(() => {
		dir = mkdtempSync(join(tmpdir(), 'inventory-push-'));
		process.env.N8N_USER_FOLDER = dir;
		resetBuckets();
	});
	afterEach(async () => {
		await closeAllStores();
		rmSync(dir, { recursive: true, force: true });
		if (previous === undefined) delete process.env.N8N_USER_FOLDER;
		else process.env.N8N_USER_FOLDER = previous;
	});
	return { dir: () => dir };
}

export type Outputs = {
	updated: IDataObject[];
	unchanged: IDataObject[];
	needsAttention: IDataObject[];
	raw: INodeExecutionData[][];
};

export async function push(
	sim: RunningSimulator,
	parameters: FakeRun['parameters'],
	rows: IDataObject[],
	continueOnFail = false,
): Promise<Outputs> {
	const raw = await runNode(pushNode, {
		credentials: credentialsFor(sim),
		items: rows.map((json) => ({ json })),
		continueOnFail,
		node: { name: 'Inventory Push', type: 'n8n-nodes-tiktok-shop-ops.tikTokShopInventoryPush' },
		parameters: {
			stockSource: 'input',
			sku: (index: number) => rows[index].sku,
			quantity: (index: number) => rows[index].quantity,
			killSwitch: (index: number) => rows[index].stop === true,
			incomingQuantity: (index: number) => rows[index].incoming ?? 0,
			ledgerName: 'main',
			...parameters,
		},
	});
	const [updated, unchanged, needsAttention] = raw.map((output) => output.map((item) => item.json));
	return { updated, unchanged, needsAttention, raw };
}

/** Gives product `index` of the seeded shop exactly these SKUs (keeping its SKU ids), so tests can compute by hand. */
export function stockProduct(
	sim: RunningSimulator,
	index: number,
	skus: Array<{ sellerSku: string; warehouses: Record<string, number> }>,
): { productId: string; skuIds: string[] } {
	const product = sim.state.products[index];
	const template = product.skus[0];
	product.skus = skus.map((wanted, position): Sku => ({
		...template,
		id: product.skus[position]?.id ?? `${template.id.slice(0, -3)}${900 + position}`,
		seller_sku: wanted.sellerSku,
		inventory: Object.entries(wanted.warehouses).map(([warehouse_id, quantity]) => ({
			warehouse_id,
			quantity,
		})),
	}));
	return { productId: product.id, skuIds: product.skus.map((sku) => sku.id) };
}

export function inventoryOf(
	sim: RunningSimulator,
	productId: string,
	skuId: string,
): Record<string, number> {
	const sku = sim.state.products
		.find((product) => product.id === productId)!
		.skus.find((candidate) => candidate.id === skuId)!;
	return Object.fromEntries(sku.inventory.map((entry) => [entry.warehouse_id, entry.quantity]));
}

export function callsTo(sim: RunningSimulator, pattern: RegExp) {
	return sim.requests.filter((request) => pattern.test(request.path));
}
