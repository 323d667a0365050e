import { join } from 'node:path';

import { ReaderPool, type ReaderLimits } from '../threads/readerPool';
import type { PdfJobOptions, PdfText } from './pdfItems';

/** How much one PDF may cost before it is given up on. */
export interface PdfLimits extends ReaderLimits {
	/** Pages read; a longer PDF is read up to here and reported. */
	maxPages: number;
}

export const DEFAULT_PDF_LIMITS: PdfLimits = { timeMs: 20_000, memoryMb: 512, maxPages: 200 };

/** The PDF reader threads (pdf.js, which comes with pdf-parse), shared by every document of the process. */
export const pdfWorkers = new ReaderPool<PdfJobOptions, PdfText>({
	entry: join(__dirname, 'pdfWorker'),
	resolveFrom: require.resolve('pdf-parse'),
	stoppedMessage: 'The PDF reader stopped unexpectedly.',
});
