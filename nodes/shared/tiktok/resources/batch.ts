import type { TikTokPartialError } from '../types';

/**
 * One item a batch call refused while the call itself succeeded (code 0, the item in `data.errors`): TikTok's code
 * and message, the call's request_id, and TikTok's `detail` (the item's id; for inventory, per-warehouse errors).
 */
export interface ItemError<Detail = Record<string, unknown>> {
	code: number;
	message: string;
	requestId?: string;
	detail?: Detail;
}

/**
 * What one batch call did to the items it carried; every batch call of the resource layer answers this shape.
 * Items TikTok does not list in `data.errors` were applied.
 */
export interface BatchResult<Detail = Record<string, unknown>> {
	requestId?: string;
	/** Item id → TikTok's refusal of that item (TikTok's last word when it names an item twice). */
	refused: Map<string, ItemError<Detail>>;
	/** Refusals TikTok tied to no item (`detail` without the id): which items they concern cannot be told. */
	unattributed: Array<ItemError<Detail>>;
}

/** Sorts `data.errors` of a batch call by the item each names in `detail[idField]`. */
export function batchResult<Detail>(
	errors: Array<TikTokPartialError> | undefined,
	idField: string,
	requestId: string | undefined,
): BatchResult<Detail> {
	const result: BatchResult<Detail> = { requestId, refused: new Map(), unattributed: [] };
	for (const error of errors ?? []) {
		const itemError: ItemError<Detail> = {
			code: error.code,
			message: error.message,
			requestId,
			detail: error.detail as Detail | undefined,
		};
		const id = error.detail?.[idField];
		if (id === undefined || id === null) result.unattributed.push(itemError);
		else result.refused.set(String(id), itemError);
	}
	return result;
}

/**
 * The refusal that concerns one item: its own, else the first refusal TikTok tied to no item (it may be this
 * item's, so the item cannot count as applied).
 */
export function refusalOf<Detail>(
	result: BatchResult<Detail>,
	id: string,
): ItemError<Detail> | undefined {
	return result.refused.get(id) ?? result.unattributed[0];
}
