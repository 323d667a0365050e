import { collectPages, type MultipartFile, type TikTokShopClient } from '..';
import { batchResult, type BatchResult } from './batch';
import { productPaths } from './paths';

/**
 * Products, inventory and images (reference §6): Search Products (every status, 100 a page), Get Product Detail,
 * Inventory Search (at most 600 SKU ids per call), Update Inventory (one product per call; refused SKUs in
 * `data.errors` with `detail.sku_id`), and Upload Product Image (multipart; no shop_cipher).
 */
export const PRODUCT_SEARCH_PAGE_SIZE = 100;
/** Inventory Search takes at most 600 sku_ids (or 100 product_ids) per call (reference §6). */
export const INVENTORY_SKU_IDS_PER_CALL = 600;

export interface SkuRecord {
	id: string;
	seller_sku?: string;
	inventory?: Array<{ warehouse_id?: string; quantity?: number }>;
	[field: string]: unknown;
}

export interface ProductRecord {
	id: string;
	status?: string;
	skus?: SkuRecord[];
	[field: string]: unknown;
}

/** Search Products, every page. `status: 'ALL'` unless the filter says otherwise. */
export async function searchProducts<T = ProductRecord>(
	client: TikTokShopClient,
	filter: { seller_skus?: string[]; status?: string; [field: string]: unknown } = {},
): Promise<T[]> {
	return await collectPages<T>(
		client,
		{ method: 'POST', path: productPaths.search, body: { status: 'ALL', ...filter } },
		'products',
		{ pageSize: PRODUCT_SEARCH_PAGE_SIZE },
	);
}

/** Get Product Detail. */
export async function getProduct<T = ProductRecord>(
	client: TikTokShopClient,
	productId: string,
): Promise<T> {
	const { data } = await client.get<T>(productPaths.product(productId));
	return data;
}

/** Inventory Search's answer: per product, per SKU, the available quantity per warehouse. */
export interface InventoryRecord {
	product_id: string;
	skus?: Array<{
		id: string;
		seller_sku?: string;
		warehouse_inventory?: Array<{ warehouse_id: string; available_quantity?: number }>;
	}>;
}

/**
 * Inventory Search, one call: pass at most INVENTORY_SKU_IDS_PER_CALL SKU ids (the caller packs whole products into
 * calls, so that each product's update can start as soon as its read is back).
 */
export async function searchInventory(
	client: TikTokShopClient,
	skuIds: string[],
): Promise<InventoryRecord[]> {
	const { data } = await client.post<{ inventory?: InventoryRecord[] }>(
		productPaths.searchInventory,
		{ sku_ids: skuIds },
	);
	return data?.inventory ?? [];
}

/** The quantities to set: each SKU with every warehouse it is assigned to. */
export interface InventoryUpdate {
	skus: Array<{ id: string; inventory: Array<{ warehouse_id: string; quantity: number }> }>;
}

/** `detail` of a SKU Update Inventory refused, with the warehouses it refused. */
export interface InventoryErrorDetail {
	sku_id?: string;
	extra_errors?: Array<{ warehouse_id?: string; code?: number; message?: string }>;
	[field: string]: unknown;
}

/** The Update Inventory call for one product, as it would be sent (a dry run shows it). */
export function inventoryUpdateCall(
	productId: string,
	update: InventoryUpdate,
): { method: 'POST'; path: string; body: InventoryUpdate } {
	return { method: 'POST', path: productPaths.updateInventory(productId), body: update };
}

/** Update Inventory of one product: SKUs TikTok refused come back per SKU id; the others were set. */
export async function updateInventory(
	client: TikTokShopClient,
	productId: string,
	update: InventoryUpdate,
): Promise<BatchResult<InventoryErrorDetail>> {
	const call = inventoryUpdateCall(productId, update);
	const { data, requestId } = await client.post<
		{ errors?: Array<{ code: number; message: string; detail?: InventoryErrorDetail }> } | undefined
	>(call.path, call.body);
	return batchResult<InventoryErrorDetail>(data?.errors, 'sku_id', requestId);
}

/** What Upload Product Image answers: `uri` is the id the return and cancellation answers take. */
export interface UploadedImageRecord {
	uri?: string;
	url?: string;
	width?: number;
	height?: number;
	[field: string]: unknown;
}

/** Upload Product Image: the file in multipart field `data`, with its use case (e.g. DESCRIPTION_IMAGE). */
export async function uploadImage(
	client: TikTokShopClient,
	file: Omit<MultipartFile, 'fieldName'>,
	useCase: string,
): Promise<UploadedImageRecord> {
	const { data } = await client.request<UploadedImageRecord>({
		method: 'POST',
		path: productPaths.uploadImage,
		multipart: { file: { fieldName: 'data', ...file }, fields: { use_case: useCase } },
	});
	return data;
}
