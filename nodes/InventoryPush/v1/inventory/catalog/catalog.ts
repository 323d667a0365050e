import type { DurableStore } from '../../../../shared/store';
import type { TikTokShopClient } from '../../../../shared/tiktok';
import type { CatalogEntry, CatalogSnapshot, TikTokProduct } from './types';
import { products } from '../../../../shared/tiktok/resources';

const NAMESPACE = 'inventory-push:catalog';
/** TikTok documents no maximum for `seller_skus`; 20 keeps a targeted search well inside any plausible one [U]. */
const SELLER_SKUS_PER_SEARCH = 20;
/** A deleted listing cannot be sold; counting it would make every re-listed SKU look duplicated. */
const IGNORED_STATUSES = new Set(['DELETED']);

export type CatalogOptions = { ttlMs: number; now?: () => number };

/**
 * Seller SKU → TikTok product, SKU id, status and warehouses. Loaded once with products/search (every status, so
 * an inactive product is recognised as such rather than as unknown), kept in the durable store with a TTL so
 * that every execution and every queue-mode worker shares it, and refreshed for the SKUs it does not know.
 */
export class Catalog {
	private dirty = false;
	private outdated = false;

	private constructor(
		private readonly client: TikTokShopClient,
		private readonly store: DurableStore,
		private readonly key: string,
		private snapshot: CatalogSnapshot,
		private readonly options: CatalogOptions,
	) {}

	static async open(
		client: TikTokShopClient,
		store: DurableStore,
		options: CatalogOptions,
	): Promise<Catalog> {
		const key = await client.shopCipher();
		const cached = await store.getValue<CatalogSnapshot>(NAMESPACE, key);
		const catalog = new Catalog(
			client,
			store,
			key,
			cached ?? { loadedAtMs: 0, bySellerSku: {} },
			options,
		);
		if (!cached) await catalog.loadAll();
		return catalog;
	}

	get loadedAtMs(): number {
		return this.snapshot.loadedAtMs;
	}

	lookup(sellerSku: string): CatalogEntry[] {
		return this.snapshot.bySellerSku[sellerSku] ?? [];
	}

	/** Searches TikTok for the seller SKUs the cached catalogue does not know (new listings since it was loaded). */
	async refreshMissing(sellerSkus: Iterable<string>): Promise<void> {
		const missing = [...new Set(sellerSkus)].filter((sku) => !this.snapshot.bySellerSku[sku]);
		for (let start = 0; start < missing.length; start += SELLER_SKUS_PER_SEARCH) {
			const batch = missing.slice(start, start + SELLER_SKUS_PER_SEARCH);
			const products = await this.search({ seller_skus: batch });
			this.merge(products);
		}
	}

	/** Product detail: the authoritative warehouses, after TikTok refused an update for a mismatch (12019028). */
	async refreshProduct(productId: string): Promise<TikTokProduct> {
		const data = await products.getProduct<TikTokProduct>(this.client, productId);
		this.merge([{ ...data, id: data.id ?? productId }]);
		return data;
	}

	/** A fresher warehouse list seen in an inventory read replaces the cached one (`entry` is one lookup() returned). */
	updateWarehouses(entry: CatalogEntry, warehouseIds: string[]): void {
		if (sameList(entry.warehouseIds, warehouseIds)) return;
		entry.warehouseIds = [...warehouseIds];
		this.dirty = true;
	}

	/** Something in the cached catalogue no longer matches TikTok: drop it at save(), so the next run reloads. */
	markOutdated(): void {
		this.outdated = true;
	}

	async save(): Promise<void> {
		if (this.outdated) {
			await this.store.release(NAMESPACE, this.key);
			return;
		}
		if (!this.dirty) return;
		const ageMs = this.now() - this.snapshot.loadedAtMs;
		// A refresh of a few SKUs does not extend the life of the rest of the snapshot.
		const ttlMs = Math.max(1, Math.round(this.options.ttlMs - ageMs));
		await this.store.setValue(NAMESPACE, this.key, this.snapshot, ttlMs);
		this.dirty = false;
	}

	private async loadAll(): Promise<void> {
		const products = await this.search({});
		this.snapshot = { loadedAtMs: this.now(), bySellerSku: {} };
		this.merge(products);
		this.dirty = true;
	}

	private async search(filter: Record<string, unknown>): Promise<TikTokProduct[]> {
		return await products.searchProducts<TikTokProduct>(this.client, filter);
	}

	/** Replaces everything known about these products' SKUs with what TikTok just said. */
	private merge(products: TikTokProduct[]): void {
		const productIds = new Set(products.map((product) => product.id));
		for (const [sku, entries] of Object.entries(this.snapshot.bySellerSku)) {
			const kept = entries.filter((entry) => !productIds.has(entry.productId));
			if (kept.length !== entries.length) {
				if (kept.length) this.snapshot.bySellerSku[sku] = kept;
				else delete this.snapshot.bySellerSku[sku];
			}
		}
		for (const product of products) {
			const status = product.status ?? 'UNKNOWN';
			if (IGNORED_STATUSES.has(status)) continue;
			for (const sku of product.skus ?? []) {
				const sellerSku = sku.seller_sku?.trim();
				if (!sellerSku) continue;
				const warehouseIds = (sku.inventory ?? [])
					.map((entry) => entry.warehouse_id)
					.filter((id): id is string => Boolean(id));
				(this.snapshot.bySellerSku[sellerSku] ??= []).push({
					productId: product.id,
					skuId: sku.id,
					status,
					warehouseIds,
				});
			}
		}
		this.dirty = true;
	}

	private now(): number {
		return (this.options.now ?? Date.now)();
	}
}

function sameList(a: string[], b: string[]): boolean {
	return a.length === b.length && a.every((value, index) => value === b[index]);
}
