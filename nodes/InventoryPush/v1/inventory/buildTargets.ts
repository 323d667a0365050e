import type { Catalog } from './catalog/catalog';
import { listedQuantity } from './rules/listedQuantity';
import { preOrderQuantity } from './rules/preOrder';
import type { PushItem, PushSettings, Target } from './types';

/** Applies the listing rules: one target per seller SKU to set, two for an item with a pre-order variant. */
export function buildTargets(items: PushItem[], settings: PushSettings): Target[] {
	const targets: Target[] = [];
	for (const item of items) {
		const listed = listedQuantity(
			{
				onHand: item.onHand,
				killSwitch: item.killSwitch,
				heldBack: item.heldBack,
				heldBackDetail: item.heldBackDetail,
			},
			settings.rules,
		);
		const split =
			settings.warehouseMode === 'byLocation'
				? {
						mode: 'byLocation' as const,
						stockByWarehouse: item.stockByWarehouse ?? new Map<string, number>(),
					}
				: { mode: 'default' as const, defaultWarehouseId: settings.defaultWarehouseId };
		targets.push({
			itemIndex: item.itemIndex,
			role: 'original',
			sellerSku: item.sellerSku,
			listed,
			split,
		});
		if (item.preOrder) {
			targets.push({
				itemIndex: item.itemIndex,
				role: 'preOrder',
				sellerSku: item.preOrder.sellerSku,
				listed: preOrderQuantity(listed, item.incoming, item.killSwitch, settings.rules),
				// Pre-order stock is not at any location yet, so it always lists at the default warehouse.
				split: { mode: 'default', defaultWarehouseId: settings.defaultWarehouseId },
				shipsInDays: item.preOrder.shipsInDays,
			});
		}
	}
	flagDuplicates(targets);
	return targets;
}

/** Two items setting the same seller SKU would race; which one is right is the user's call, not ours. */
function flagDuplicates(targets: Target[]): void {
	const bySku = new Map<string, Target[]>();
	for (const target of targets)
		bySku.set(target.sellerSku, [...(bySku.get(target.sellerSku) ?? []), target]);
	for (const [sku, group] of bySku) {
		if (group.length < 2) continue;
		const items = [...new Set(group.map((target) => target.itemIndex + 1))].join(', ');
		for (const target of group) {
			target.problem = {
				reason: 'duplicateSku',
				message: `Seller SKU ${sku} is set by more than one row (items ${items}, counting pre-order variants); keep one row per SKU so the quantity is unambiguous`,
				field: 'Seller SKU',
				value: sku,
			};
		}
	}
}

/** Finds each SKU on TikTok. Unknown, inactive and ambiguous SKUs get a Problem; nothing is guessed. */
export function resolveTargets(targets: Target[], catalog: Catalog): void {
	for (const target of targets) {
		if (target.problem) continue;
		const entries = catalog.lookup(target.sellerSku);
		if (entries.length === 0) {
			target.problem = {
				reason: 'unknownSku',
				message: `Seller SKU ${target.sellerSku} is not on any TikTok product of this shop; check the SKU (or its mapping) against Seller Center`,
				field: target.role === 'preOrder' ? 'Pre-Order Seller SKU' : 'Seller SKU',
				value: target.sellerSku,
			};
		} else if (entries.length > 1) {
			const where = entries
				.map((entry) => `product ${entry.productId} (SKU ${entry.skuId})`)
				.join(', ');
			target.problem = {
				reason: 'skuOnSeveralProducts',
				message: `Seller SKU ${target.sellerSku} is on ${entries.length} TikTok listings: ${where}. Give each listing its own seller SKU in Seller Center`,
				field: 'Seller SKU',
				value: target.sellerSku,
			};
		} else if (entries[0].status !== 'ACTIVATE') {
			target.entry = entries[0];
			target.problem = {
				reason: 'productNotActive',
				message: `Product ${entries[0].productId} is ${entries[0].status}; TikTok only takes inventory for ACTIVATE products. Activate it in Seller Center, or remove the SKU from this push`,
			};
		} else {
			target.entry = entries[0];
		}
	}
}
