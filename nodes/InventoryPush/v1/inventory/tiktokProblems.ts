import { TikTokApiError } from '../../../shared/tiktok';
import type { Problem, Target } from './types';
import type { ItemError, products } from '../../../shared/tiktok/resources';

export const WAREHOUSES_MISMATCH = 12019028;

/**
 * Update Inventory 202309's refusals of a quantity (API reference update-inventory-202309): 12052055 "The SKU
 * inventory quantity for the warehouse must be within allowed limits." and 12019024 "stock count is invalid". The
 * reference gives the range as [1, 99,999] while the official SDK says [0, 99,999], so a warehouse set to 0 may be
 * refused with one of these.
 */
export const QUANTITY_REFUSED_CODES = new Set([12052055, 12019024]);

/** A SKU Update Inventory refused (the products resource's per-item error). */
export type PartialError = ItemError<products.InventoryErrorDetail>;

/** A whole call failed (after the client's retries): every SKU it carried gets TikTok's code, message and request_id. */
export function callProblem(error: unknown, action: string): Problem {
	if (error instanceof TikTokApiError) {
		const next =
			error.code === 36009002
				? 'TikTok kept rate-limiting after every retry; run the push again later or lower Requests per Second'
				: (error.hint ??
					'Run the push again; if it keeps failing, check the product in Seller Center');
		return {
			reason: error.code === 36009002 ? 'rateLimited' : 'tiktokError',
			message: `TikTok refused to ${action}: ${error.tiktokMessage} (code ${error.code}). ${next}`,
			tiktok: { code: error.code, message: error.tiktokMessage, request_id: error.requestId },
		};
	}
	const text = error instanceof Error ? error.message : String(error);
	return { reason: 'tiktokError', message: `Could not ${action}: ${text}` };
}

/**
 * TikTok refused something in a product's update without naming the SKU (`data.errors` without `detail.sku_id`):
 * each SKU of that call without a refusal of its own gets this, because it may be the one.
 */
export function unattributedProblem(
	error: PartialError,
	target: Target,
	requestId: string | undefined,
): Problem {
	return {
		reason: 'refusedWithoutSku',
		message:
			`TikTok refused part of the inventory update of product ${target.entry?.productId} without saying which SKU: ` +
			`${error.message} (code ${error.code}). SKU ${target.entry?.skuId} (${target.sellerSku}) may not have changed; ` +
			'run the push again, and if this comes back, check the SKU in Seller Center',
		tiktok: { code: error.code, message: error.message, request_id: requestId },
	};
}

/**
 * A SKU TikTok refused inside a successful call (`data.errors`, code 0). A quantity refusal (QUANTITY_REFUSED_CODES)
 * of warehouses we were setting to 0 is TikTok not taking 0: the item says which warehouses and why, because the fix
 * is then in Seller Center (deactivate the listing), never "list 1".
 */
export function partialProblem(
	error: PartialError,
	target: Target,
	requestId: string | undefined,
): Problem {
	const warehouseErrors = (error.detail?.extra_errors ?? []).map((extra) => ({
		warehouse_id: extra.warehouse_id ?? '',
		code: extra.code ?? error.code,
		message: extra.message ?? '',
	}));
	const perWarehouse = warehouseErrors
		.map(
			(extra) =>
				`warehouse ${extra.warehouse_id || '(none)'}: ${extra.message} (code ${extra.code})`,
		)
		.join('; ');
	const tiktok = { code: error.code, message: error.message, request_id: requestId };
	const base = `TikTok refused SKU ${target.entry?.skuId} (${target.sellerSku}): ${error.message} (code ${error.code})${perWarehouse ? ` — ${perWarehouse}` : ''}`;
	if (error.code === WAREHOUSES_MISMATCH) {
		return {
			reason: 'warehouseMismatch',
			message: `${base}. The warehouses assigned to this SKU changed while we pushed; run the push again`,
			tiktok,
			warehouseErrors,
		};
	}
	const emptied = zeroRefusedWarehouses(error, target, warehouseErrors);
	if (emptied.length) {
		const which = emptied
			.map(
				(extra) =>
					`warehouse ${extra.warehouse_id || "(the SKU's only warehouse)"} (code ${extra.code}: ${extra.message || error.message})`,
			)
			.join(', ');
		return {
			reason: 'zeroRefused',
			message:
				`TikTok refused quantity 0 for ${which} on SKU ${target.entry?.skuId} (${target.sellerSku}). Update Inventory 202309 documents quantities of 1 to 99,999, ` +
				'so TikTok does not let the API empty a warehouse. Nothing was changed for this SKU. To stop selling it there, deactivate the listing in Seller Center; ' +
				'the push never lists 1 instead, as that would oversell',
			tiktok,
			warehouseErrors,
		};
	}
	return { reason: 'rejectedByTikTok', message: base, tiktok, warehouseErrors };
}

/** The warehouses whose 0 TikTok refused: a quantity refusal code, on a warehouse we were setting to 0. */
function zeroRefusedWarehouses(
	error: PartialError,
	target: Target,
	warehouseErrors: Array<{ warehouse_id: string; code: number; message: string }>,
): Array<{ warehouse_id: string; code: number; message: string }> {
	const after = target.after ?? new Map<string, number>();
	if (warehouseErrors.length) {
		const quantityErrors = warehouseErrors.filter((extra) =>
			QUANTITY_REFUSED_CODES.has(extra.code),
		);
		return quantityErrors.length &&
			quantityErrors.every((extra) => after.get(extra.warehouse_id) === 0)
			? quantityErrors
			: [];
	}
	// No warehouse named: only a SKU going to 0 everywhere can be told apart.
	if (
		!QUANTITY_REFUSED_CODES.has(error.code) ||
		after.size === 0 ||
		![...after.values()].every((quantity) => quantity === 0)
	)
		return [];
	return [...after.keys()].map((warehouseId) => ({
		warehouse_id: warehouseId,
		code: error.code,
		message: error.message,
	}));
}
