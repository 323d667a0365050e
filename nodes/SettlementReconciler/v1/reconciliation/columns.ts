import { IANAZone } from 'luxon';

/**
 * Seller Center renames report columns between exports ("TikTok Shop commission fee", "Platform commission",
 * "Referral fee"...). Headers are matched to the fields the checks need through a ranked alias table: each alias has a
 * score (its place in the list), and a field takes the header with the best score, wherever it stands in the file, so
 * "Seller SKU" wins over "SKU ID" whatever their order. Exact names first, then similarity; whatever is left is
 * reported, never fatal. A header's time zone, as in "Order settled time (UTC)", is read off it.
 */
export type Field =
	| 'orderId'
	| 'relatedOrderId'
	| 'type'
	| 'adjustmentId'
	| 'date'
	| 'createdTime'
	| 'currency'
	| 'sku'
	| 'skuId'
	| 'category'
	| 'subtotal'
	| 'grossBeforeDiscount'
	| 'sellerDiscount'
	| 'revenue'
	| 'refund'
	| 'commission'
	| 'transactionFee'
	| 'totalFees'
	| 'adjustment'
	| 'income'
	| 'settlement'
	| 'channel';

const ALIASES: Record<Field, string[]> = {
	orderId: [
		'Order ID',
		'Order/adjustment ID',
		'Order Number',
		'Order No',
		'order_id',
		'Order/Adjustment ID',
		'Transaction ID',
	],
	relatedOrderId: [
		'Related order ID',
		'Adjustment order ID',
		'adjustment_order_id',
		'Associated order ID',
	],
	type: ['Type', 'Transaction type', 'Order type', 'Record type'],
	adjustmentId: ['Adjustment ID', 'adjustment_id'],
	date: [
		'Order settled time',
		'Settled time',
		'Settlement time',
		'Settlement date',
		'Statement date',
		'Statement time',
		'Transaction date',
		'Transaction time',
	],
	createdTime: [
		'Order created time',
		'Order create time',
		'Order creation time',
		'Created time',
		'Order date',
	],
	currency: ['Currency', 'Settlement currency'],
	sku: ['Seller SKU', 'Seller SKU ID', 'SKU', 'Seller sku code'],
	skuId: ['SKU ID', 'sku_id', 'TikTok SKU ID'],
	category: ['Category', 'Product category', 'Primary category'],
	subtotal: [
		'Subtotal after seller discounts',
		'Net sales',
		'Product sales after seller discounts',
		'Sales after seller discounts',
	],
	grossBeforeDiscount: [
		'Subtotal before discounts',
		'Gross sales',
		'Subtotal before seller discounts',
		'Gross merchandise sales',
	],
	sellerDiscount: ['Seller discounts', 'Seller discount', 'Seller-funded discounts'],
	revenue: ['Total revenue', 'Revenue', 'revenue_amount'],
	refund: [
		'Refund subtotal after seller discounts',
		'Refunds',
		'Refund amount',
		'Refund subtotal',
		'Customer refund',
	],
	commission: [
		'TikTok Shop commission fee',
		'Platform commission',
		'Commission fee',
		'Referral fee',
		'Platform commission fee',
		'Commission',
	],
	transactionFee: [
		'Transaction fee',
		'Payment processing fee',
		'Processing fee',
		'Credit card handling fee',
	],
	totalFees: ['Total fees', 'Fees total', 'Total fees and taxes'],
	adjustment: ['Adjustment amount', 'Adjustments', 'Total adjustments'],
	// Paid to the seller on top of the sale; TikTok's 2026 finance fields name it shipping_fee_incentive.
	income: [
		'Shipping incentive',
		'Shipping fee incentive',
		'Platform shipping incentive',
		'Shipping subsidy',
		'Shipping fee subsidy',
	],
	settlement: [
		'Total settlement amount',
		'Settlement amount',
		'Net payout',
		'Payout amount',
		'Total payout',
	],
	channel: ['Sales channel', 'Business type', 'Order channel', 'Buyer type', 'Is B2B'],
};

/** Columns that are understood and deliberately not used (taxes are outside commission; names are for people). */
const KNOWN_UNUSED = [
	'Sales tax',
	'Product name',
	'SKU name',
	'Quantity',
	'Statement ID',
	'Payment ID',
	'Customer payment',
	'Platform discounts',
	'Shipping fee paid by customer',
	'Tax',
	'Payment status',
];

/** A time zone written in a header: "(UTC)", "(GMT)", "(PT)", "(PST)", "(America/Los_Angeles)". */
const HEADER_ZONE = /\(\s*(utc|gmt|pt|pst|pdt|et|est|edt|[a-z]+\/[a-z_]+)\s*\)\s*$/i;
const ZONE_NAMES: Record<string, string> = {
	utc: 'UTC',
	gmt: 'UTC',
	pt: 'America/Los_Angeles',
	pst: 'America/Los_Angeles',
	pdt: 'America/Los_Angeles',
	et: 'America/New_York',
	est: 'America/New_York',
	edt: 'America/New_York',
};

/** The IANA zone a header names for its times, or undefined when it names none. */
export function headerZone(header: string): string | undefined {
	const match = HEADER_ZONE.exec(header);
	if (!match) return undefined;
	const named = ZONE_NAMES[match[1].toLowerCase()] ?? match[1];
	return IANAZone.isValidZone(named) ? named : undefined;
}

export function normalizeHeader(header: string): string {
	return header
		.replace(/^\uFEFF/, '')
		.replace(HEADER_ZONE, '')
		.toLowerCase()
		.replace(/[^a-z0-9]/g, '');
}

/** Normalised alias → its field and rank (0 = the field's preferred name). */
const EXACT = new Map<string, { field: Field; rank: number }>();
for (const [field, aliases] of Object.entries(ALIASES) as Array<[Field, string[]]>) {
	aliases.forEach((alias, rank) => EXACT.set(normalizeHeader(alias), { field, rank }));
}
const UNUSED = new Set(KNOWN_UNUSED.map(normalizeHeader));

export interface ColumnMap {
	index: Partial<Record<Field, number>>;
	/** Field → the header it was read from. */
	mapped: Partial<Record<Field, string>>;
	fuzzy: Array<{ header: string; readAs: string; similarity: number }>;
	/** Field → the zone its header names ("(UTC)"), when it names one. */
	zones: Partial<Record<Field, string>>;
	/** Fee columns the alias table does not name: added to the order's fees when there is no "Total fees" column. */
	extraFeeColumns: Array<{ header: string; index: number }>;
	unknown: string[];
	headers: string[];
}

const FUZZY_THRESHOLD = 0.8;

export function mapColumns(rawHeaders: string[]): ColumnMap {
	const headers = rawHeaders.map((header) => header.replace(/^\uFEFF/, '').trim());
	const result: ColumnMap = {
		index: {},
		mapped: {},
		fuzzy: [],
		zones: {},
		extraFeeColumns: [],
		unknown: [],
		headers,
	};
	const pending: number[] = [];
	const bestRank: Partial<Record<Field, number>> = {};
	headers.forEach((header, index) => {
		const exact = EXACT.get(normalizeHeader(header));
		if (!exact) {
			pending.push(index);
			return;
		}
		const held = bestRank[exact.field];
		if (held !== undefined && held <= exact.rank) return;
		bestRank[exact.field] = exact.rank;
		assign(result, exact.field, index);
	});
	for (const index of pending) {
		const header = headers[index];
		const normalized = normalizeHeader(header);
		if (normalized === '' || UNUSED.has(normalized)) continue;
		const best = closestAlias(normalized);
		if (best && best.similarity >= FUZZY_THRESHOLD && result.index[best.field] === undefined) {
			assign(result, best.field, index);
			result.fuzzy.push({
				header,
				readAs: best.alias,
				similarity: Math.round(best.similarity * 100) / 100,
			});
		} else if (/fee|commission/.test(normalized)) {
			result.extraFeeColumns.push({ header, index });
		} else {
			result.unknown.push(header);
		}
	}
	return result;
}

function assign(result: ColumnMap, field: Field, index: number): void {
	result.index[field] = index;
	result.mapped[field] = result.headers[index];
	const zone = headerZone(result.headers[index]);
	if (zone) result.zones[field] = zone;
	else delete result.zones[field];
}

function closestAlias(
	normalized: string,
): { field: Field; alias: string; similarity: number } | undefined {
	let best: { field: Field; alias: string; similarity: number } | undefined;
	for (const [field, aliases] of Object.entries(ALIASES) as Array<[Field, string[]]>) {
		for (const alias of aliases) {
			const similarity = similarityOf(normalized, normalizeHeader(alias));
			if (!best || similarity > best.similarity) best = { field, alias, similarity };
		}
	}
	return best;
}

/** 1 − Levenshtein distance / longer length: tolerant of "Comission fee", "Transaction fees", "Order-ID". */
export function similarityOf(a: string, b: string): number {
	if (a === b) return 1;
	const longer = Math.max(a.length, b.length);
	if (longer === 0) return 1;
	let previous = Array.from({ length: b.length + 1 }, (_, index) => index);
	for (let i = 1; i <= a.length; i++) {
		const current = [i];
		for (let j = 1; j <= b.length; j++) {
			current[j] = Math.min(
				previous[j] + 1,
				current[j - 1] + 1,
				previous[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1),
			);
		}
		previous = current;
	}
	return 1 - previous[b.length] / longer;
}

/** The report must say which order a row belongs to and carry at least one amount to check. */
export function missingEssentials(columns: ColumnMap): string | undefined {
	if (columns.index.orderId === undefined)
		return 'an order ID column (for example "Order ID" or "Order/adjustment ID")';
	const amounts: Field[] = [
		'subtotal',
		'grossBeforeDiscount',
		'revenue',
		'commission',
		'settlement',
		'transactionFee',
		'totalFees',
	];
	if (!amounts.some((field) => columns.index[field] !== undefined)) {
		return 'at least one amount column (for example "Subtotal after seller discounts", "TikTok Shop commission fee" or "Total settlement amount")';
	}
	return undefined;
}
