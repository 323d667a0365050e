import type { TikTokShopClient } from '../../../shared/tiktok';
import { products } from '../../../shared/tiktok/resources';

/** TikTok's inventory search takes at most 600 sku_ids (or 100 product_ids) per call (reference §6). */
export const MAX_SKU_IDS_PER_READ = products.INVENTORY_SKU_IDS_PER_CALL;

export type CurrentSku = { skuId: string; sellerSku?: string; warehouses: Map<string, number> };

/** TikTok's current quantities for these SKUs, per warehouse, keyed by sku_id. */
export async function readCurrent(
	client: TikTokShopClient,
	skuIds: string[],
): Promise<Map<string, CurrentSku>> {
	const current = new Map<string, CurrentSku>();
	for (const product of await products.searchInventory(client, skuIds)) {
		for (const sku of product.skus ?? []) {
			const warehouses = new Map(
				(sku.warehouse_inventory ?? []).map((entry) => [
					entry.warehouse_id,
					entry.available_quantity ?? 0,
				]),
			);
			current.set(sku.id, { skuId: sku.id, sellerSku: sku.seller_sku, warehouses });
		}
	}
	return current;
}

/** Packs whole products into reads of ≤ 600 SKUs, so a product's update can go out as soon as its read is back. */
export function packReads<T extends { skuCount: number }>(products: T[]): T[][] {
	const chunks: T[][] = [];
	let chunk: T[] = [];
	let size = 0;
	for (const product of products) {
		if (size + product.skuCount > MAX_SKU_IDS_PER_READ && chunk.length) {
			chunks.push(chunk);
			chunk = [];
			size = 0;
		}
		chunk.push(product);
		size += product.skuCount;
	}
	if (chunk.length) chunks.push(chunk);
	return chunks;
}
