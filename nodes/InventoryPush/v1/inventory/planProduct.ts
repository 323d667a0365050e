import { splitByStock, splitToDefaultWarehouse } from './rules/warehouseSplit';
import type { Target } from './types';
import type { products } from '../../../shared/tiktok/resources';

/** Sets `after` from the listed quantity and the warehouses TikTok assigns; a split that needs a guess is a Problem. */
export function planTarget(target: Target, assigned: string[]): void {
	const listed = target.listed.quantity;
	const split =
		target.split.mode === 'byLocation'
			? splitByStock(listed, assigned, target.split.stockByWarehouse)
			: splitToDefaultWarehouse(listed, assigned, target.split.defaultWarehouseId);
	if (!split.ok) {
		target.problem = { reason: split.reason, message: split.message };
		return;
	}
	target.after = split.quantities;
}

export function hasChanged(target: Target): boolean {
	for (const [warehouseId, quantity] of target.after ?? []) {
		if (target.before?.get(warehouseId) !== quantity) return true;
	}
	return false;
}

/** One call per product, carrying its changed SKUs, each with every assigned warehouse (reference §6). */
export function updateBody(targets: Target[]): products.InventoryUpdate {
	return {
		skus: targets.map((target) => ({
			id: target.entry!.skuId,
			inventory: [...target.after!].map(([warehouse_id, quantity]) => ({ warehouse_id, quantity })),
		})),
	};
}
