import {
	DEFAULT_SPREADSHEET_LIMITS,
	spreadsheetWorkers,
	type SpreadsheetLimits,
} from './spreadsheet/spreadsheetWorkerPool';
import { limitStopped } from './threads/readerPool';
import type { TextBlock } from './types';

export type SpreadsheetProblem =
	'encrypted_spreadsheet' | 'corrupt_spreadsheet' | 'spreadsheet_limit_exceeded';

/** The workbook's sheets as tables, or why it could not be read in terms an operations person can act on. */
export type SpreadsheetText =
	| {
			ok: true;
			/** One block per visible sheet: its rows, each as wide as the sheet. */
			blocks: TextBlock[];
			/** Set when a sheet was read only up to the row limit: the rest are reported, not silently dropped. */
			truncated?: { problem: 'spreadsheet_limit_exceeded'; message: string };
	  }
	| { ok: false; problem: SpreadsheetProblem; message: string };

/**
 * Reads an Excel or OpenDocument workbook in a worker thread (SheetJS), within limits on time, memory and rows.
 * Each visible sheet becomes one table-like block, read as a CSV is: cells as the sheet shows them, except that
 * numbers too long for Excel come out as Excel shows them ("5.76684E+17"), so they are reported as damaged.
 */
export async function readSpreadsheet(
	data: Buffer,
	fileName: string,
	limits: SpreadsheetLimits = DEFAULT_SPREADSHEET_LIMITS,
): Promise<SpreadsheetText> {
	const outcome = await spreadsheetWorkers.read(new Uint8Array(data), limits, {
		maxRows: limits.maxRows,
	});
	if (!outcome.ok && 'limit' in outcome) {
		return {
			ok: false,
			problem: 'spreadsheet_limit_exceeded',
			message: `${fileName} ${limitStopped(outcome.limit, limits)}. Ask the 3PL for a CSV export of the shipments, or a smaller workbook.`,
		};
	}
	if (!outcome.ok) {
		const { name, message } = outcome.error;
		// A thread that stopped on its own is our problem, not the 3PL's file.
		if (name === 'WorkerExited') throw new Error(`Reading ${fileName} failed: ${message}`);
		if (/password|encrypt/i.test(message)) {
			return {
				ok: false,
				problem: 'encrypted_spreadsheet',
				message: `${fileName} is password-protected, so it cannot be read. Ask the 3PL to send it without a password, or open it and save a copy without one.`,
			};
		}
		return {
			ok: false,
			problem: 'corrupt_spreadsheet',
			message: `${fileName} is not a readable spreadsheet (${message}). Ask the 3PL to resend it; it may have been cut off in transit.`,
		};
	}
	const { sheets } = outcome.value;
	const cut = sheets.filter((sheet) => sheet.rowsInSheet !== undefined);
	const truncated = cut.length
		? {
				problem: 'spreadsheet_limit_exceeded' as const,
				message: `${fileName}: ${cut
					.map((sheet) => `sheet "${sheet.name}" has ${sheet.rowsInSheet} rows`)
					.join(
						', ',
					)}; only the first ${limits.maxRows} of each were read (limit: rows). Ask the 3PL to split it, or send the rest as a CSV.`,
			}
		: undefined;
	return {
		ok: true,
		blocks: sheets.map((sheet) => ({ lines: sheet.rows })),
		...(truncated ? { truncated } : {}),
	};
}
