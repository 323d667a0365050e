/**
 * Worker-thread entry that reads spreadsheets (.xlsx, .xlsm, .xls, .ods) with SheetJS, one job at a time, so a
 * workbook that is slow or huge costs this thread (which the main thread can terminate) and never n8n's event loop.
 *
 * Like pdf/pdfWorker.ts, this file runs as its own thread from the .ts source in tests and as .js in dist: it
 * loads only Node built-ins and SheetJS, with require(), and imports nothing but types.
 */
import type { ReaderJob, ReaderJobResult } from '../threads/readerPool';
import type { SheetText, SpreadsheetJobOptions, WorkbookText } from './sheetCells';

/* eslint-disable @typescript-eslint/no-require-imports -- see above: the source must run as CommonJS without a compiler */
const { createRequire } = require('node:module') as typeof import('node:module');
const { parentPort, workerData } =
	require('node:worker_threads') as typeof import('node:worker_threads');
/* eslint-enable @typescript-eslint/no-require-imports */

type SheetJs = typeof import('@e965/xlsx');
type Cell = import('@e965/xlsx').CellObject;

const XLSX = createRequire((workerData as { resolveFrom: string }).resolveFrom)(
	'@e965/xlsx',
) as SheetJs;

/** Excel keeps 15 significant digits of a number: a longer one (an 18-digit order id) has lost its last digits. */
const EXCEL_DIGITS = 15;

/**
 * A number cell's text. An integer is written out whole (Excel's "General" shows a 12-digit tracking number as
 * 1.23457E+11); one with more digits than Excel keeps is written as Excel shows it, "5.76684019603311E+17", so
 * that it reads as the damaged id it is, never as a wrong order or tracking number. Dates keep their format, and
 * a format of zeros ("000000000000") the leading zeros the number itself has lost.
 */
function numberText(cell: Cell & { v: number }): string {
	const { v: value, z: format, w: formatted } = cell;
	if (typeof format === 'string' && formatted && XLSX.SSF.is_date(format)) return formatted;
	if (!Number.isInteger(value)) return formatted ?? String(value);
	const digits = Math.abs(value) < 1 ? 1 : Math.floor(Math.log10(Math.abs(value))) + 1;
	if (digits > EXCEL_DIGITS) {
		const [mantissa, exponent] = value.toExponential(EXCEL_DIGITS - 1).split('e');
		const sign = exponent.startsWith('-') ? '-' : '+';
		return `${mantissa.replace(/\.?0+$/, '')}E${sign}${exponent.replace(/^[+-]/, '')}`;
	}
	if (typeof format === 'string' && /^0+$/.test(format) && formatted) return formatted;
	return String(value);
}

function cellText(cell: Cell | undefined): string {
	if (!cell || cell.v === undefined || cell.v === null) return '';
	if (cell.t === 'n') return numberText(cell as Cell & { v: number });
	if (cell.t === 'b') return cell.v ? 'TRUE' : 'FALSE';
	if (cell.t === 'e' || cell.t === 'd') return cell.w ?? String(cell.v);
	return String(cell.v);
}

function sheetText(name: string, sheet: import('@e965/xlsx').WorkSheet): SheetText {
	const data = (sheet['!data'] ?? []) as Array<Array<Cell | undefined> | undefined>;
	// Dense sheets are sparse arrays: Array.from turns their holes (empty rows and cells) into values.
	const texts = Array.from(data, (row) => Array.from(row ?? [], cellText));
	const width = Math.max(
		0,
		...texts.map((row) => row.reduce((last, text, index) => (text.trim() ? index + 1 : last), 0)),
	);
	const rows = texts
		.filter((row) => row.some((text) => text.trim() !== ''))
		.map((row) => Array.from({ length: width }, (_, index) => row[index] ?? ''));
	// With sheetRows, SheetJS keeps the sheet's whole range in !fullref.
	const full = sheet['!fullref'] as string | undefined;
	const fullRows = full ? XLSX.utils.decode_range(full).e.r + 1 : data.length;
	return { name, rows, ...(fullRows > data.length ? { rowsInSheet: fullRows } : {}) };
}

function read(job: ReaderJob<SpreadsheetJobOptions>): ReaderJobResult<WorkbookText> {
	try {
		const workbook = XLSX.read(job.data, {
			type: 'array',
			dense: true,
			cellNF: true,
			cellText: true,
			cellDates: false,
			cellFormula: false,
			cellHTML: false,
			sheetRows: job.options.maxRows,
		});
		const visibility = workbook.Workbook?.Sheets ?? [];
		const sheets = workbook.SheetNames.filter((_, index) => !visibility[index]?.Hidden).map(
			(name) => sheetText(name, workbook.Sheets[name]),
		);
		return { id: job.id, ok: true, value: { sheets } };
	} catch (error) {
		const { name, message } = error as Error;
		return { id: job.id, ok: false, name: name ?? 'Error', message: message ?? String(error) };
	}
}

parentPort?.on('message', (job: ReaderJob<SpreadsheetJobOptions>) => {
	parentPort?.postMessage(read(job));
});
