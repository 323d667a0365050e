import { PDFDocument, StandardFonts, rgb } from 'pdf-lib';

import { PAGE_HEIGHT, PAGE_WIDTH, type Block } from './layout';

/** A4 in PDF points. */
const A4_WIDTH = 595.28;
const SCALE = A4_WIDTH / PAGE_WIDTH;

const REPLACEMENTS: Record<string, string> = {
	'…': '...',
	'–': '-',
	'—': '-',
	'‘': "'",
	'’': "'",
	'“': '"',
	'”': '"',
	'→': '->',
	'•': '-',
};

/** pdf-lib's built-in Helvetica encodes WinAnsi only; anything else becomes "?" instead of failing the packet. */
export function toWinAnsi(text: string): string {
	return [...text]
		.map((char) => REPLACEMENTS[char] ?? char)
		.join('')
		.replace(/[^\x20-\x7e\xa0-\xff]/g, '?');
}

function color(hex: string) {
	const value = Number.parseInt(hex.slice(1), 16);
	return rgb(((value >> 16) & 255) / 255, ((value >> 8) & 255) / 255, (value & 255) / 255);
}

export interface PdfInfo {
	title: string;
	subject: string;
	/** Fixed, so the same packet gives the same file. */
	createdAt: Date;
}

/** The same layout as the PNG, as real text (searchable, sharp at any zoom) for a manual upload in Seller Center. */
export async function renderSummaryPdf(blocks: Block[], info: PdfInfo): Promise<Buffer> {
	const pdf = await PDFDocument.create();
	pdf.setTitle(toWinAnsi(info.title));
	pdf.setSubject(toWinAnsi(info.subject));
	pdf.setCreator('n8n-nodes-tiktok-shop-ops');
	pdf.setProducer('pdf-lib');
	pdf.setCreationDate(info.createdAt);
	pdf.setModificationDate(info.createdAt);
	const regular = await pdf.embedFont(StandardFonts.Helvetica);
	const bold = await pdf.embedFont(StandardFonts.HelveticaBold);
	const page = pdf.addPage([A4_WIDTH, PAGE_HEIGHT * SCALE]);
	for (const block of blocks) {
		if (block.kind === 'rect') {
			page.drawRectangle({
				x: block.x * SCALE,
				y: (PAGE_HEIGHT - block.y - block.height) * SCALE,
				width: block.width * SCALE,
				height: block.height * SCALE,
				color: color(block.fill),
			});
		} else {
			page.drawText(toWinAnsi(block.text), {
				x: block.x * SCALE,
				y: (PAGE_HEIGHT - block.y) * SCALE,
				size: block.size * SCALE,
				font: block.bold ? bold : regular,
				color: color(block.color),
			});
		}
	}
	return Buffer.from(await pdf.save());
}
