import {
	checkTrackingNumber,
	findTrackingCandidates,
	normalizeCarrierName,
	type CarrierCode,
	type TrackingCheck,
} from '../../../shared/tracking';
import type { UnitLine } from './documentUnits';
import type { OrderMention } from './orderMentions';
import { rowStatus, type NotShipment } from './shipmentStatus';
import { parseDate } from './shippedDate';
import type { ColumnRoles } from './tableHeaders';
import type { DocumentLine } from './types';

export interface RowTracking {
	check: TrackingCheck;
	score: number;
	carrier?: CarrierCode;
}

export interface ReadRow {
	/** The row's orders: usually one; a box shared by two orders names both. */
	mentions: OrderMention[];
	/** An order cell Excel turned into a rounded number ("5.76684E+17"): the row cannot be bound to an order. */
	damagedOrderId?: string;
	/** Set when the row's status says its numbers are not outbound shipments. */
	notShipment?: NotShipment;
	packageId?: string;
	lineItemIds?: string[];
	shippedAt?: string;
	trackings: RowTracking[];
	/** Tracking cells that hold something, but not a valid number: reported, never dropped. */
	invalid: TrackingCheck[];
	/** True when the row names no tracking number at all (the 3PL has not shipped it yet). */
	missingTracking: boolean;
	/** Lines under the row that completed a wrapped tracking cell. */
	consumedLines: Set<number>;
}

/** What 3PLs print in the tracking column before a label exists. */
const NOT_YET = /^(?:pending|awaiting.*|n\/?a|none|tbd|-+|\u2014)$/i;

const cell = (cells: DocumentLine, index: number | undefined): string =>
	index === undefined ? '' : (cells[index] ?? '').trim();

/** Excel shows an 18-digit id as "5.76684E+17" and keeps 15 significant digits of it. */
const SCIENTIFIC = /^\d(?:\.\d+)?e\+?\d{1,2}$/i;
/** TikTok order ids in a cell, with any channel prefix ("TT-", "TikTok #") around them. */
const ORDER_IDS_IN_CELL = /(?<![A-Za-z0-9])(?:[A-Za-z]{1,8}[-_ #:]{1,2})?(\d{18,19})(?![0-9])/g;
/** What a spreadsheet puts in an empty cell. */
const EMPTY_CELL = /^(?:-+|\u2014|n\/?a|none|null|\/)$/i;

/**
 * The orders a row names: every TikTok order id in its order cells (a shared box lists two), else the 3PL's
 * reference. A reference travels with the ids so that a mapping can still be reported on.
 */
function rowMentions(
	cells: DocumentLine,
	roles: ColumnRoles,
): { mentions: OrderMention[]; damaged?: string } {
	const references: string[] = [];
	const ids: string[] = [];
	let damaged: string | undefined;
	// A TikTok id counts wherever an order column prints it; the other order columns give the 3PL's references.
	for (const value of [
		cell(cells, roles.tiktokOrder),
		...roles.orderColumns.map((column) => cell(cells, column)),
	]) {
		const compact = value.replace(/^[#'=]+|"/g, '').trim();
		if (compact === '' || EMPTY_CELL.test(compact)) continue;
		if (SCIENTIFIC.test(compact)) {
			damaged ??= compact;
			continue;
		}
		const found = [...compact.matchAll(ORDER_IDS_IN_CELL)].map((match) => match[1]);
		if (found.length) ids.push(...found.filter((id) => !ids.includes(id)));
		else references.push(...referencesIn(compact));
	}
	if (ids.length)
		return { mentions: ids.map((orderId) => ({ orderId, references: [...references] })), damaged };
	// Several references in the order cells: a box shared by several orders ("LK341289 LK048990"), one mention each.
	if (references.length > 1)
		return { mentions: references.map((reference) => ({ references: [reference] })), damaged };
	if (references.length) return { mentions: [{ references }], damaged };
	return { mentions: [], damaged };
}

/**
 * The 3PL's references in an order cell: the whole cell, or, when it lists several (split by commas, semicolons,
 * slashes, "&" or spaces), each piece that carries a digit ("LK341289 LK048990"; not "HL-1 (rush)").
 */
function referencesIn(cell: string): string[] {
	const pieces = cell.split(/\s*(?:[,;&]|\s\/\s|\s+)\s*/).filter((piece) => /\d/.test(piece));
	return (pieces.length > 1 ? pieces : [cell]).map((piece) => piece.toUpperCase());
}

/** A line under a row that only marks it ("VOID", "*** CANCELLED ***"), unlike a heading for the rows after it. */
const ROW_MARKER =
	/^\W*(?:void(?:ed)?|cancel+ed|superseded|sent in error|reprinted|do not use|return label)\b[^\d]{0,40}$/i;

/**
 * Reads a table row by its header: the tracking column is authoritative, so other numbers in the row
 * (POs, phones, ZIP codes) are never candidates. A tracking number that a PDF wrapped onto the next line
 * is joined back when the row's part alone is not valid.
 */
export function readTableRow(
	cells: DocumentLine,
	roles: ColumnRoles,
	continuation: readonly UnitLine[],
	expectedCarrier: CarrierCode | undefined,
): ReadRow {
	const carrierText = cell(cells, roles.carrier);
	const namedCarrier = carrierText ? normalizeCarrierName(carrierText) : undefined;
	const consumedLines = new Set<number>();
	const trackings: RowTracking[] = [];
	const invalid: TrackingCheck[] = [];
	let sawValue = false;

	for (const column of roles.tracking) {
		const parts = trackingParts(cell(cells, column), namedCarrier);
		for (const part of parts) {
			sawValue = true;
			let check = checkTrackingNumber(part, namedCarrier);
			const wrapped = continuation.find(
				(line) => !consumedLines.has(line.lineNo) && line.cells.length <= 2,
			);
			if (!check.valid && check.problem !== 'carrier_mismatch' && wrapped) {
				const joined = checkTrackingNumber(part + wrapped.cells.join(''), namedCarrier);
				if (joined.valid) {
					check = joined;
					consumedLines.add(wrapped.lineNo);
				}
			}
			if (!check.valid) {
				invalid.push(check);
				continue;
			}
			const carrier = check.carrier;
			let score = check.checkDigitVerified ? 0.97 : 0.9;
			if (!namedCarrier && expectedCarrier && !check.candidates.includes(expectedCarrier))
				score -= 0.15;
			trackings.push({
				check,
				score,
				carrier:
					!namedCarrier && expectedCarrier && check.candidates.includes(expectedCarrier)
						? expectedCarrier
						: carrier,
			});
		}
	}
	const lineItems = cell(cells, roles.lineItems).match(/\d{15,19}/g) ?? undefined;
	const { mentions, damaged } = rowMentions(cells, roles);
	const statusTexts =
		roles.status !== undefined
			? [cell(cells, roles.status)]
			: cells.filter(
					(_, index) =>
						!roles.tracking.includes(index) &&
						!roles.orderColumns.includes(index) &&
						index !== roles.tiktokOrder,
				);
	const markers = continuation
		.filter(
			(line) => !consumedLines.has(line.lineNo) && ROW_MARKER.test(line.cells.join(' ').trim()),
		)
		.map((line) => line.cells.join(' '));
	return {
		mentions,
		...(damaged ? { damagedOrderId: damaged } : {}),
		notShipment: rowStatus([...statusTexts, ...markers]),
		packageId: cell(cells, roles.packageId).match(/^\d{15,19}$/)?.[0],
		lineItemIds: lineItems ?? undefined,
		shippedAt: parseDate(cell(cells, roles.shippedAt)),
		trackings,
		invalid,
		missingTracking: !sawValue,
		consumedLines,
	};
}

/**
 * The numbers in a tracking cell: one, or several split by commas, semicolons, pipes, slashes or line breaks; Excel's
 * text guards (="…", a leading apostrophe) removed. Split on spaces only when the cell is not one number printed in
 * groups ("9400 1000 …").
 */
function trackingParts(value: string, namedCarrier: CarrierCode | undefined): string[] {
	const unguarded = value.replace(/^="?|"$/g, '').replace(/^'/, '');
	const parts = unguarded
		.split(/[,;|\n]|\s\/\s/)
		.map((part) =>
			part
				.replace(/^="?|"$/g, '')
				.replace(/^'/, '')
				.trim(),
		)
		.filter((part) => part !== '' && !NOT_YET.test(part));
	return parts.flatMap((part) => {
		if (!/\s/.test(part) || checkTrackingNumber(part, namedCarrier).valid) return [part];
		const words = part.split(/\s+/);
		if (words.every((word) => checkTrackingNumber(word, namedCarrier).valid)) return words;
		// Several numbers, some printed in groups ("9409… 9400 1293 6993 …"): read as running text is.
		const found = findTrackingCandidates(part).filter(
			(candidate) => candidate.check.valid && candidate.confidence === 'high',
		);
		return found.length > 1 ? found.map((candidate) => candidate.normalized) : [part];
	});
}
