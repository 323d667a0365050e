import type { DocumentLine } from './types';

/** Which column holds what, by index, as read from a table's header row. */
export interface ColumnRoles {
	tracking: number[];
	carrier?: number;
	/** A column that names the TikTok (marketplace) order. */
	tiktokOrder?: number;
	/** Every column that names an order ("amazon-order-id", "merchant-order-id"): a TikTok id may sit in any. */
	orderColumns: number[];
	packageId?: number;
	lineItems?: number;
	shippedAt?: number;
	/** A status or type column ("Voided", "Return label"). */
	status?: number;
	width: number;
}

const TRACKING = /track|awb|waybill|\bpro\s*(?:#|no|number)/i;
const NOT_TRACKING = /url|link|status|event|company|carrier|return/i;
const CARRIER = /carrier|ship\s*via|shipping\s*(?:company|provider)|courier|service|ship\s*method/i;
const TIKTOK_ORDER = /tiktok|marketplace|channel|platform|sales\s*(?:channel|platform)|storefront/i;
const ORDER = /order|reference|\bref\b/i;
/** "Harborline Order" is an order column: only the word "line" (a line number) rules one out. */
const NOT_ORDER =
	/\bp\.?\s?o\b|purchase|date|status|total|qty|quantity|\bline\b|\bitems?\b|count|weight|value/i;
/** A label's status or type; "State" alone is the ship-to address's. */
const STATUS = /\bstatus\b|\blabel\s*state\b|\btype\b|\bvoid|\bremarks?\b|\bnotes?\b/i;
const PACKAGE = /package\s*(?:id|#|number)/i;
const LINE_ITEMS = /line\s*item/i;
const SHIPPED = /ship(?:ped)?\s*(?:date|at|on)|date\s*shipped|fulfill(?:ed|ment)\s*date/i;

/** A manifest's first column of row numbers: "#", "No.", "№". */
const ROW_NUMBER_HEADER = /^(?:#|№|no\.?)$/i;
const looksLikeLabel = (cell: string): boolean => /[A-Za-z]/.test(cell) && !/\d{5,}/.test(cell);

/** "platform_order_no", "Order - Number", "Tracking#": words apart, as a person reads them. */
function headerWords(cell: string): string {
	return cell
		.trim()
		.replace(/[_\-–—.]+/g, ' ')
		.replace(/\s+/g, ' ');
}

/** A header row: at least two cells, all of them words, one naming the tracking number. */
export function readHeader(line: DocumentLine): ColumnRoles | undefined {
	const cells = line.map(headerWords);
	if (
		cells.length < 2 ||
		!cells.every((cell) => cell === '' || ROW_NUMBER_HEADER.test(cell) || looksLikeLabel(cell))
	)
		return undefined;
	const roles: ColumnRoles = { tracking: [], orderColumns: [], width: cells.length };
	cells.forEach((cell, index) => {
		if (TRACKING.test(cell) && !NOT_TRACKING.test(cell)) roles.tracking.push(index);
		else if (PACKAGE.test(cell)) roles.packageId ??= index;
		else if (LINE_ITEMS.test(cell)) roles.lineItems ??= index;
		else if (SHIPPED.test(cell)) roles.shippedAt ??= index;
		else if (
			TIKTOK_ORDER.test(cell) &&
			/order|\bid\b|#|\bno\b|number/i.test(cell) &&
			!NOT_ORDER.test(cell)
		)
			roles.tiktokOrder ??= index;
		else if (CARRIER.test(cell)) roles.carrier ??= index;
		else if (ORDER.test(cell) && !NOT_ORDER.test(cell)) {
			roles.orderColumns.push(index);
		} else if (STATUS.test(cell)) {
			// A "Status" column wins over a type or notes column.
			const isStatus = (text: string) => /\bstatus\b/i.test(text);
			if (roles.status === undefined || (isStatus(cell) && !isStatus(cells[roles.status])))
				roles.status = index;
		}
	});
	return roles.tracking.length ? roles : undefined;
}
