/** An order named on one line: a TikTok order ID, the 3PL's references, or both. */
export interface OrderMention {
	orderId?: string;
	references: string[];
}

/** TikTok order IDs: 18 or 19 digits, standing alone. */
const TIKTOK_ORDER_ID = /(?<![A-Za-z0-9])\d{18,19}(?![A-Za-z0-9])/g;
/** Labels that make an 18–19 digit number something other than an order ID. */
const OTHER_ID_LABEL =
	/(?:package|pkg|parcel|line\s*item|item|sku|tracking|track|shipment|label)\s*(?:id|#|no\.?|number)?\s*[:#]?\s*$/i;

/**
 * "Order #SB-58213", "Store order: 1042-A", "Your order 55012" – the 3PL's or the store's reference.
 * "Purchase Order" is a PO, never the customer's order.
 */
const ORDER_REFERENCE = new RegExp(
	'(?<!purchase\\s)(?<![A-Za-z])(?:(?:store|shop|channel|marketplace|customer|client|your)\\s+)?order' +
		'\\s*(?:ref(?:erence)?|number|no\\.?|num|id)?\\s*[:#]?\\s*#?\\s*([A-Za-z0-9][A-Za-z0-9_-]{2,30})',
	'gi',
);

export const isTikTokOrderId = (value: string): boolean => /^\d{18,19}$/.test(value);

/** The order named on a line of text, if any. */
export function findOrderMention(text: string): OrderMention | undefined {
	let orderId: string | undefined;
	for (const match of text.matchAll(TIKTOK_ORDER_ID)) {
		if (OTHER_ID_LABEL.test(text.slice(Math.max(0, match.index - 30), match.index))) continue;
		orderId = match[0];
		break;
	}
	const references: string[] = [];
	for (const match of text.matchAll(ORDER_REFERENCE)) {
		const value = match[1];
		if (!/\d/.test(value) || isTikTokOrderId(value)) continue;
		references.push(value.toUpperCase());
	}
	if (!orderId && references.length === 0) return undefined;
	return { orderId, references };
}

/** A package ID printed with its label ("Package ID: 1154...") on this line. */
export function findLabelledId(text: string, label: RegExp): string[] {
	const found: string[] = [];
	const pattern = new RegExp(
		`${label.source}\\s*(?:ids?|#|no\\.?|numbers?)?\\s*[:#]?\\s*((?:\\d{15,19}[,;\\s]*)+)`,
		'gi',
	);
	for (const match of text.matchAll(pattern)) found.push(...(match[1].match(/\d{15,19}/g) ?? []));
	return found;
}
