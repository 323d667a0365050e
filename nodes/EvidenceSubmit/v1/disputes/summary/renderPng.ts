import sharp from 'sharp';

import { PAGE_HEIGHT, PAGE_WIDTH, type Block } from './layout';

/** Fonts most Linux images carry; librsvg takes the first it finds through fontconfig. */
const FONT_FAMILY = "'DejaVu Sans', 'Liberation Sans', 'Noto Sans', Arial, Helvetica, sans-serif";

const escapeXml = (value: string) =>
	// Control characters are not allowed in XML at all.
	value
		// eslint-disable-next-line no-control-regex
		.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/g, '')
		.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);

export function summarySvg(blocks: Block[]): string {
	const body = blocks
		.map((block) =>
			block.kind === 'rect'
				? `<rect x="${block.x}" y="${block.y}" width="${block.width}" height="${block.height}" fill="${block.fill}"/>`
				: `<text x="${block.x}" y="${block.y}" font-size="${block.size}" font-weight="${block.bold ? 700 : 400}" fill="${block.color}">${escapeXml(block.text)}</text>`,
		)
		.join('\n');
	return `<svg xmlns="http://www.w3.org/2000/svg" width="${PAGE_WIDTH}" height="${PAGE_HEIGHT}" viewBox="0 0 ${PAGE_WIDTH} ${PAGE_HEIGHT}" font-family="${FONT_FAMILY}">\n${body}\n</svg>`;
}

export async function renderSummaryPng(blocks: Block[]): Promise<Buffer> {
	return await sharp(Buffer.from(summarySvg(blocks)), { density: 72 })
		.png({ compressionLevel: 9, palette: true })
		.toBuffer();
}

let fontCheck: Promise<boolean> | undefined;

/**
 * Whether this machine can draw text into the PNG. A slim container without any font renders the SVG's text as
 * nothing; the packet then says so (the PDF uses built-in fonts and is unaffected).
 */
export function canRenderText(): Promise<boolean> {
	fontCheck ??= (async () => {
		const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="120" height="40"><rect width="120" height="40" fill="#fff"/><text x="4" y="30" font-size="28" font-family="${FONT_FAMILY}" fill="#000">Hg8</text></svg>`;
		const { channels } = await sharp(Buffer.from(svg)).stats();
		return channels[0].min < 128;
	})().catch(() => false);
	return fontCheck;
}
