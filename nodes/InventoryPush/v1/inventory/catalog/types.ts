/** What TikTok's product search and product detail return about a SKU (reference §6), reduced to what a push needs. */
export type CatalogEntry = {
	productId: string;
	skuId: string;
	/** TikTok's product status; only ACTIVATE products take inventory updates. */
	status: string;
	warehouseIds: string[];
};

export type CatalogSnapshot = {
	loadedAtMs: number;
	/** Seller SKU → every place TikTok lists it. More than one entry is a problem we report, never resolve. */
	bySellerSku: Record<string, CatalogEntry[]>;
};

export type TikTokSku = {
	id: string;
	seller_sku?: string;
	inventory?: Array<{ warehouse_id?: string; quantity?: number }>;
};
export type TikTokProduct = { id: string; status?: string; skus?: TikTokSku[] };
