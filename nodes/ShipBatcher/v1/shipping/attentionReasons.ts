import type { TrackingProblem } from '../../../shared/tracking';
import type { AttentionOutcome, TikTokAnswer } from './interfaces';

/**
 * Every reason an item lands on "Needs Attention". The codes are stable: templates and filters key on them,
 * while the sentence next to each one is for the person who fixes it.
 */
export const ATTENTION_REASONS = [
	'missing_order_and_package',
	'invalid_order_id',
	'invalid_package_id',
	'invalid_ship_time',
	'tracking_empty',
	'tracking_garbage',
	'tracking_spreadsheet_number',
	'tracking_order_id',
	'tracking_unknown_format',
	'tracking_check_digit',
	'carrier_missing',
	'carrier_mismatch',
	'carrier_unknown',
	'carrier_ambiguous',
	'carrier_not_offered',
	'tracking_reused_in_batch',
	'conflicting_rows_in_batch',
	'tracking_reused_recently',
	'order_not_found',
	'package_not_in_order',
	'order_unpaid',
	'order_on_hold',
	'order_cancelled',
	'order_shipped_by_tiktok',
	'package_id_required',
	'already_shipped_different_tracking',
	'line_items_already_shipped',
	'after_sale_pending',
	'tiktok_invalid_tracking',
	'tiktok_duplicate_tracking',
	'tracking_update_window_closed',
	'tracking_update_already_used',
	'tiktok_rejected',
	'tiktok_unavailable',
	'node_error',
] as const;

export type AttentionReason = (typeof ATTENTION_REASONS)[number];

/** Each reason as a person reads it in an alert (`reason_label`); the code stays in `reason` for expressions. */
export const ATTENTION_REASON_LABELS: Record<AttentionReason, string> = {
	missing_order_and_package: 'No order or package ID in the row',
	invalid_order_id: 'Order ID is not a TikTok order ID',
	invalid_package_id: 'Package ID is not a TikTok package ID',
	invalid_ship_time: 'Ship time cannot be read',
	tracking_empty: 'No tracking number',
	tracking_garbage: 'Tracking number is not a tracking number',
	tracking_spreadsheet_number: 'Tracking number mangled by a spreadsheet',
	tracking_order_id: 'Order ID in the tracking number column',
	tracking_unknown_format: 'Tracking number of no known carrier',
	tracking_check_digit: 'Mistyped tracking number (check digit wrong)',
	carrier_missing: 'No carrier given',
	carrier_mismatch: 'Tracking number belongs to another carrier',
	carrier_unknown: 'Carrier not recognised',
	carrier_ambiguous: 'Carrier could be more than one provider',
	carrier_not_offered: 'Carrier not offered for this order',
	tracking_reused_in_batch: 'Same tracking number on several orders in this file',
	conflicting_rows_in_batch: 'Conflicting rows for the same order',
	tracking_reused_recently: 'Tracking number already used on another order',
	order_not_found: 'Order not found on TikTok Shop',
	package_not_in_order: 'Package does not belong to the order',
	order_unpaid: 'Order not paid yet',
	order_on_hold: 'Order on hold',
	order_cancelled: 'Order cancelled',
	order_shipped_by_tiktok: 'TikTok ships this order',
	package_id_required: 'Package ID needed (order split into packages)',
	already_shipped_different_tracking: 'Already shipped with another tracking number',
	line_items_already_shipped: 'Items already shipped',
	after_sale_pending: 'Buyer asked to cancel or return',
	tiktok_invalid_tracking: 'TikTok refused the tracking number',
	tiktok_duplicate_tracking: 'TikTok: tracking number used on another order',
	tracking_update_window_closed: 'Too late to change the tracking number',
	tracking_update_already_used: 'Tracking number already changed once',
	tiktok_rejected: 'TikTok refused the shipment',
	tiktok_unavailable: 'TikTok Shop did not answer',
	node_error: 'Not processed (error)',
};

export function attention(
	reason: AttentionReason,
	message: string,
	tiktok?: TikTokAnswer,
): AttentionOutcome {
	return { kind: 'attention', reason, message, ...(tiktok ? { tiktok } : {}) };
}

const TRACKING_REASONS: Record<TrackingProblem, AttentionReason> = {
	empty: 'tracking_empty',
	garbage: 'tracking_garbage',
	spreadsheet_number: 'tracking_spreadsheet_number',
	order_id: 'tracking_order_id',
	unknown_format: 'tracking_unknown_format',
	check_digit: 'tracking_check_digit',
	carrier_mismatch: 'carrier_mismatch',
	unknown_carrier: 'carrier_unknown',
};

export function trackingReason(problem: TrackingProblem): AttentionReason {
	return TRACKING_REASONS[problem];
}

/** TikTok's per-item shipping codes (reference §5 and the Batch Ship Packages error list) in our words. */
const TIKTOK_CODE_REASONS: Record<number, [AttentionReason, string]> = {
	21011022: [
		'tiktok_invalid_tracking',
		'TikTok rejected the tracking number or the shipping provider. Check both against the label.',
	],
	11028006: [
		'tiktok_invalid_tracking',
		'TikTok could not match this tracking number to any carrier. Check the number against the label.',
	],
	21011025: [
		'tiktok_duplicate_tracking',
		'TikTok says this tracking number is already used on another order. Check that the 3PL did not reuse a label.',
	],
	21011007: [
		'after_sale_pending',
		'The buyer has a pending cancellation or return request. Answer it in Seller Center, then ship.',
	],
	21008044: [
		'after_sale_pending',
		'The buyer has a pending cancellation or return request. Answer it in Seller Center, then ship.',
	],
	21011041: [
		'order_cancelled',
		'TikTok says the order was cancelled, so it cannot be shipped. Stop the parcel if it has not left.',
	],
	21011003: [
		'order_cancelled',
		'TikTok says the order was cancelled, so it cannot be shipped. Stop the parcel if it has not left.',
	],
	21011005: [
		'order_on_hold',
		'TikTok says the order is not ready to ship yet (unpaid or on hold). Try again later.',
	],
	// 21011049 since TikTok's 2026 change to a 72-hour window; 21011050 before it. Same meaning for the seller.
	21011049: [
		'tracking_update_window_closed',
		'TikTok only lets you change the tracking number within 72 hours of shipping, and that time has passed. Contact TikTok Shop support.',
	],
	21011050: [
		'tracking_update_window_closed',
		'TikTok only lets you change the tracking number within 72 hours of shipping, and that time has passed. Contact TikTok Shop support.',
	],
	21011051: [
		'tracking_update_already_used',
		'TikTok lets you change the tracking number only once, and it was already changed. Contact TikTok Shop support.',
	],
};

export function tiktokRejection(answer: TikTokAnswer): AttentionOutcome {
	const [reason, sentence] = TIKTOK_CODE_REASONS[answer.code] ?? [
		'tiktok_rejected',
		"TikTok did not accept the shipment. Read TikTok's message, fix the order in Seller Center or the 3PL file, and run again.",
	];
	return attention(reason, sentence, answer);
}
