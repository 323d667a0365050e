import {
	carrierDisplayName,
	findTrackingCandidates,
	type CarrierCode,
} from '../../../shared/tracking';
import { documentUnits, type DocumentUnit, type UnitLine } from './documentUnits';
import {
	findLabelledId,
	findOrderMention,
	isTikTokOrderId,
	type OrderMention,
} from './orderMentions';
import { resolveOrder } from './resolveOrder';
import { scoreCandidate } from './scoreCandidate';
import { findShippedDate } from './shippedDate';
import { notShipmentReason, textStatus } from './shipmentStatus';
import type { ColumnRoles } from './tableHeaders';
import { readTableRow } from './tableRow';
import type {
	ExtractionOptions,
	ExtractionResult,
	ReadableDocument,
	TrackingRow,
	UnparsedEntry,
} from './types';

/** Rows and problems of one document, plus numbers that were too doubtful to output. */
export interface DocumentExtraction extends ExtractionResult {
	possible: string[];
}

/** A tracking number accepted from the document, before it is tied to an order. */
interface Finding {
	tracking: string;
	carrier: CarrierCode;
	confidence: number;
	unit: number;
	lineNo: number;
	page?: number;
	evidence: string;
	/** Read from a table row: only that row's orders may own it. */
	fromRow?: {
		mentions: OrderMention[];
		/** The table has no order column at all, so the document's one order may own it. */
		tableNamesNoOrder: boolean;
	};
	packageId?: string;
	lineItemIds?: string[];
	shippedAt?: string;
}

interface LocatedMention extends OrderMention {
	unit: number;
	lineNo: number;
	page?: number;
	/** Named by a table row: the lines under the row (its next packages) are the row's. */
	row?: boolean;
}

/** Details printed once for the whole document ("Ship date: …"). */
interface UnitDetails {
	packageIds: string[];
	lineItemIds: string[];
	shippedAt?: string;
}

const TRACKING_TALK = /track|awb|waybill|shipped|shipment|carrier/i;
const EVIDENCE_LENGTH = 200;
const evidenceOf = (line: UnitLine): string =>
	line.cells.filter(Boolean).join(' | ').slice(0, EVIDENCE_LENGTH);

function sameOrder(a: OrderMention, b: OrderMention): boolean {
	if (a.orderId && b.orderId) return a.orderId === b.orderId;
	return (
		a.references.some((reference) => b.references.includes(reference)) ||
		(!!a.orderId && a.orderId === b.orderId)
	);
}

/** Distinct orders named in the document, merging a line that prints an ID with one that prints its reference. */
function distinctOrders(mentions: readonly OrderMention[]): OrderMention[] {
	const distinct: OrderMention[] = [];
	for (const mention of mentions) {
		const known = distinct.find((other) => sameOrder(other, mention));
		if (!known) distinct.push({ orderId: mention.orderId, references: [...mention.references] });
		else {
			known.orderId ??= mention.orderId;
			for (const reference of mention.references)
				if (!known.references.includes(reference)) known.references.push(reference);
		}
	}
	return distinct;
}

/**
 * The orders a tracking number belongs to, where the document binds them beyond doubt: its own table row; the same
 * line; the paragraph's only order, or the paragraph's order printed above it; or the one order the whole document
 * names. Never an order from another row or paragraph: a guess here ships a stranger's parcel. Empty when unbound.
 */
function ordersForFinding(
	finding: Finding,
	lineHasNumber: (unit: number, lineNo: number) => boolean,
	mentions: readonly LocatedMention[],
	soleOrder: OrderMention | undefined,
): OrderMention[] {
	if (finding.fromRow) {
		if (finding.fromRow.mentions.length) return finding.fromRow.mentions;
		return finding.fromRow.tableNamesNoOrder && soleOrder ? [soleOrder] : [];
	}
	const inUnit = mentions.filter((mention) => mention.unit === finding.unit);
	const sameLine = inUnit.find((mention) => mention.lineNo === finding.lineNo);
	if (sameLine) return [sameLine];
	// An order whose own line carries a number is a row of a list ("order  carrier  number"): the lines below it
	// are other rows, even when their own order is written in a way not recognised as one.
	const listRow = (mention: LocatedMention) =>
		!mention.row && lineHasNumber(finding.unit, mention.lineNo);
	const owners = inUnit.filter((mention) => !listRow(mention));
	if (owners.length && owners.length === inUnit.length && distinctOrders(owners).length === 1)
		return [owners[0]];
	const above = inUnit.filter((mention) => mention.lineNo < finding.lineNo);
	const nearest = above[above.length - 1];
	if (nearest && !listRow(nearest)) return [nearest];
	if (inUnit.length) return [];
	return soleOrder ? [soleOrder] : [];
}

/** Binds through the page when the document has pages: a page of packing slips that names one order is that order's. */
function withPage(
	finding: Finding,
	bySoleOrder: (mentions: readonly LocatedMention[]) => OrderMention | undefined,
	mentions: readonly LocatedMention[],
): OrderMention | undefined {
	if (finding.page === undefined) return undefined;
	const onPage = mentions.filter((mention) => mention.page === finding.page);
	return onPage.length ? bySoleOrder(onPage) : undefined;
}

/** Excel keeps 15 significant digits: an 18-digit id it touched ends in 000. */
const roundedId = (id: string | undefined): boolean =>
	!!id && /^\d{18}$/.test(id) && id.endsWith('000');

export class DocumentExtractor {
	private readonly findings: Finding[] = [];
	private readonly mentions: LocatedMention[] = [];
	private readonly unparsed: UnparsedEntry[] = [];
	private readonly details = new Map<number, UnitDetails>();
	private readonly possible = new Set<string>();
	/** Tables whose order column Excel touched: their ids ending in 000 are rounded and cannot be bound. */
	private roundedTables = new Set<ColumnRoles>();
	/** "unit:line" of every line that carries a tracking number, output or refused: an order named there is that number's. */
	private readonly numberedLines = new Set<string>();
	/** Numbers the document itself calls void, replaced or a return label: never a row, wherever else they appear. */
	private readonly refused = new Set<string>();
	private readonly damagedRows: Array<{ orderId: string; trackings: string[]; evidence: string }> =
		[];

	constructor(
		private readonly document: ReadableDocument,
		private readonly options: ExtractionOptions,
	) {}

	run(inherited?: OrderMention): DocumentExtraction {
		const { units, lines } = documentUnits(this.document.blocks);
		this.roundedTables = findRoundedTables(units);
		const mentionsTracking = lines.some((line) => TRACKING_TALK.test(line.text));
		units.forEach((unit, index) => this.readUnit(unit, index, lines, mentionsTracking));
		return this.toResult(inherited);
	}

	/** The one order the document names, for attachments of the same email that name none. */
	soleOrder(): OrderMention | undefined {
		return this.soleOrderOf(this.mentions);
	}

	private soleOrderOf(mentions: readonly LocatedMention[]): OrderMention | undefined {
		const distinct = distinctOrders(this.mentionsByUnit(mentions));
		return distinct.length === 1 ? distinct[0] : undefined;
	}

	/**
	 * A paragraph that prints one TikTok order id and the 3PL's own order number ("Order No.: HL-518234",
	 * "Channel order #: 5714…") describes one order: its references join the id, unless the mapping sends one of them
	 * to another order.
	 */
	private mentionsByUnit(all: readonly LocatedMention[]): OrderMention[] {
		const byUnit = new Map<number, LocatedMention[]>();
		for (const mention of all) {
			const unit = byUnit.get(mention.unit);
			if (unit) unit.push(mention);
			else byUnit.set(mention.unit, [mention]);
		}
		return [...byUnit.values()].flatMap((mentions): OrderMention[] => {
			const ids = new Set(mentions.map((mention) => mention.orderId).filter(Boolean));
			if (ids.size !== 1) return mentions;
			const [orderId] = ids as Set<string>;
			const references = [...new Set(mentions.flatMap((mention) => mention.references))];
			const elsewhere = references.some((reference) => {
				const mapped = this.options.referenceMap.get(reference.toUpperCase());
				return mapped !== undefined && mapped !== orderId;
			});
			return elsewhere ? mentions : [{ orderId, references }];
		});
	}

	private readUnit(
		unit: DocumentUnit,
		index: number,
		lines: readonly UnitLine[],
		mentionsTracking: boolean,
	): void {
		const details: UnitDetails = { packageIds: [], lineItemIds: [] };
		this.details.set(index, details);
		let consumed = new Set<number>();
		if (unit.row) {
			const rowLine = lines.find((line) => line.cells === unit.row?.cells) as UnitLine;
			const read = readTableRow(
				unit.row.cells,
				unit.row.roles,
				unit.lines,
				this.options.expectedCarrier,
			);
			consumed = read.consumedLines;
			// A reference the user's mapping knows names the row's order in any column ("Fulfillment #", "Client
			// Ref"), when the order columns name none: the mapping says it is an order.
			const mapped =
				read.mentions.length || read.damagedOrderId
					? undefined
					: this.mappedReferenceOn(rowLine.text);
			if (mapped) read.mentions.push(mapped);
			const evidence = evidenceOf(rowLine);
			const label = (mention?: OrderMention) => mention?.orderId ?? mention?.references[0];
			for (const mention of read.mentions)
				this.mentions.push({
					...mention,
					unit: index,
					lineNo: rowLine.lineNo,
					page: unit.page,
					row: true,
				});
			const rounded = read.mentions.find((mention) => roundedId(mention.orderId))?.orderId;
			const damaged =
				read.damagedOrderId ?? (this.roundedTables.has(unit.row.roles) ? rounded : undefined);
			if (damaged) {
				if (read.trackings.length)
					this.damagedRows.push({
						orderId: damaged,
						trackings: read.trackings.map((tracking) => tracking.check.normalized),
						evidence,
					});
			} else if (read.notShipment) {
				for (const tracking of read.trackings)
					this.refuse(
						tracking.check.normalized,
						read.notShipment,
						evidence,
						label(read.mentions[0]),
					);
			} else {
				const roles = unit.row.roles;
				for (const tracking of read.trackings) {
					this.findings.push({
						tracking: tracking.check.normalized,
						carrier: tracking.carrier ?? (tracking.check.carrier as CarrierCode),
						confidence: tracking.score,
						unit: index,
						lineNo: rowLine.lineNo,
						page: unit.page,
						evidence,
						fromRow: {
							mentions: read.mentions,
							tableNamesNoOrder: roles.tiktokOrder === undefined && roles.orderColumns.length === 0,
						},
						packageId: read.packageId,
						lineItemIds: read.lineItemIds,
						shippedAt: read.shippedAt,
					});
				}
			}
			for (const check of read.invalid) {
				this.unparsed.push({
					code: 'invalid_tracking_number',
					reason: check.message ?? `${check.input} is not a valid tracking number.`,
					source: this.document.source,
					tracking_numbers: [check.input],
					order_reference: label(read.mentions[0]),
					evidence,
				});
			}
			if (read.missingTracking && read.mentions.length && !read.notShipment) {
				this.unparsed.push({
					code: 'missing_tracking_number',
					reason: `The row for order ${label(read.mentions[0])} has no tracking number yet. It will come in a later confirmation, or ask the 3PL.`,
					source: this.document.source,
					order_reference: label(read.mentions[0]),
					evidence,
				});
			}
		}
		for (const line of unit.lines) {
			if (consumed.has(line.lineNo)) continue;
			this.readTextLine(
				line,
				index,
				lines[line.lineNo - 1],
				mentionsTracking,
				details,
				!!unit.row,
				unit.page,
			);
		}
	}

	private readTextLine(
		line: UnitLine,
		unit: number,
		previous: UnitLine | undefined,
		mentionsTracking: boolean,
		details: UnitDetails,
		underTableRow: boolean,
		page: number | undefined,
	): void {
		const mention = findOrderMention(line.text) ?? this.mappedReferenceOn(line.text);
		if (mention) this.mentions.push({ ...mention, unit, lineNo: line.lineNo, page });
		details.packageIds.push(...findLabelledId(line.text, /package/));
		details.lineItemIds.push(...findLabelledId(line.text, /line\s*items?/));
		details.shippedAt ??= findShippedDate(line.text);
		const notTracking = new Set([mention?.orderId, ...details.packageIds, ...details.lineItemIds]);
		for (const candidate of findTrackingCandidates(line.text)) {
			if (notTracking.has(candidate.normalized)) continue;
			const scored = scoreCandidate(candidate, {
				before: line.text.slice(0, candidate.index),
				after: line.text.slice(candidate.index + candidate.length),
				previousLine: previous?.text ?? '',
				documentMentionsTracking: mentionsTracking,
				expectedCarrier: this.options.expectedCarrier,
			});
			if (!scored) continue;
			const status = textStatus(
				line.text.slice(0, candidate.index),
				line.text.slice(candidate.index + candidate.length),
			);
			this.numberedLines.add(`${unit}:${line.lineNo}`);
			if (status) {
				this.refuse(
					candidate.normalized,
					status,
					evidenceOf(line),
					mention?.orderId ?? mention?.references[0],
				);
				continue;
			}
			// A line under a table row that holds nothing but a valid number is the row's next package,
			// printed in the tracking column: as sure as the row's own tracking cell.
			if (
				underTableRow &&
				line.cells.length === 1 &&
				candidate.value === line.cells[0] &&
				candidate.confidence === 'high'
			) {
				scored.score = Math.max(scored.score, candidate.check.checkDigitVerified ? 0.95 : 0.9);
				scored.carrier = this.preferredCarrier(
					candidate.check.candidates,
					candidate.check.carrier as CarrierCode,
				);
			}
			if (scored.score < this.options.minConfidence) {
				this.possible.add(candidate.normalized);
				continue;
			}
			this.findings.push({
				tracking: candidate.normalized,
				carrier: scored.carrier,
				confidence: scored.score,
				unit,
				lineNo: line.lineNo,
				page,
				evidence: evidenceOf(line),
			});
		}
	}

	/**
	 * A 3PL reference the user's mapping knows, standing on the line without an "Order" label ("- QF-K53949  USPS
	 * 9405…"): the mapping says it is an order, so the line names it.
	 */
	private mappedReferenceOn(text: string): OrderMention | undefined {
		if (this.options.referenceMap.size === 0) return undefined;
		for (const match of text.matchAll(
			/(?<![A-Za-z0-9_-])[A-Za-z0-9][A-Za-z0-9_-]{2,30}(?![A-Za-z0-9_-])/g,
		)) {
			const reference = match[0].toUpperCase();
			if (this.options.referenceMap.has(reference)) return { references: [reference] };
		}
		return undefined;
	}

	/** A valid number the document says is not an outbound shipment: reported, never output as a row. */
	private refuse(
		tracking: string,
		status: NonNullable<ReturnType<typeof textStatus>>,
		evidence: string,
		orderReference?: string,
	): void {
		this.refused.add(tracking);
		this.unparsed.push({
			code: 'not_a_shipment',
			reason: notShipmentReason(tracking, status),
			source: this.document.source,
			tracking_numbers: [tracking],
			...(orderReference ? { order_reference: orderReference } : {}),
			evidence,
		});
	}

	private preferredCarrier(
		candidates: readonly CarrierCode[],
		likeliest: CarrierCode,
	): CarrierCode {
		const expected = this.options.expectedCarrier;
		return expected && candidates.includes(expected) ? expected : likeliest;
	}

	private detailsFor(finding: Finding): UnitDetails {
		const unit = this.details.get(finding.unit) ?? { packageIds: [], lineItemIds: [] };
		const all = [...this.details.values()];
		const shippedDates = [...new Set(all.map((details) => details.shippedAt).filter(Boolean))];
		return {
			packageIds: unit.packageIds,
			lineItemIds: unit.lineItemIds,
			shippedAt: unit.shippedAt ?? (shippedDates.length === 1 ? shippedDates[0] : undefined),
		};
	}

	private toResult(inherited: OrderMention | undefined): DocumentExtraction {
		const rows = new Map<string, TrackingRow>();
		const soleOrder = this.soleOrder() ?? (this.mentions.length === 0 ? inherited : undefined);
		const orphans: Finding[] = [];
		for (const finding of this.findings) {
			if (this.refused.has(finding.tracking)) continue;
			const pageOrder = withPage(finding, (onPage) => this.soleOrderOf(onPage), this.mentions);
			const orders = ordersForFinding(
				finding,
				(unit, lineNo) => this.numberedLines.has(`${unit}:${lineNo}`),
				this.mentions,
				pageOrder ?? soleOrder,
			);
			if (!orders.length && !this.options.fallbackOrderId) {
				orphans.push(finding);
				continue;
			}
			for (const mention of orders.length ? orders : [undefined])
				this.addRow(rows, finding, mention);
		}
		this.reportDamagedRows();
		if (orphans.length) {
			const named = distinctOrders(this.mentions).map(
				(mention) => mention.orderId ?? mention.references[0],
			);
			this.unparsed.push({
				code: 'tracking_without_order',
				reason:
					named.length > 1
						? `Tracking numbers were found, but not in the same row or paragraph as an order, and the document names several orders (${named.slice(0, 10).join(', ')}${named.length > 10 ? ', …' : ''}). Match them by hand.`
						: 'Tracking numbers were found, but no TikTok order ID or 3PL order reference. Map the 3PL reference, or set "Order ID Field" to where the order ID is.',
				source: this.document.source,
				tracking_numbers: [...new Set(orphans.map((finding) => finding.tracking))],
				evidence: orphans[0].evidence,
			});
		}
		return { rows: [...rows.values()], unparsed: this.unparsed, possible: [...this.possible] };
	}

	private addRow(
		rows: Map<string, TrackingRow>,
		finding: Finding,
		mention: OrderMention | undefined,
	): void {
		const order = resolveOrder(mention, this.options);
		if (!order.ok) {
			this.unparsed.push({
				...order.unparsed,
				source: this.document.source,
				tracking_numbers: [finding.tracking],
				evidence: finding.evidence,
			});
			return;
		}
		const details = this.detailsFor(finding);
		const packageId = finding.packageId ?? details.packageIds[0];
		const lineItemIds = finding.lineItemIds ?? details.lineItemIds;
		const shippedAt = finding.shippedAt ?? details.shippedAt;
		const row: TrackingRow = {
			order_id: order.orderId,
			...(order.reference ? { order_reference: order.reference } : {}),
			order_id_from: order.from,
			...(packageId ? { package_id: packageId } : {}),
			...(lineItemIds.length ? { line_item_ids: lineItemIds } : {}),
			tracking_number: finding.tracking,
			carrier: finding.carrier,
			carrier_name: carrierDisplayName(finding.carrier),
			...(shippedAt ? { shipped_at: shippedAt } : {}),
			confidence: finding.confidence,
			source: this.document.source,
			evidence: finding.evidence,
		};
		const key = `${row.order_id || row.order_reference}|${row.tracking_number}`;
		const known = rows.get(key);
		if (!known || known.confidence < row.confidence) rows.set(key, row);
	}

	private reportDamagedRows(): void {
		if (!this.damagedRows.length) return;
		const examples = this.damagedRows
			.slice(0, 3)
			.map((row) => row.orderId)
			.join(', ');
		this.unparsed.push({
			code: 'excel_damaged_ids',
			reason:
				`The order ID column was changed by Excel (${examples}${this.damagedRows.length > 3 ? ', …' : ''}): it keeps only 15 digits of an 18-digit ID, so these ` +
				`${this.damagedRows.length} rows cannot be matched to orders. Ask the 3PL for the original CSV, or format the column as Text before saving.`,
			source: this.document.source,
			tracking_numbers: this.damagedRows.flatMap((row) => row.trackings),
			evidence: this.damagedRows[0].evidence,
		});
	}
}

/**
 * Tables whose order column Excel touched: one cell in scientific notation ("5.72169E+17"), or ids ending in 000
 * far more often than chance. One real id in a thousand ends in 000, so a 6,000-row report has about six by chance;
 * a rounded column has them in every cell Excel saved as a number. Two, and at least one id in twenty, is not chance.
 * The table's other ids ending in 000 are then rounded too.
 */
function findRoundedTables(units: readonly DocumentUnit[]): Set<ColumnRoles> {
	const evidence = new Map<ColumnRoles, { scientific: boolean; rounded: number; ids: number }>();
	for (const unit of units) {
		const row = unit.row;
		if (!row) continue;
		const cells = [row.roles.tiktokOrder, ...row.roles.orderColumns]
			.filter((index): index is number => index !== undefined)
			.map((index) => (row.cells[index] ?? '').trim());
		const seen = evidence.get(row.roles) ?? { scientific: false, rounded: 0, ids: 0 };
		seen.scientific ||= cells.some((cell) => /^\d(?:\.\d+)?e\+?\d{1,2}$/i.test(cell));
		seen.rounded += cells.filter(roundedId).length;
		seen.ids += cells.filter(isTikTokOrderId).length;
		evidence.set(row.roles, seen);
	}
	return new Set(
		[...evidence]
			.filter(([, seen]) => seen.scientific || (seen.rounded >= 2 && seen.rounded * 20 >= seen.ids))
			.map(([roles]) => roles),
	);
}
