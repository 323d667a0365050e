import { join } from 'node:path';

import { ReaderPool, type ReaderLimits } from '../threads/readerPool';
import type { SpreadsheetJobOptions, WorkbookText } from './sheetCells';

/** How much one workbook may cost before it is given up on. */
export interface SpreadsheetLimits extends ReaderLimits {
	/** Rows read per sheet; a longer sheet is read up to here and reported. */
	maxRows: number;
}

/** A day's manifest of a busy shop is a few thousand rows; 100,000 is far past any shipment report. */
export const DEFAULT_SPREADSHEET_LIMITS: SpreadsheetLimits = {
	timeMs: 20_000,
	memoryMb: 512,
	maxRows: 100_000,
};

/** The spreadsheet reader threads (SheetJS), shared by every document of the process. */
export const spreadsheetWorkers = new ReaderPool<SpreadsheetJobOptions, WorkbookText>({
	entry: join(__dirname, 'spreadsheetWorker'),
	resolveFrom: require.resolve('@e965/xlsx'),
	stoppedMessage: 'The spreadsheet reader stopped unexpectedly.',
});
