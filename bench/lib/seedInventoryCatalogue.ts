import type { Product, RunningSimulator, Sku } from '../../dev/simulator';

/** A deterministic pseudo-random sequence (mulberry32), so every run benchmarks the same catalogue. */
export function seededRandom(seed: number): () => number {
	let state = seed >>> 0;
	return () => {
		state = (state + 0x6d2b79f5) >>> 0;
		let t = state;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

export type SeededCatalogue = {
	defaultWarehouseId: string;
	/** Every SKU with its product and the quantity TikTok lists at the default warehouse. */
	skus: Array<{ sellerSku: string; productId: string; skuId: string; quantity: number }>;
	productCount: number;
};

/**
 * Replaces the simulator's shop catalogue (through its mutable `state`) with `productCount` active products
 * holding exactly `skuCount` SKUs, 1–10 per product, each SKU assigned to the default warehouse plus 0–2 others.
 * Stock sits at the default warehouse and 0 elsewhere, as the push's default-warehouse rule would list it.
 */
export function seedInventoryCatalogue(
	sim: RunningSimulator,
	productCount: number,
	skuCount: number,
	random: () => number,
): SeededCatalogue {
	const sales = sim.state.warehouses.filter((warehouse) => warehouse.type === 'SALES_WAREHOUSE');
	const third = { ...sales[0], id: '7068990011223344556', name: 'Newark North', is_default: false };
	sim.state.warehouses.push(third);
	const warehouses = [...sales, third].map((warehouse) => warehouse.id);
	const [defaultWarehouseId] = warehouses;

	const counts = skuCounts(productCount, skuCount, random);
	const template = sim.state.products[0];
	const skus: SeededCatalogue['skus'] = [];
	const products: Product[] = [];
	let nextId = 1729500000000000000n;
	for (let index = 0; index < productCount; index++) {
		const productId = String(nextId++);
		const productSkus: Sku[] = [];
		for (let variant = 0; variant < counts[index]; variant++) {
			const skuId = String(nextId++);
			const sellerSku = `BENCH-${String(index).padStart(4, '0')}-${variant}`;
			const quantity = Math.floor(random() * 300);
			const extra = Math.floor(random() * 3);
			const assigned = [defaultWarehouseId, ...warehouses.slice(1, 1 + extra)];
			productSkus.push({
				...template.skus[0],
				id: skuId,
				seller_sku: sellerSku,
				inventory: assigned.map((warehouse_id) => ({
					warehouse_id,
					quantity: warehouse_id === defaultWarehouseId ? quantity : 0,
				})),
			});
			skus.push({ sellerSku, productId, skuId, quantity });
		}
		products.push({
			...template,
			id: productId,
			title: `Bench product ${index}`,
			status: 'ACTIVATE',
			skus: productSkus,
		});
	}
	sim.state.products.splice(0, sim.state.products.length, ...products);
	return { defaultWarehouseId, skus, productCount };
}

/** 1–10 SKUs per product, adjusted so that the total is exactly `total`. */
function skuCounts(products: number, total: number, random: () => number): number[] {
	const counts = Array.from({ length: products }, () => 1 + Math.floor(random() * 10));
	let difference = total - counts.reduce((sum, count) => sum + count, 0);
	for (let index = 0; difference !== 0; index = (index + 1) % products) {
		if (difference > 0 && counts[index] < 10) {
			counts[index] += 1;
			difference -= 1;
		} else if (difference < 0 && counts[index] > 1) {
			counts[index] -= 1;
			difference += 1;
		}
	}
	return counts;
}

/** Every SKU's per-warehouse quantities, to restore the shop between the measured run and the baseline. */
export function snapshotInventory(
	sim: RunningSimulator,
): Map<string, Array<{ warehouse_id: string; quantity: number }>> {
	const snapshot = new Map<string, Array<{ warehouse_id: string; quantity: number }>>();
	for (const product of sim.state.products)
		for (const sku of product.skus)
			snapshot.set(
				sku.id,
				sku.inventory.map((entry) => ({ ...entry })),
			);
	return snapshot;
}

export function restoreInventory(
	sim: RunningSimulator,
	snapshot: Map<string, Array<{ warehouse_id: string; quantity: number }>>,
): void {
	for (const product of sim.state.products)
		for (const sku of product.skus)
			sku.inventory = (snapshot.get(sku.id) ?? []).map((entry) => ({ ...entry }));
}
