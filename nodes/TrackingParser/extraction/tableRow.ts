import { checkTrackingNumber, normalizeCarrierName, type CarrierCode, type TrackingCheck } from '../../shared/tracking';
import type { UnitLine } from './documentUnits';
import { isTikTokOrderId, type OrderMention } from './orderMentions';
import { parseDate } from './shippedDate';
import type { ColumnRoles } from './tableHeaders';
import type { DocumentLine } from './types';

export interface RowTracking {
	check: TrackingCheck;
	score: number;
	carrier?: CarrierCode;
}

export interface ReadRow {
	mention?: OrderMention;
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

const cell = (cells: DocumentLine, index: number | undefined): string => (index === undefined ? '' : (cells[index] ?? '').trim());

function rowMention(cells: DocumentLine, roles: ColumnRoles): OrderMention | undefined {
	const references: string[] = [];
	let orderId: string | undefined;
	for (const value of [cell(cells, roles.tiktokOrder), cell(cells, roles.orderReference)]) {
		const compact = value.replace(/^#/, '').trim();
		if (compact === '') continue;
		if (isTikTokOrderId(compact)) orderId ??= compact;
		else references.push(compact.toUpperCase());
	}
	return orderId || references.length ? { orderId, references } : undefined;
}

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
		const parts = cell(cells, column)
			.split(/[,;|]|\s\/\s/)
			.map((part) => part.trim())
			.filter((part) => part !== '' && !NOT_YET.test(part));
		for (const part of parts) {
			sawValue = true;
			let check = checkTrackingNumber(part, namedCarrier);
			const wrapped = continuation.find((line) => !consumedLines.has(line.lineNo) && line.cells.length <= 2);
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
			if (!namedCarrier && expectedCarrier && !check.candidates.includes(expectedCarrier)) score -= 0.15;
			trackings.push({ check, score, carrier: !namedCarrier && expectedCarrier && check.candidates.includes(expectedCarrier) ? expectedCarrier : carrier });
		}
	}
	const lineItems = cell(cells, roles.lineItems).match(/\d{15,19}/g) ?? undefined;
	return {
		mention: rowMention(cells, roles),
		packageId: cell(cells, roles.packageId).match(/^\d{15,19}$/)?.[0],
		lineItemIds: lineItems ?? undefined,
		shippedAt: parseDate(cell(cells, roles.shippedAt)),
		trackings,
		invalid,
		missingTracking: !sawValue,
		consumedLines,
	};
}
