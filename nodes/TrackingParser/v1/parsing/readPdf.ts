import { layoutPdf } from './pdf/pdfLayout';
import { DEFAULT_PDF_LIMITS, pdfWorkers, type PdfLimits } from './pdf/pdfWorkerPool';
import { limitStopped } from './threads/readerPool';
import type { TextBlock } from './types';

export type PdfProblem = 'encrypted_pdf' | 'corrupt_pdf' | 'no_text' | 'pdf_limit_exceeded';

/** The PDF's text, or why it could not be read in terms an operations person can act on. */
export type PdfText =
	| {
			ok: true;
			blocks: TextBlock[];
			/** Set when only the first pages were read: the rest are reported, not silently dropped. */
			truncated?: { problem: 'pdf_limit_exceeded'; message: string };
	  }
	| { ok: false; problem: PdfProblem; message: string };

/** pdf.js's names for a file that is not a well-formed PDF. */
const PDF_FORMAT_ERRORS = new Set(['InvalidPDFException', 'FormatError', 'UnknownErrorException']);

/**
 * Reads a PDF in a worker thread (pdf.js), within limits on time, memory and pages, and lays its text
 * out as lines of cells: each table one block with the header's width, other text a block per page.
 */
export async function readPdf(
	data: Buffer,
	fileName: string,
	limits: PdfLimits = DEFAULT_PDF_LIMITS,
): Promise<PdfText> {
	const outcome = await pdfWorkers.read(new Uint8Array(data), limits, {
		maxPages: limits.maxPages,
	});
	if (!outcome.ok && 'limit' in outcome) {
		return {
			ok: false,
			problem: 'pdf_limit_exceeded',
			message: `${fileName} ${limitStopped(outcome.limit, limits)}. It is too complex for a shipping document; ask the 3PL for a CSV export or a simpler PDF.`,
		};
	}
	if (!outcome.ok) {
		const { name, message } = outcome.error;
		if (name === 'PasswordException') {
			return {
				ok: false,
				problem: 'encrypted_pdf',
				message: `${fileName} is password-protected, so its text cannot be read. Ask the 3PL to send it without a password, or open it and re-save it unprotected.`,
			};
		}
		// Anything else (pdf.js failing to start) is our problem, not the 3PL's file.
		if (!PDF_FORMAT_ERRORS.has(name)) throw new Error(`Reading ${fileName} failed: ${message}`);
		return {
			ok: false,
			problem: 'corrupt_pdf',
			message: `${fileName} is not a readable PDF (${message}). Ask the 3PL to resend it; it may have been cut off in transit.`,
		};
	}
	const { pageCount, pages } = outcome.value;
	const layout = layoutPdf(pages);
	if (layout.characters === 0) {
		return {
			ok: false,
			problem: 'no_text',
			message: `${fileName} has no text in it: it is a scan or an image, and this node does not do OCR. Ask the 3PL for a PDF with text (exported, not scanned) or a CSV.`,
		};
	}
	const truncated =
		pageCount > pages.length
			? {
					problem: 'pdf_limit_exceeded' as const,
					message: `${fileName} has ${pageCount} pages; only the first ${pages.length} were read (limit: pages). Ask the 3PL to split it, or send the rest as a CSV.`,
				}
			: undefined;
	return { ok: true, blocks: layout.blocks, ...(truncated ? { truncated } : {}) };
}
