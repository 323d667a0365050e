/** What the PDF worker thread sends back: positioned text, nothing that needs pdf.js to read. */

/** One run of text as pdf.js reports it, in points from the page's top-left corner. */
export interface PdfItem {
	text: string;
	/** Left edge of the run. */
	x: number;
	/** Baseline, from the top of the page. */
	y: number;
	width: number;
	/** Font size, from the text matrix. */
	size: number;
}

export interface PdfPage {
	width: number;
	height: number;
	items: PdfItem[];
}

export interface PdfJobOptions {
	maxPages: number;
}

/** A PDF's positioned text: its page count, and the pages read (up to the limit). */
export interface PdfText {
	pageCount: number;
	pages: PdfPage[];
}
