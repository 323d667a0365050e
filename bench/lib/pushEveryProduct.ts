import type { TikTokShopClient } from '../../nodes/shared/tiktok';

/**
 * The usual sync: one inventory update per product, every SKU and warehouse, changed or not. It needs no read,
 * so it is the baseline the Inventory Push is measured against.
 */
export async function pushEveryProduct(
	client: TikTokShopClient,
	catalogue: Array<{ id: string; skus: Array<{ id: string; warehouseIds: string[] }> }>,
	wanted: Map<string, number>,
	defaultWarehouseId: string,
	concurrency: number,
): Promise<{ calls: number; failedSkus: number }> {
	const products = catalogue.map((product) => ({
		id: product.id,
		skus: product.skus.map((sku) => ({
			id: sku.id,
			inventory: sku.warehouseIds.map((warehouse_id) => ({
				warehouse_id,
				quantity: warehouse_id === defaultWarehouseId ? wanted.get(sku.id)! : 0,
			})),
		})),
	}));
	let next = 0;
	let calls = 0;
	let failedSkus = 0;
	const worker = async () => {
		while (next < products.length) {
			const product = products[next++];
			calls += 1;
			try {
				const { data } = await client.post<{ errors?: unknown[] }>(
					`/product/202309/products/${product.id}/inventory/update`,
					{ skus: product.skus },
				);
				failedSkus += data?.errors?.length ?? 0;
			} catch {
				failedSkus += product.skus.length;
			}
		}
	};
	await Promise.all(Array.from({ length: concurrency }, worker));
	return { calls, failedSkus };
}
