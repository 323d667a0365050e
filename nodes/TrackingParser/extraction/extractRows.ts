import { carrierDisplayName, findTrackingCandidates, type CarrierCode } from '../../shared/tracking';
import { documentUnits, type DocumentUnit, type UnitLine } from './documentUnits';
import { findLabelledId, findOrderMention, type OrderMention } from './orderMentions';
import { resolveOrder } from './resolveOrder';
import { scoreCandidate } from './scoreCandidate';
import { findShippedDate } from './shippedDate';
import { readTableRow } from './tableRow';
import type { ExtractionOptions, ExtractionResult, ReadableDocument, TrackingRow, UnparsedEntry } from './types';

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
	evidence: string;
	/** The order of its table row, which owns it outright. */
	rowMention?: OrderMention;
	packageId?: string;
	lineItemIds?: string[];
	shippedAt?: string;
}

interface LocatedMention extends OrderMention {
	unit: number;
	lineNo: number;
}

/** Details printed once for the whole document ("Ship date: …"). */
interface UnitDetails {
	packageIds: string[];
	lineItemIds: string[];
	shippedAt?: string;
}

const TRACKING_TALK = /track|awb|waybill|shipped|shipment|carrier/i;
const EVIDENCE_LENGTH = 200;
const evidenceOf = (line: UnitLine): string => line.cells.filter(Boolean).join(' | ').slice(0, EVIDENCE_LENGTH);

function sameOrder(a: OrderMention, b: OrderMention): boolean {
	if (a.orderId && b.orderId) return a.orderId === b.orderId;
	return a.references.some((reference) => b.references.includes(reference)) || (!!a.orderId && a.orderId === b.orderId);
}

/** Distinct orders named in the document, merging a line that prints an ID with one that prints its reference. */
function distinctOrders(mentions: readonly OrderMention[]): OrderMention[] {
	const distinct: OrderMention[] = [];
	for (const mention of mentions) {
		const known = distinct.find((other) => sameOrder(other, mention));
		if (!known) distinct.push({ orderId: mention.orderId, references: [...mention.references] });
		else {
			known.orderId ??= mention.orderId;
			for (const reference of mention.references) if (!known.references.includes(reference)) known.references.push(reference);
		}
	}
	return distinct;
}

/** The order a free-text tracking number belongs to: same line, else its unit's only order, else the nearest one. */
function orderForFinding(finding: Finding, mentions: readonly LocatedMention[]): OrderMention | undefined {
	if (finding.rowMention) return finding.rowMention;
	const inUnit = mentions.filter((mention) => mention.unit === finding.unit);
	const sameLine = inUnit.find((mention) => mention.lineNo === finding.lineNo);
	if (sameLine) return sameLine;
	if (distinctOrders(inUnit).length === 1) return inUnit[0];
	const preceding = mentions.filter((mention) => mention.lineNo < finding.lineNo);
	if (inUnit.length > 1) {
		const precedingInUnit = preceding.filter((mention) => mention.unit === finding.unit);
		return precedingInUnit[precedingInUnit.length - 1] ?? inUnit[0];
	}
	return preceding[preceding.length - 1];
}

export class DocumentExtractor {
	private readonly findings: Finding[] = [];
	private readonly mentions: LocatedMention[] = [];
	private readonly unparsed: UnparsedEntry[] = [];
	private readonly details = new Map<number, UnitDetails>();
	private readonly possible = new Set<string>();

	constructor(
		private readonly document: ReadableDocument,
		private readonly options: ExtractionOptions,
	) {}

	run(inherited?: OrderMention): DocumentExtraction {
		const { units, lines } = documentUnits(this.document.blocks);
		const mentionsTracking = lines.some((line) => TRACKING_TALK.test(line.text));
		units.forEach((unit, index) => this.readUnit(unit, index, lines, mentionsTracking));
		return this.toResult(inherited);
	}

	/** The one order the document names, for attachments of the same email that name none. */
	soleOrder(): OrderMention | undefined {
		const distinct = distinctOrders(this.mentions);
		return distinct.length === 1 ? distinct[0] : undefined;
	}

	private readUnit(unit: DocumentUnit, index: number, lines: readonly UnitLine[], mentionsTracking: boolean): void {
		const details: UnitDetails = { packageIds: [], lineItemIds: [] };
		this.details.set(index, details);
		let consumed = new Set<number>();
		if (unit.row) {
			const rowLine = lines.find((line) => line.cells === unit.row?.cells) as UnitLine;
			const read = readTableRow(unit.row.cells, unit.row.roles, unit.lines, this.options.expectedCarrier);
			consumed = read.consumedLines;
			if (read.mention) this.mentions.push({ ...read.mention, unit: index, lineNo: rowLine.lineNo });
			for (const tracking of read.trackings) {
				this.findings.push({
					tracking: tracking.check.normalized,
					carrier: tracking.carrier ?? (tracking.check.carrier as CarrierCode),
					confidence: tracking.score,
					unit: index,
					lineNo: rowLine.lineNo,
					evidence: evidenceOf(rowLine),
					rowMention: read.mention,
					packageId: read.packageId,
					lineItemIds: read.lineItemIds,
					shippedAt: read.shippedAt,
				});
			}
			for (const check of read.invalid) {
				this.unparsed.push({
					code: 'invalid_tracking_number',
					reason: check.message ?? `${check.input} is not a valid tracking number.`,
					source: this.document.source,
					tracking_numbers: [check.input],
					order_reference: read.mention?.orderId ?? read.mention?.references[0],
					evidence: evidenceOf(rowLine),
				});
			}
			if (read.missingTracking && read.mention) {
				this.unparsed.push({
					code: 'missing_tracking_number',
					reason: `The row for order ${read.mention.orderId ?? read.mention.references[0]} has no tracking number yet. It will come in a later confirmation, or ask the 3PL.`,
					source: this.document.source,
					order_reference: read.mention.orderId ?? read.mention.references[0],
					evidence: evidenceOf(rowLine),
				});
			}
		}
		for (const line of unit.lines) {
			if (consumed.has(line.lineNo)) continue;
			this.readTextLine(line, index, lines[line.lineNo - 1], mentionsTracking, details, !!unit.row);
		}
	}

	private readTextLine(
		line: UnitLine,
		unit: number,
		previous: UnitLine | undefined,
		mentionsTracking: boolean,
		details: UnitDetails,
		underTableRow: boolean,
	): void {
		const mention = findOrderMention(line.text);
		if (mention) this.mentions.push({ ...mention, unit, lineNo: line.lineNo });
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
			// A line under a table row that holds nothing but a valid number is the row's next package,
			// printed in the tracking column: as sure as the row's own tracking cell.
			if (underTableRow && line.cells.length === 1 && candidate.value === line.cells[0] && candidate.confidence === 'high') {
				scored.score = Math.max(scored.score, candidate.check.checkDigitVerified ? 0.95 : 0.9);
				scored.carrier = this.preferredCarrier(candidate.check.candidates, candidate.check.carrier as CarrierCode);
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
				evidence: evidenceOf(line),
			});
		}
	}

	private preferredCarrier(candidates: readonly CarrierCode[], likeliest: CarrierCode): CarrierCode {
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
			const mention = orderForFinding(finding, this.mentions) ?? soleOrder;
			if (!mention && !this.options.fallbackOrderId) {
				orphans.push(finding);
				continue;
			}
			const order = resolveOrder(mention, this.options);
			if (!order.ok) {
				this.unparsed.push({ ...order.unparsed, source: this.document.source, tracking_numbers: [finding.tracking], evidence: finding.evidence });
				continue;
			}
			const details = this.detailsFor(finding);
			const row: TrackingRow = {
				order_id: order.orderId,
				...(order.reference ? { order_reference: order.reference } : {}),
				order_id_from: order.from,
				...(finding.packageId ?? details.packageIds[0] ? { package_id: finding.packageId ?? details.packageIds[0] } : {}),
				...((finding.lineItemIds ?? details.lineItemIds).length ? { line_item_ids: finding.lineItemIds ?? details.lineItemIds } : {}),
				tracking_number: finding.tracking,
				carrier: finding.carrier,
				carrier_name: carrierDisplayName(finding.carrier),
				...(finding.shippedAt ?? details.shippedAt ? { shipped_at: finding.shippedAt ?? details.shippedAt } : {}),
				confidence: finding.confidence,
				source: this.document.source,
				evidence: finding.evidence,
			};
			const key = `${row.order_id || row.order_reference}|${row.tracking_number}`;
			const known = rows.get(key);
			if (!known || known.confidence < row.confidence) rows.set(key, row);
		}
		if (orphans.length) {
			this.unparsed.push({
				code: 'tracking_without_order',
				reason:
					distinctOrders(this.mentions).length > 1
						? 'Tracking numbers were found, but the document names several orders and it is not clear which number belongs to which. Match them by hand.'
						: 'Tracking numbers were found, but no TikTok order ID or 3PL order reference. Map the 3PL reference, or set "Order ID Field" to where the order ID is.',
				source: this.document.source,
				tracking_numbers: [...new Set(orphans.map((finding) => finding.tracking))],
				evidence: orphans[0].evidence,
			});
		}
		return { rows: [...rows.values()], unparsed: this.unparsed, possible: [...this.possible] };
	}
}
