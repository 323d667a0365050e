import type { TikTokShopClient } from '../../../shared/tiktok';
import { productPaths } from '../../../shared/tiktok/resources/paths';

export const READ_PATH = productPaths.searchInventory;
/** TikTok's inventory search takes at most 600 sku_ids (or 100 product_ids) per call (reference §6). */
export const MAX_SKU_IDS_PER_READ = 600;

export type CurrentSku = { skuId: string; sellerSku?: string; warehouses: Map<string, number> };

type InventorySearch = {
	inventory?: Array<{
		product_id: string;
		skus?: Array<{
			id: string;
			seller_sku?: string;
			warehouse_inventory?: Array<{ warehouse_id: string; available_quantity?: number }>;
		}>;
	}>;
};

/** TikTok's current quantities for these SKUs, per warehouse, keyed by sku_id. */
export async function readCurrent(
	client: TikTokShopClient,
	skuIds: string[],
): Promise<Map<string, CurrentSku>> {
	const { data } = await client.post<InventorySearch>(READ_PATH, { sku_ids: skuIds });
	const current = new Map<string, CurrentSku>();
	for (const product of data?.inventory ?? []) {
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
