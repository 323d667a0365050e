import type { TikTokShopClient } from '../../../shared/tiktok';
import type { Catalog } from './catalog/catalog';
import type { TikTokProduct } from './catalog/types';
import { hasChanged, planTarget, updateBody } from './planProduct';
import { createLimiter, mapLimited } from './pool';
import { packReads, readCurrent, type CurrentSku } from './readCurrent';
import {
	callProblem,
	partialProblem,
	unattributedProblem,
	WAREHOUSES_MISMATCH,
} from './tiktokProblems';
import type { Target } from './types';
import { products, refusalOf, type BatchResult } from '../../../shared/tiktok/resources';

/** One read (≤ 600 SKUs) feeds about a second of updates at 50/s; two in flight keep them fed without crowding them. */
const READ_CONCURRENCY = 2;

/**
 * Updates waiting for a token count as in flight, so a limit of `rate` would leave the bucket idle while answers
 * travel back; twice the rate keeps it busy (a second of queue plus up to a second of latency).
 */
export function updatesInFlight(ratePerSecond: number): number {
	return Math.min(1000, Math.max(10, Math.ceil(2 * ratePerSecond)));
}

type ProductGroup = { productId: string; targets: Target[]; skuCount: number };

export type SyncOptions = { dryRun: boolean; ratePerSecond: number };

/**
 * Reads TikTok's current quantities in bulk and sends one update per product that has a changed SKU. Updates of
 * a product start as soon as its read is back, so the update API's budget is used from the first second; the
 * client's token bucket paces both APIs. Every target ends with an outcome or a Problem.
 */
export async function syncProducts(
	client: TikTokShopClient,
	catalog: Catalog,
	targets: Target[],
	options: SyncOptions,
): Promise<void> {
	const groups = new Map<string, ProductGroup>();
	for (const target of targets) {
		const productId = target.entry!.productId;
		const group = groups.get(productId) ?? { productId, targets: [], skuCount: 0 };
		group.targets.push(target);
		group.skuCount += 1;
		groups.set(productId, group);
	}
	const limitUpdate = createLimiter(updatesInFlight(options.ratePerSecond));
	const updates: Array<Promise<void>> = [];

	await mapLimited(packReads([...groups.values()]), READ_CONCURRENCY, async (chunk) => {
		let current: Map<string, CurrentSku>;
		try {
			current = await readCurrent(
				client,
				chunk.flatMap((group) => group.targets.map((target) => target.entry!.skuId)),
			);
		} catch (error) {
			const problem = callProblem(error, 'read the current inventory');
			for (const group of chunk) for (const target of group.targets) target.problem = problem;
			return;
		}
		for (const group of chunk) {
			const changed = planGroup(group, current, catalog);
			if (!changed.length) continue;
			if (options.dryRun) {
				const plannedCall = products.inventoryUpdateCall(group.productId, updateBody(changed));
				for (const target of changed) Object.assign(target, { outcome: 'planned', plannedCall });
				continue;
			}
			updates.push(limitUpdate(() => sendUpdate(client, catalog, group.productId, changed, false)));
		}
	});
	await Promise.all(updates);
}

/** Compares each SKU with TikTok; marks the unchanged ones and returns those that need an update. */
function planGroup(
	group: ProductGroup,
	current: Map<string, CurrentSku>,
	catalog: Catalog,
): Target[] {
	const changed: Target[] = [];
	for (const target of group.targets) {
		const now = current.get(target.entry!.skuId);
		if (!now || (now.sellerSku && now.sellerSku !== target.sellerSku)) {
			target.problem = {
				reason: 'mappingOutdated',
				message: `TikTok no longer has seller SKU ${target.sellerSku} as SKU ${target.entry!.skuId} of product ${group.productId}${now?.sellerSku ? ` (it is now ${now.sellerSku})` : ''}; the cached catalogue is reloaded on the next run`,
			};
			catalog.markOutdated();
			continue;
		}
		const assigned = [...now.warehouses.keys()];
		catalog.updateWarehouses(target.entry!, assigned);
		target.before = now.warehouses;
		planTarget(target, assigned);
		if (target.problem) continue;
		if (hasChanged(target)) changed.push(target);
		else target.outcome = 'unchanged';
	}
	return changed;
}

async function sendUpdate(
	client: TikTokShopClient,
	catalog: Catalog,
	productId: string,
	targets: Target[],
	isRetry: boolean,
): Promise<void> {
	let result: BatchResult<products.InventoryErrorDetail>;
	try {
		result = await products.updateInventory(client, productId, updateBody(targets));
	} catch (error) {
		const problem = callProblem(error, `update the inventory of product ${productId}`);
		for (const target of targets) target.problem = problem;
		return;
	}
	const mismatched: Target[] = [];
	for (const target of targets) {
		// A refusal TikTok ties to no SKU may be this SKU's: it cannot count as updated (that would hide stock left
		// unchanged, and oversell). Sending the same quantities again is harmless.
		const error = refusalOf(result, target.entry!.skuId);
		if (!error) target.outcome = 'updated';
		else if (!result.refused.has(target.entry!.skuId))
			target.problem = unattributedProblem(error, target, result.requestId);
		else if (error.code === WAREHOUSES_MISMATCH && !isRetry) mismatched.push(target);
		else target.problem = partialProblem(error, target, result.requestId);
	}
	if (mismatched.length) await retryWithFreshWarehouses(client, catalog, productId, mismatched);
}

/** TikTok says the warehouses changed (12019028): read the product's detail, re-plan with its warehouses, send once more. */
async function retryWithFreshWarehouses(
	client: TikTokShopClient,
	catalog: Catalog,
	productId: string,
	targets: Target[],
): Promise<void> {
	let detail: TikTokProduct;
	try {
		detail = await catalog.refreshProduct(productId);
	} catch (error) {
		const problem = callProblem(error, `read product ${productId} after a warehouse mismatch`);
		for (const target of targets) target.problem = problem;
		return;
	}
	const again: Target[] = [];
	for (const target of targets) {
		const sku = detail.skus?.find((candidate) => candidate.id === target.entry!.skuId);
		const inventory = (sku?.inventory ?? []).filter((entry) => entry.warehouse_id);
		target.before = new Map(inventory.map((entry) => [entry.warehouse_id!, entry.quantity ?? 0]));
		planTarget(target, [...target.before.keys()]);
		if (target.problem) continue;
		if (hasChanged(target)) again.push(target);
		else target.outcome = 'unchanged';
	}
	if (again.length) await sendUpdate(client, catalog, productId, again, true);
}
