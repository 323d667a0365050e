import { TikTokApiError } from '../../../TikTokShop/transport';
import type { Problem, Target } from './types';

export const WAREHOUSES_MISMATCH = 12019028;

export type PartialError = {
	code: number;
	message: string;
	detail?: { sku_id?: string; extra_errors?: Array<{ warehouse_id?: string; code?: number; message?: string }> };
};

/** A whole call failed (after the client's retries): every SKU it carried gets TikTok's code, message and request_id. */
export function callProblem(error: unknown, action: string): Problem {
	if (error instanceof TikTokApiError) {
		const next =
			error.code === 36009002
				? 'TikTok kept rate-limiting after every retry; run the push again later or lower Requests per Second'
				: (error.hint ?? 'Run the push again; if it keeps failing, check the product in Seller Center');
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
 * A SKU TikTok refused inside a successful call (`data.errors`, code 0). Whether TikTok accepts a quantity of 0 is
 * unconfirmed (reference §11): when TikTok names only warehouses we were setting to 0 (or, naming none, the
 * whole SKU was going to 0) and the refusal is not about the warehouse list, we say so, because the fix is then in Seller Center (deactivate the listing), never "list 1".
 */
export function partialProblem(error: PartialError, target: Target, requestId: string | undefined): Problem {
	const warehouseErrors = (error.detail?.extra_errors ?? []).map((extra) => ({
		warehouse_id: extra.warehouse_id ?? '',
		code: extra.code ?? error.code,
		message: extra.message ?? '',
	}));
	const perWarehouse = warehouseErrors.map((extra) => `warehouse ${extra.warehouse_id || '(none)'}: ${extra.message} (code ${extra.code})`).join('; ');
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
	if (refusedZero(target, warehouseErrors)) {
		return {
			reason: 'zeroRefused',
			message: `${base}. TikTok did not accept quantity 0 here. To stop selling, deactivate the listing in Seller Center; the push never lists 1 instead, as that would oversell`,
			tiktok,
			warehouseErrors,
		};
	}
	return { reason: 'rejectedByTikTok', message: base, tiktok, warehouseErrors };
}

function refusedZero(target: Target, warehouseErrors: Array<{ warehouse_id: string }>): boolean {
	const after = target.after ?? new Map<string, number>();
	if (warehouseErrors.length) return warehouseErrors.every((extra) => after.get(extra.warehouse_id) === 0);
	return after.size > 0 && [...after.values()].every((quantity) => quantity === 0);
}
