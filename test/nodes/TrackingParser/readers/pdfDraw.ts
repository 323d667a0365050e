import { PDFDocument, StandardFonts, type PDFFont, type PDFPage } from 'pdf-lib';

/** Text to draw, in points from the top-left corner as a person reads the page. */
export interface Drawn {
	x: number;
	y: number;
	text: string;
	size?: number;
	/** Draws every glyph on its own, this many points apart (letter-spaced output of some label printers). */
	letterSpacing?: number;
}

function draw(page: PDFPage, font: PDFFont, item: Drawn): void {
	const size = item.size ?? 9;
	const y = page.getHeight() - item.y;
	if (item.letterSpacing === undefined) {
		page.drawText(item.text, { x: item.x, y, size, font });
		return;
	}
	let x = item.x;
	for (const glyph of item.text) {
		if (glyph !== ' ') page.drawText(glyph, { x, y, size, font });
		x += font.widthOfTextAtSize(glyph, size) + item.letterSpacing;
	}
}

/** A Letter-size PDF with Helvetica text drawn where each page's items say. */
export async function drawPdf(
	pages: ReadonlyArray<readonly Drawn[]>,
	options: { rectanglesOnly?: boolean } = {},
): Promise<Buffer> {
	const doc = await PDFDocument.create();
	const font = await doc.embedFont(StandardFonts.Helvetica);
	for (const items of pages) {
		const page = doc.addPage([612, 792]);
		if (options.rectanglesOnly)
			page.drawRectangle({ x: 40, y: 40, width: 500, height: 700, borderWidth: 1 });
		for (const item of items) draw(page, font, item);
	}
	return Buffer.from(await doc.save());
}

/** Cells of one row at the given column positions; empty strings draw nothing. */
export const row = (
	y: number,
	columns: readonly number[],
	cells: readonly string[],
	size = 9,
): Drawn[] =>
	cells
		.map((text, index) => ({ x: columns[index], y, text, size }))
		.filter((item) => item.text !== '');
