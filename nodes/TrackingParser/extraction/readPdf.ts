import { PDFParse } from 'pdf-parse';

import { linesToBlocks } from './textBlocks';
import type { TextBlock } from './types';

/** The PDF's text, or why it could not be read in terms an operations person can act on. */
export type PdfText =
	| { ok: true; blocks: TextBlock[] }
	| { ok: false; problem: 'encrypted_pdf' | 'corrupt_pdf'; message: string };

// pdf.js reports each separately positioned run of text as its own item and fills the gap to the next
// run with a blank item. Joining items with a marker lets a gap between runs become a cell boundary,
// which is what a packing slip's or manifest's table columns are.
const ITEM_MARK = '\u0001';
const GAP_BETWEEN_RUNS = new RegExp(`${ITEM_MARK}[ \\t]+${ITEM_MARK}`, 'g');
const PAGE_BREAK = '\f';
/** pdf.js's names for a file that is not a well-formed PDF. */
const PDF_FORMAT_ERRORS = new Set(['InvalidPDFException', 'FormatError', 'UnknownErrorException']);

function pageToLines(text: string): string[][] {
	return text
		.replace(GAP_BETWEEN_RUNS, '\t')
		.split(ITEM_MARK)
		.join('')
		.split('\n')
		.map((line) => line.split('\t').map((cell) => cell.trim()));
}

/** Each page is a block, each page line a row of cells. */
export async function readPdf(data: Buffer, fileName: string): Promise<PdfText> {
	const parser = new PDFParse({ data: new Uint8Array(data) });
	try {
		const result = await parser.getText({ itemJoiner: ITEM_MARK, cellSeparator: '', pageJoiner: PAGE_BREAK });
		return { ok: true, blocks: result.pages.flatMap((page) => linesToBlocks(pageToLines(page.text))) };
	} catch (error) {
		const name = (error as Error).name;
		if (name === 'PasswordException') {
			return {
				ok: false,
				problem: 'encrypted_pdf',
				message: `${fileName} is password-protected, so its text cannot be read. Ask the 3PL to send it without a password, or open it and re-save it unprotected.`,
			};
		}
		// Anything else (pdf.js failing to start, out of memory) is our problem, not the 3PL's file.
		// eslint-disable-next-line @n8n/community-nodes/require-node-api-error -- the router converts it with the item index
		if (!PDF_FORMAT_ERRORS.has(name)) throw error;
		return {
			ok: false,
			problem: 'corrupt_pdf',
			message: `${fileName} is not a readable PDF (${(error as Error).message}). Ask the 3PL to resend it; it may have been cut off in transit.`,
		};
	} finally {
		await parser.destroy();
	}
}
