import type { IDataObject } from 'n8n-workflow';

import type { ItemResult } from '../../../shared/itemRunner';
import type { Problem, PushItem, Target } from './types';

/** Updated, Unchanged, Needs Attention: the node's outputs, in order. */
export const UPDATED = 0;
export const UNCHANGED = 1;
export const NEEDS_ATTENTION = 2;
export const OUTPUT_COUNT = 3;

/**
 * One output item per input item, on exactly one output: Needs Attention when any of its SKUs has a problem,
 * Updated when any was (or in a dry run would be) updated, Unchanged otherwise.
 */
export function buildOutputs(
	itemCount: number,
	items: PushItem[],
	inputProblems: Map<number, Problem>,
	targets: Target[],
	runProblem: Problem | undefined,
	rawSkuOf: (itemIndex: number) => unknown,
): ItemResult[] {
	const results: ItemResult[] = [];
	const itemsByIndex = new Map(items.map((item) => [item.itemIndex, item]));
	const targetsByItem = new Map<number, Target[]>();
	for (const target of targets)
		targetsByItem.set(target.itemIndex, [...(targetsByItem.get(target.itemIndex) ?? []), target]);

	for (let itemIndex = 0; itemIndex < itemCount; itemIndex++) {
		const inputProblem = inputProblems.get(itemIndex);
		const item = itemsByIndex.get(itemIndex);
		const own = targetsByItem.get(itemIndex) ?? [];
		if (inputProblem || !item || !own.length) {
			const problem = inputProblem ??
				runProblem ?? { reason: 'notProcessed', message: 'This item was not processed' };
			results.push({
				itemIndex,
				json: {
					status: 'needsAttention',
					sku: rawSkuOf(itemIndex) as string,
					...problemJson(problem),
				},
				output: NEEDS_ATTENTION,
			});
			continue;
		}
		for (const target of own)
			if (!target.problem && !target.outcome)
				target.problem = runProblem ?? {
					reason: 'notProcessed',
					message: 'This SKU was not processed',
				};
		const original = own.find((target) => target.role === 'original')!;
		const preOrder = own.find((target) => target.role === 'preOrder');
		const firstProblem = own.find((target) => target.problem)?.problem;
		const status = firstProblem
			? 'needsAttention'
			: own.some((target) => target.outcome === 'updated' || target.outcome === 'planned')
				? 'updated'
				: 'unchanged';
		const json: IDataObject = {
			status,
			...(item.channelSku ? { channelSku: item.channelSku } : {}),
			...targetJson(original),
			...(item.unmappedLocations?.length ? { unmappedLocations: item.unmappedLocations } : {}),
			...(preOrder
				? { preOrder: { ...targetJson(preOrder), shipsInDays: preOrder.shipsInDays } }
				: {}),
			...(firstProblem ? problemJson(firstProblem) : {}),
		};
		results.push({
			itemIndex,
			json,
			output:
				status === 'needsAttention' ? NEEDS_ATTENTION : status === 'updated' ? UPDATED : UNCHANGED,
		});
	}
	return results;
}

function targetJson(target: Target): IDataObject {
	const before = sum(target.before);
	const planned = target.after ? sum(target.after) : target.listed.quantity;
	const after = target.outcome === 'updated' || target.outcome === 'planned' ? planned : before;
	const warehouses = target.before || target.after ? warehouseRows(target) : undefined;
	return {
		sellerSku: target.sellerSku,
		productId: target.entry?.productId ?? null,
		skuId: target.entry?.skuId ?? null,
		quantityBefore: before ?? null,
		quantityAfter: after ?? null,
		plannedQuantity: planned ?? null,
		rule: target.listed.rule,
		steps: target.listed.steps,
		...(warehouses ? { warehouses } : {}),
		...(target.outcome === 'planned'
			? { dryRun: true, plannedCall: target.plannedCall as unknown as IDataObject }
			: {}),
		...(target.problem && target.role === 'preOrder' ? problemJson(target.problem) : {}),
	};
}

function warehouseRows(target: Target): IDataObject[] {
	const ids = [...new Set([...(target.before?.keys() ?? []), ...(target.after?.keys() ?? [])])];
	return ids.map((warehouseId) => ({
		warehouseId,
		before: target.before?.get(warehouseId) ?? null,
		after: target.after?.get(warehouseId) ?? null,
	}));
}

function problemJson(problem: Problem): IDataObject {
	return {
		reason: problem.reason,
		message: problem.message,
		...(problem.field ? { field: problem.field, value: problem.value as IDataObject[string] } : {}),
		...(problem.tiktok ? { tiktok: problem.tiktok } : {}),
		...(problem.warehouseErrors?.length ? { warehouseErrors: problem.warehouseErrors } : {}),
	};
}

function sum(quantities: Map<string, number> | undefined): number | undefined {
	if (!quantities) return undefined;
	let total = 0;
	for (const quantity of quantities.values()) total += quantity;
	return total;
}
