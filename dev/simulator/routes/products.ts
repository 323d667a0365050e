import { ApiError, Code, gateway } from '../errors';
import { findProduct } from '../lookup';
import { pageSize, paginate } from '../pagination';
import {
	inTimeRange,
	objectList,
	optionalString,
	optionalTime,
	stringList,
	type Route,
	type SimulatorRules,
} from '../route';
import type { ShopState, Sku } from '../state';

const MAX_QUANTITY = 99_999;

function skuView(sku: Sku) {
	return {
		id: sku.id,
		seller_sku: sku.seller_sku,
		price: sku.price,
		sales_attributes: sku.sales_attributes,
		inventory: sku.inventory.map((entry) => ({ ...entry })),
	};
}

/** Paid but unshipped line items hold stock (1 line item = 1 unit), per SKU and warehouse. */
function committedUnits(state: ShopState): Map<string, number> {
	const committed = new Map<string, number>();
	for (const order of state.orders) {
		if (!['ON_HOLD', 'AWAITING_SHIPMENT', 'PARTIALLY_SHIPPING'].includes(order.status)) continue;
		for (const item of order.line_items) {
			if (item.tracking_number) continue;
			const key = `${item.sku_id}/${order.warehouse_id}`;
			committed.set(key, (committed.get(key) ?? 0) + 1);
		}
	}
	return committed;
}

interface InventoryProblem {
	warehouse_id: string;
	code: number;
	message: string;
}

/** Checks one SKU's update against TikTok's rules; an empty list means it can be applied. */
function inventoryProblems(
	sku: Sku,
	request: Record<string, unknown>,
	rules: SimulatorRules,
): {
	problems: InventoryProblem[];
	code?: number;
	message?: string;
	entries: Array<{ warehouseId: string; quantity: number }>;
} {
	const raw = Array.isArray(request.inventory)
		? (request.inventory as Array<Record<string, unknown>>)
		: [];
	const assigned = sku.inventory.map((entry) => entry.warehouse_id);
	const entries = raw.map((entry) => ({
		// warehouse_id may be left out only when the SKU has exactly one warehouse.
		warehouseId:
			typeof entry.warehouse_id === 'string'
				? entry.warehouse_id
				: assigned.length === 1 && raw.length === 1
					? assigned[0]
					: '',
		quantity: entry.quantity as number,
	}));
	const listed = entries.map((entry) => entry.warehouseId);
	const missing = assigned.filter((id) => !listed.includes(id));
	const extra = listed.filter((id) => !assigned.includes(id));
	const duplicated = listed.length !== new Set(listed).size;
	if (raw.length === 0 || missing.length || extra.length || duplicated) {
		const problems = [
			...missing.map((id) => ({
				warehouse_id: id,
				code: Code.WAREHOUSES_MISMATCH,
				message: `Warehouse ${id} is assigned to the SKU but missing from the request`,
			})),
			...extra.map((id) => ({
				warehouse_id: id,
				code: Code.WAREHOUSES_MISMATCH,
				message: `Warehouse ${id || '(none)'} is not assigned to the SKU`,
			})),
		];
		return {
			problems,
			code: Code.WAREHOUSES_MISMATCH,
			message: 'Every warehouse assigned to the SKU must be listed once, and no others',
			entries,
		};
	}
	// The reference gives [1, 99,999] for 202309, the SDK [0, 99,999]: the rule picks which one this shop plays.
	const min = rules.zeroInventory === 'refuse' ? 1 : 0;
	const problems = entries
		.filter(
			(entry) =>
				!Number.isInteger(entry.quantity) || entry.quantity < min || entry.quantity > MAX_QUANTITY,
		)
		.map((entry) => ({
			warehouse_id: entry.warehouseId,
			code: Code.QUANTITY_OUT_OF_RANGE,
			message: `The SKU inventory quantity for the warehouse must be within allowed limits [${min}, ${MAX_QUANTITY}]`,
		}));
	return problems.length
		? {
				problems,
				code: Code.QUANTITY_OUT_OF_RANGE,
				message: 'The SKU inventory quantity for the warehouse must be within allowed limits.',
				entries,
			}
		: { problems, entries };
}

export const productRoutes: Route[] = [
	{
		method: 'POST',
		path: '/product/202309/products/search',
		handle: ({ state, query, body }) => {
			const size = pageSize(query.page_size, { min: 1, max: 100 });
			const status = optionalString(body, 'status');
			const listed = stringList(body, 'seller_skus');
			const sellerSkus = listed && new Set(listed);
			const createdFrom = optionalTime(body, 'create_time_ge');
			const createdBefore = optionalTime(body, 'create_time_lt');
			const updatedFrom = optionalTime(body, 'update_time_ge');
			const updatedBefore = optionalTime(body, 'update_time_lt');
			const matching = state.products.filter(
				(product) =>
					(status === undefined || status === 'ALL' || product.status === status) &&
					(sellerSkus === undefined ||
						product.skus.some((sku) => sellerSkus.has(sku.seller_sku))) &&
					inTimeRange(product.create_time, createdFrom, createdBefore) &&
					inTimeRange(product.update_time, updatedFrom, updatedBefore),
			);
			const page = paginate(matching, size, query.page_token, { body });
			return {
				products: page.items.map((product) => ({
					id: product.id,
					title: product.title,
					status: product.status,
					sales_regions: ['US'],
					skus: product.skus.map(skuView),
					create_time: product.create_time,
					update_time: product.update_time,
				})),
				next_page_token: page.next_page_token,
				total_count: page.total_count,
			};
		},
	},
	{
		method: 'GET',
		path: '/product/202309/products/{product_id}',
		handle: ({ state, params }) => {
			const { isApparel: _apparel, skus, ...product } = findProduct(state, params.product_id);
			return { ...product, skus: skus.map(skuView), is_cod_allowed: false };
		},
	},
	{
		method: 'POST',
		path: '/product/202309/inventory/search',
		handle: ({ state, body }) => {
			const listedProducts = stringList(body, 'product_ids', 100);
			const listedSkus = stringList(body, 'sku_ids', 600);
			if ((listedProducts === undefined) === (listedSkus === undefined))
				throw gateway.invalid('Send either product_ids or sku_ids');
			// Sets, not an index: tests replace product.skus in place, and a pass over the catalogue with O(1) checks is cheap.
			const productIds = listedProducts && new Set(listedProducts);
			const skuIds = listedSkus && new Set(listedSkus);
			const committed = committedUnits(state);
			const inventory = state.products
				.filter(
					(product) =>
						productIds?.has(product.id) ?? product.skus.some((sku) => skuIds?.has(sku.id)),
				)
				.map((product) => ({
					product_id: product.id,
					skus: product.skus
						.filter((sku) => productIds !== undefined || skuIds?.has(sku.id))
						.map((sku) => {
							const warehouses = sku.inventory.map((entry) => ({
								warehouse_id: entry.warehouse_id,
								available_quantity: entry.quantity,
								committed_quantity: committed.get(`${sku.id}/${entry.warehouse_id}`) ?? 0,
							}));
							return {
								id: sku.id,
								seller_sku: sku.seller_sku,
								total_available_quantity: warehouses.reduce(
									(sum, entry) => sum + entry.available_quantity,
									0,
								),
								total_committed_quantity: warehouses.reduce(
									(sum, entry) => sum + entry.committed_quantity,
									0,
								),
								warehouse_inventory: warehouses,
							};
						}),
				}));
			return { inventory };
		},
	},
	{
		method: 'POST',
		path: '/product/202309/products/{product_id}/inventory/update',
		handle: (context) => {
			const { state, params, body } = context;
			const product = findProduct(state, params.product_id);
			if (product.status !== 'ACTIVATE') {
				throw new ApiError(
					Code.PRODUCT_NOT_ACTIVE,
					`Product ${product.id} is ${product.status}; only ACTIVATE products can have their inventory updated`,
				);
			}
			const errors: Array<{
				code: number;
				message: string;
				detail: { sku_id: string; extra_errors: InventoryProblem[] };
			}> = [];
			const applied: Array<{
				skuId: string;
				inventory: Array<{ warehouseId: string; quantity: number }>;
			}> = [];
			for (const request of objectList(body, 'skus')) {
				const skuId = String(request.id ?? '');
				const sku = product.skus.find((candidate) => candidate.id === skuId);
				if (!sku) {
					errors.push({
						code: Code.SKU_NOT_IN_PRODUCT,
						message: `SKU ${skuId} does not belong to product ${product.id}`,
						detail: { sku_id: skuId, extra_errors: [] },
					});
					continue;
				}
				const check = inventoryProblems(sku, request, context.rules);
				if (check.code !== undefined) {
					errors.push({
						code: check.code,
						message: check.message ?? '',
						detail: { sku_id: skuId, extra_errors: check.problems },
					});
					continue;
				}
				for (const entry of check.entries) {
					const stock = sku.inventory.find(
						(candidate) => candidate.warehouse_id === entry.warehouseId,
					);
					if (stock) stock.quantity = entry.quantity;
				}
				applied.push({ skuId, inventory: check.entries });
			}
			if (applied.length) {
				product.update_time = context.now;
				context.record({
					type: 'inventoryUpdate',
					productId: product.id,
					skus: applied,
					failedSkuIds: errors.map((error) => error.detail.sku_id),
				});
			}
			return errors.length ? { errors } : {};
		},
	},
];
