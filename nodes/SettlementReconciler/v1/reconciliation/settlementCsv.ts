import type { Readable } from 'node:stream';

import { mapColumns, missingEssentials, type ColumnMap, type Field } from './columns';
import { streamCsvRecords } from './csvRecords';
import { parseDateKey } from './dates';
import { parseCents } from './money';
import type { LedgerEntry, OrderLedger } from './orderLedger';
import type { RateTable } from './rateTable';

export interface RejectedRow {
	line: number;
	reason: string;
	content: string;
}

export interface CsvReadResult {
	columns: ColumnMap;
	/** Every record of the file lands in exactly one of these. */
	rows: { total: number; parsed: number; rejected: number; blank: number };
	rejectedByReason: Record<string, number>;
	/** The first rejected rows, with line numbers (all of them are counted in rejectedByReason). */
	rejected: RejectedRow[];
	undatedRows: number;
	dateRange?: { first: number; last: number };
}

export interface CsvReadOptions {
	rates: RateTable;
	zone: string;
	maxRejectedListed: number;
	/** The file's size, when known: the ledger is then sized for its orders from the first rows' length. */
	expectedBytes?: number;
}

/** A preamble above the header (report title, shop name) is skipped, but only this far down. */
const HEADER_SEARCH_LINES = 10;
/** Rows read before their average length is trusted to say how many rows the file holds. */
const SIZING_SAMPLE_ROWS = 20;
const ADJUSTMENT_TYPE = /adjust|charge ?back|compensat|deduct|reimburs|penalt|rebate/i;
const REFUND_TYPE = /refund|return/i;
const B2B = /b2b|wholesale|business/i;
const YES = /^(yes|y|true|1)$/i;
const TOTALS = /^(grand )?totals?\b/i;
/** What Seller Center and spreadsheets write in a cell that has no value. */
const PLACEHOLDERS = new Set(['/', '-', '--', '—', 'n/a', 'na', 'null', 'none']);
/** The pack serves US shops: rows in another currency are not compared with dollar rates and tolerances. */
const REPORT_CURRENCY = 'USD';

const enum Kind {
	Refund = 1,
	Adjustment = 2,
	B2B = 4,
}

/** What a Type / channel text means; a report repeats a handful of these a million times, so they are remembered. */
class KindCache {
	private readonly byType = new Map<string, number>();
	private readonly byChannel = new Map<string, number>();

	of(type: string, channel: string): number {
		return (
			this.lookup(
				this.byType,
				type,
				() =>
					(REFUND_TYPE.test(type) ? Kind.Refund : 0) |
					(ADJUSTMENT_TYPE.test(type) ? Kind.Adjustment : 0) |
					(B2B.test(type) ? Kind.B2B : 0),
			) |
			(channel === ''
				? 0
				: this.lookup(this.byChannel, channel, () =>
						B2B.test(channel) || YES.test(channel) ? Kind.B2B : 0,
					))
		);
	}

	private lookup(known: Map<string, number>, text: string, classify: () => number): number {
		let kind = known.get(text);
		if (kind === undefined) {
			kind = classify();
			// Copied so the key does not pin a parsed CSV chunk.
			if (known.size < 10_000) known.set(Buffer.from(text, 'utf8').toString('utf8'), kind);
		}
		return kind;
	}
}

/** Reads a Seller Center settlement / commission report into the ledger, row by row. */
export async function readSettlementCsv(
	stream: Readable,
	ledger: OrderLedger,
	options: CsvReadOptions,
): Promise<CsvReadResult> {
	let columns: ColumnMap | undefined;
	let headerProblem: string | undefined;
	let firstHeaders: string[] | undefined;
	const result: Omit<CsvReadResult, 'columns'> = {
		rows: { total: 0, parsed: 0, rejected: 0, blank: 0 },
		rejectedByReason: {},
		rejected: [],
		undatedRows: 0,
	};
	const entry: LedgerEntry = blankEntry();
	const reject = (line: number, reason: string, cells: string[]) => {
		result.rows.rejected++;
		result.rejectedByReason[reason] = (result.rejectedByReason[reason] ?? 0) + 1;
		if (result.rejected.length < options.maxRejectedListed)
			result.rejected.push({ line, reason, content: cells.join(',').slice(0, 300) });
	};
	let readRow: ((cells: string[], line: number) => string | undefined) | undefined;
	let sized = false;
	// Characters under-count multi-byte text, so the estimate errs towards more rows (a larger table), never fewer.
	const sizeLedger = (charactersParsed: number, records: number) => {
		if (sized || options.expectedBytes === undefined || records < SIZING_SAMPLE_ROWS) return;
		sized = true;
		ledger.reserve(Math.ceil((options.expectedBytes / charactersParsed) * records));
	};

	await streamCsvRecords(
		stream,
		(cells, line, problem) => {
			result.rows.total++;
			if (cells.length === 1 && cells[0].trim() === '') {
				result.rows.blank++;
				return;
			}
			if (!columns) {
				const candidate = mapColumns(cells);
				firstHeaders ??= candidate.headers;
				headerProblem = missingEssentials(candidate);
				if (headerProblem === undefined) {
					columns = candidate;
					readRow = rowReader(columns, options, entry);
					result.rows.total--; // the header is not a data row
					return;
				}
				if (line >= HEADER_SEARCH_LINES) throw new MissingColumnsError(headerProblem, firstHeaders);
				reject(line, 'above the column header (report title or notes)', cells);
				return;
			}
			if (problem) return reject(line, `not valid CSV: ${problem}`, cells);
			const reason = readRow!(cells, line);
			if (reason !== undefined) return reject(line, reason, cells);
			if (entry.dateKey === 0) result.undatedRows++;
			else if (!result.dateRange) result.dateRange = { first: entry.dateKey, last: entry.dateKey };
			else {
				if (entry.dateKey < result.dateRange.first) result.dateRange.first = entry.dateKey;
				if (entry.dateKey > result.dateRange.last) result.dateRange.last = entry.dateKey;
			}
			ledger.add(entry);
			result.rows.parsed++;
		},
		sizeLedger,
	);
	if (!columns) throw new MissingColumnsError(headerProblem ?? 'a header row', firstHeaders ?? []);
	return { columns, ...result };
}

export class MissingColumnsError extends Error {
	constructor(
		readonly missing: string,
		readonly headers: string[],
	) {
		super(
			`The report is missing ${missing}. Columns found: ${headers.length ? headers.map((header) => `"${header}"`).join(', ') : 'none (the file is empty)'}.`,
		);
	}
}

function blankEntry(): LedgerEntry {
	return {
		orderId: '',
		line: 0,
		dateKey: 0,
		gross: 0,
		refund: 0,
		commissionRaw: null,
		transactionFeeRaw: null,
		feesRaw: null,
		adjustmentRaw: 0,
		incomeRaw: 0,
		settlementRaw: null,
		rateBasisPoints: 0,
		b2b: false,
	};
}

/**
 * Builds the per-row reader for one header layout. Column positions are resolved once here (header drift is settled
 * before the first row); the reader fills `entry` in place (one object for the whole file) and returns why a row cannot
 * be used, or undefined.
 */
function rowReader(
	columns: ColumnMap,
	options: CsvReadOptions,
	entry: LedgerEntry,
): (cells: string[], line: number) => string | undefined {
	const position = (field: Field): number => columns.index[field] ?? -1;
	const ORDER_ID = position('orderId');
	const RELATED_ID = position('relatedOrderId');
	const TYPE = position('type');
	const CHANNEL = position('channel');
	const ADJUSTMENT_ID = position('adjustmentId');
	const DATE = position('date');
	const CATEGORY = position('category');
	const CREATED = position('createdTime');
	const CURRENCY = position('currency');
	// Only read when a SKU rule could apply.
	const SKU = options.rates.hasSkuRules ? position('sku') : -1;
	const SKU_ID = options.rates.hasSkuRules ? position('skuId') : -1;
	const SUBTOTAL = position('subtotal');
	const BEFORE_DISCOUNT = position('grossBeforeDiscount');
	const DISCOUNT = position('sellerDiscount');
	const REVENUE = position('revenue');
	const REFUND = position('refund');
	const COMMISSION = position('commission');
	const TRANSACTION_FEE = position('transactionFee');
	const TOTAL_FEES = position('totalFees');
	const SETTLEMENT = position('settlement');
	const ADJUSTMENT = position('adjustment');
	const INCOME = position('income');
	const width = columns.headers.length;
	const extraFees = columns.extraFeeColumns;
	const hasFeeParts = COMMISSION >= 0 || TRANSACTION_FEE >= 0 || extraFees.length > 0;
	const kinds = new KindCache();
	// The first cell that is not an amount (its column); checked once after all amounts are read.
	let notAmount = -1;
	const amount = (cells: string[], index: number): number | null => {
		if (index < 0 || isPlaceholder(cells[index])) return null;
		const value = parseCents(cells[index]);
		if (value === null || !Number.isNaN(value)) return value;
		if (notAmount < 0) notAmount = index;
		return null;
	};

	// Rows are as wide as the header; a file whose every row ends with one more empty cell (a trailing comma) is
	// allowed that, decided on its first row. Any other width means a cell was lost or split: nothing is shifted.
	let rowWidth = -1;
	return (cells, line) => {
		if (rowWidth < 0)
			rowWidth =
				cells.length > width && cells.slice(width).every((cell) => cell.trim() === '')
					? cells.length
					: width;
		if (cells.length !== rowWidth) {
			return cells.length < rowWidth
				? `has ${cells.length} cells but the header has ${width}: a cell is missing or the row is cut short`
				: `has ${cells.length} cells but the header has ${width}: an unquoted comma inside a value?`;
		}
		notAmount = -1;
		const ownId = textAt(cells, ORDER_ID);
		const relatedId = textAt(cells, RELATED_ID);
		const orderId = relatedId || ownId;
		if (isTotalsLabel(ownId) || (!orderId && isTotalsLabel(cells[0].trim())))
			return 'a totals line, not an order';
		if (!orderId) return 'has no order ID';
		const currency = textAt(cells, CURRENCY);
		if (currency && currency.toUpperCase() !== REPORT_CURRENCY)
			return `is in ${currency}; the reconciler checks ${REPORT_CURRENCY} rows only`;
		const created = textAt(cells, CREATED);
		if (created && Number.isNaN(parseDateKey(created, options.zone, columns.zones.createdTime)))
			return `"${columns.mapped.createdTime}" is not a date`;
		const type = textAt(cells, TYPE);
		const kind = kinds.of(type, textAt(cells, CHANNEL));

		const subtotal = amount(cells, SUBTOTAL);
		const beforeDiscount = amount(cells, BEFORE_DISCOUNT);
		const discount = amount(cells, DISCOUNT);
		const revenue = amount(cells, REVENUE);
		const refundCell = amount(cells, REFUND);
		let refund = refundCell === null ? 0 : Math.abs(refundCell);
		let gross =
			subtotal ??
			(beforeDiscount !== null
				? beforeDiscount - Math.abs(discount ?? 0)
				: revenue !== null
					? revenue + refund
					: 0);
		// Refund rows of some exports carry the refund as a negative sale instead of in a refund column.
		if (gross < 0 && refund === 0 && ((kind & Kind.Refund) !== 0 || refundCell === null)) {
			refund = -gross;
			gross = 0;
		}
		const commission = amount(cells, COMMISSION);
		const transactionFee = amount(cells, TRANSACTION_FEE);
		let fees = amount(cells, TOTAL_FEES);
		if (fees === null && hasFeeParts) {
			fees = (commission ?? 0) + (transactionFee ?? 0);
			for (const extra of extraFees) fees += amount(cells, extra.index) ?? 0;
		}
		const settlement = amount(cells, SETTLEMENT);
		let adjustment = amount(cells, ADJUSTMENT) ?? 0;
		const income = amount(cells, INCOME) ?? 0;
		if (notAmount >= 0) return `"${columns.headers[notAmount]}" is not an amount`;
		const isAdjustment =
			(kind & Kind.Adjustment) !== 0 || (relatedId !== '' && ownId !== '' && relatedId !== ownId);
		if (
			isAdjustment &&
			adjustment === 0 &&
			settlement !== null &&
			gross === 0 &&
			refund === 0 &&
			!fees
		)
			adjustment = settlement;

		const dateText = textAt(cells, DATE);
		let dateKey = 0;
		if (dateText) {
			dateKey = parseDateKey(dateText, options.zone, columns.zones.date);
			if (Number.isNaN(dateKey)) return `"${columns.mapped.date}" is not a date`;
		}

		entry.orderId = orderId;
		entry.line = line;
		entry.dateKey = dateKey;
		entry.gross = gross;
		entry.refund = refund;
		entry.commissionRaw = commission;
		entry.transactionFeeRaw = transactionFee;
		entry.feesRaw = fees;
		entry.adjustmentRaw = adjustment;
		entry.incomeRaw = Math.abs(income);
		entry.settlementRaw = settlement;
		entry.rateBasisPoints = options.rates.basisPointsFor(
			textAt(cells, CATEGORY),
			textAt(cells, SKU),
			textAt(cells, SKU_ID),
		);
		entry.b2b = (kind & Kind.B2B) !== 0;
		entry.adjustment = isAdjustment
			? {
					id: copy(textAt(cells, ADJUSTMENT_ID) || (relatedId ? ownId : '')),
					type: copy(type || 'Adjustment'),
				}
			: undefined;
		return undefined;
	};
}

/** A cell's text; Seller Center's placeholders for "nothing here" ("/", "-", "N/A") read as empty. */
function textAt(cells: string[], index: number): string {
	if (index < 0) return '';
	const text = cells[index].trim();
	return isPlaceholder(text) ? '' : text;
}

/** Checked by length first: it runs on every cell read, and real values are rarely this short or this shape. */
export function isPlaceholder(cell: string): boolean {
	const text = cell.trim();
	if (text.length === 0 || text.length > 4) return false;
	return PLACEHOLDERS.has(text.toLowerCase());
}

/** "Total", "Totals", "Grand total": the regex only runs on cells that start like one, not on a million order ids. */
function isTotalsLabel(text: string): boolean {
	const first = text.charCodeAt(0) | 0x20;
	return (first === 0x74 || first === 0x67) && TOTALS.test(text); // t, g (any case)
}

/** Adjustment ids outlive the chunk they were parsed from; a copy does not keep the chunk in memory. */
function copy(value: string): string {
	return Buffer.from(value, 'utf8').toString('utf8');
}
