import type { RunningSimulator } from '../../../dev/simulator';
import {
	restoreInventory,
	seedInventoryCatalogue,
	seededRandom,
	snapshotInventory,
	type SeededCatalogue,
} from '../seedInventoryCatalogue';
import type { Scenario } from '../simulatorWorker';

export interface InventoryCatalogueArgs {
	products: number;
	skus: number;
	/** Share of SKUs whose wanted quantity differs from what TikTok lists. */
	changedShare: number;
	seed: number;
}

export interface InventoryCatalogue {
	catalogue: SeededCatalogue;
	/** SKU id → the quantity the seller wants listed at the default warehouse. */
	wanted: Array<[string, number]>;
	changedSkuIds: string[];
	/** Every product with each SKU's assigned warehouses, as the push-everything baseline sends them. */
	products: Array<{ id: string; skus: Array<{ id: string; warehouseIds: string[] }> }>;
}

let snapshot: ReturnType<typeof snapshotInventory> | undefined;

/** A seeded catalogue of active products and a wanted stock list that changes a share of its SKUs. */
export const inventoryCatalogue: Scenario<InventoryCatalogueArgs, InventoryCatalogue> = {
	prepare(sim, args) {
		const random = seededRandom(args.seed);
		const catalogue = seedInventoryCatalogue(sim, args.products, args.skus, random);
		const wanted = new Map(catalogue.skus.map((sku) => [sku.skuId, sku.quantity]));
		const changed = new Set<string>();
		while (changed.size < args.skus * args.changedShare)
			changed.add(catalogue.skus[Math.floor(random() * args.skus)].skuId);
		for (const skuId of changed)
			wanted.set(skuId, wanted.get(skuId)! + 1 + Math.floor(random() * 20));
		snapshot = snapshotInventory(sim);
		return {
			catalogue,
			wanted: [...wanted],
			changedSkuIds: [...changed],
			products: sim.state.products.map((product) => ({
				id: product.id,
				skus: product.skus.map((sku) => ({
					id: sku.id,
					warehouseIds: sku.inventory.map((entry) => entry.warehouse_id),
				})),
			})),
		};
	},
	commands: {
		/** Puts every quantity back to what the catalogue was seeded with. */
		restoreInventory: (sim) => restoreInventory(sim, snapshot!),
		/** SKUs whose listed quantities are not `wanted` at the default warehouse and 0 elsewhere. */
		countWrong: (sim: RunningSimulator, payload) => {
			const { wanted, defaultWarehouseId } = payload as {
				wanted: Array<[string, number]>;
				defaultWarehouseId: string;
			};
			const byId = new Map(wanted);
			let wrong = 0;
			for (const product of sim.state.products) {
				for (const sku of product.skus) {
					if (
						!sku.inventory.every(
							(entry) =>
								entry.quantity ===
								(entry.warehouse_id === defaultWarehouseId ? byId.get(sku.id) : 0),
						)
					)
						wrong += 1;
				}
			}
			return wrong;
		},
	},
};
