import type { DocumentLine } from './types';

/** Which column holds what, by index, as read from a table's header row. */
export interface ColumnRoles {
	tracking: number[];
	carrier?: number;
	/** A column that names the TikTok (marketplace) order. */
	tiktokOrder?: number;
	/** The 3PL's or the store's own order number. */
	orderReference?: number;
	packageId?: number;
	lineItems?: number;
	shippedAt?: number;
	width: number;
}

const TRACKING = /track|awb|waybill|\bpro\s*(?:#|no|number)/i;
const NOT_TRACKING = /url|link|status|event|company|carrier/i;
const CARRIER = /carrier|ship\s*via|shipping\s*(?:company|provider)|courier|service|ship\s*method/i;
const TIKTOK_ORDER = /tiktok|marketplace|channel\s*order|platform\s*order/i;
const ORDER = /order|reference|\bref\b/i;
const NOT_ORDER = /\bp\.?\s?o\b|purchase|date|status|total|qty|quantity|line/i;
const PACKAGE = /package\s*(?:id|#|number)/i;
const LINE_ITEMS = /line\s*item/i;
const SHIPPED = /ship(?:ped)?\s*(?:date|at|on)|date\s*shipped|fulfill(?:ed|ment)\s*date/i;

const looksLikeLabel = (cell: string): boolean => /[A-Za-z]/.test(cell) && !/\d{5,}/.test(cell);

/** A header row: at least two cells, all of them words, one naming the tracking number. */
export function readHeader(line: DocumentLine): ColumnRoles | undefined {
	const cells = line.map((cell) => cell.trim());
	if (cells.length < 2 || !cells.every((cell) => cell === '' || looksLikeLabel(cell))) return undefined;
	const roles: ColumnRoles = { tracking: [], width: cells.length };
	cells.forEach((cell, index) => {
		if (TRACKING.test(cell) && !NOT_TRACKING.test(cell)) roles.tracking.push(index);
		else if (PACKAGE.test(cell)) roles.packageId ??= index;
		else if (LINE_ITEMS.test(cell)) roles.lineItems ??= index;
		else if (SHIPPED.test(cell)) roles.shippedAt ??= index;
		else if (CARRIER.test(cell)) roles.carrier ??= index;
		else if (TIKTOK_ORDER.test(cell) && /order|id|#|number/i.test(cell)) roles.tiktokOrder ??= index;
		else if (ORDER.test(cell) && !NOT_ORDER.test(cell)) roles.orderReference ??= index;
	});
	return roles.tracking.length ? roles : undefined;
}
