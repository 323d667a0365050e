import type { INodePropertyOptions } from 'n8n-workflow';

/**
 * The words a seller reads for TikTok's codes. The code stays the option's value and is what the output JSON carries,
 * so expressions and filters keep working; only the label in the panel changes.
 */
export const ORDER_STATUS_NAMES: Record<string, string> = {
	UNPAID: 'Unpaid',
	ON_HOLD: 'On hold (cancellation grace period)',
	AWAITING_SHIPMENT: 'Awaiting shipment',
	PARTIALLY_SHIPPING: 'Partially shipped',
	AWAITING_COLLECTION: 'Awaiting carrier pickup',
	IN_TRANSIT: 'In transit',
	DELIVERED: 'Delivered',
	COMPLETED: 'Completed',
	CANCELLED: 'Cancelled',
};

export const PACKAGE_STATUS_NAMES: Record<string, string> = {
	PROCESSING: 'Processing',
	FULFILLING: 'Being fulfilled',
	COMPLETED: 'Completed',
	CANCELLED: 'Cancelled',
};

export const RETURN_STATUS_NAMES: Record<string, string> = {
	RETURN_OR_REFUND_REQUEST_PENDING: 'Request waiting for your answer',
	REFUND_OR_RETURN_REQUEST_REJECT: 'Request rejected',
	AWAITING_BUYER_SHIP: 'Waiting for the buyer to send it back',
	BUYER_SHIPPED_ITEM: 'Buyer sent the item back',
	REJECT_RECEIVE_PACKAGE: 'Returned package refused',
	RETURN_OR_REFUND_REQUEST_SUCCESS: 'Request approved',
	RETURN_OR_REFUND_REQUEST_CANCEL: 'Request withdrawn by the buyer',
	RETURN_OR_REFUND_REQUEST_COMPLETE: 'Refund completed',
};

export const CANCELLATION_STATUS_NAMES: Record<string, string> = {
	CANCELLATION_REQUEST_PENDING: 'Request waiting for your answer',
	CANCELLATION_REQUEST_SUCCESS: 'Cancellation approved',
	CANCELLATION_REQUEST_CANCEL: 'Request withdrawn by the buyer',
	CANCELLATION_REQUEST_COMPLETE: 'Cancellation completed',
};

/** Webhook types by TikTok's numeric code. */
export const EVENT_TYPE_NAMES: Record<number, string> = {
	1: 'Order status changed',
	2: 'Return or cancellation updated (older event)',
	3: 'Shipping address changed',
	4: 'Package updated',
	5: 'Product status changed',
	6: 'Shop disconnected the app',
	7: 'Shop authorization about to expire',
	11: 'Cancellation status changed',
	12: 'Return status changed',
	13: 'New buyer conversation',
	14: 'New buyer message',
	15: 'Product information changed',
	16: 'Product created',
	18: 'Product category changed',
	27: 'Inventory status changed',
	33: 'New message (listener)',
	36: 'Invoice status changed',
	37: 'Product review status changed',
};

export const IMAGE_USE_CASE_NAMES: Record<string, string> = {
	DESCRIPTION_IMAGE: 'Description image',
	MAIN_IMAGE: 'Main image',
	ATTRIBUTE_IMAGE: 'Attribute image',
	CERTIFICATION_IMAGE: 'Certification image',
	SIZE_CHART_IMAGE: 'Size chart image',
};

/** Options for `codes`, labelled from `names`; a code without a label (TikTok added one) is shown in words. */
export function codeOptions(
	codes: readonly string[],
	names: Record<string, string>,
): INodePropertyOptions[] {
	return codes.map((code) => ({ name: names[code] ?? codeInWords(code), value: code }));
}

/** AWAITING_SHIPMENT → "Awaiting shipment": the fallback for a code this pack has no label for yet. */
export function codeInWords(code: string): string {
	const words = code.toLowerCase().replace(/_/g, ' ').trim();
	return words.charAt(0).toUpperCase() + words.slice(1);
}
