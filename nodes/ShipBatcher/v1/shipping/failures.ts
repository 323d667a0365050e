import { CredentialFieldError, TikTokApiError } from '../../../shared/tiktok';
import { attention } from './attentionReasons';
import type { AttentionOutcome } from './interfaces';

/**
 * Failures no item can get past (a bad credential, a retired API version, an IP allow-list): the run stops
 * sending, because every further call would fail the same way. Rate limits, timeouts and 5xx are not here:
 * the client already retried those, and only the items of that call are affected.
 */
const FATAL_CODES = new Set([
	105002, 105005, 106001, 106013, 101000, 36009004, 36009009, 36009010, 36009014, 36009033,
]);

export function isFatal(error: unknown): boolean {
	return (
		error instanceof CredentialFieldError ||
		(error instanceof TikTokApiError && FATAL_CODES.has(error.code))
	);
}

/** A call that failed after the client's retries: the item waits for the next run. */
export function unavailable(error: unknown): AttentionOutcome {
	if (error instanceof TikTokApiError) {
		return attention(
			'tiktok_unavailable',
			`TikTok did not take the call (${error.tiktokMessage}, code ${error.code}) even after retries. Nothing was changed for this item: run the workflow again later; items already shipped are recognised and not shipped twice.`,
			{ code: error.code, message: error.tiktokMessage, requestId: error.requestId },
		);
	}
	const text = error instanceof Error ? error.message : String(error);
	return attention(
		'tiktok_unavailable',
		`The call to TikTok failed (${text}). Run the workflow again later; items already shipped are recognised and not shipped twice.`,
	);
}

/** Items that were still waiting when a fatal failure stopped the run. */
export function stoppedBy(error: unknown): AttentionOutcome {
	const text = error instanceof Error ? error.message : String(error);
	const tiktok =
		error instanceof TikTokApiError
			? { code: error.code, message: error.tiktokMessage, requestId: error.requestId }
			: undefined;
	const hint = error instanceof TikTokApiError && error.hint ? ` ${error.hint}` : '';
	return attention(
		'node_error',
		`The run stopped before this item: ${text}.${hint} Fix that, then run again.`,
		tiktok,
	);
}
