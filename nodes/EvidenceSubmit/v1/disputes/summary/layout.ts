import type { ChecklistLine, EvidenceImage, ScanEvent, WeightCheck } from '../interfaces';

/** A4 at 150 dpi: sharp's PNG and pdf-lib's page share these coordinates (top-left origin, pixels). */
export const PAGE_WIDTH = 1240;
export const PAGE_HEIGHT = 1754;
const MARGIN = 60;
const BOTTOM = PAGE_HEIGHT - 90;

export type Block =
	| { kind: 'text'; x: number; y: number; size: number; bold: boolean; color: string; text: string }
	| { kind: 'rect'; x: number; y: number; width: number; height: number; fill: string };

export interface SummaryData {
	title: string;
	facts: Array<[string, string]>;
	verdict: { label: string; reason: string; color: string };
	scans: ScanEvent[];
	weight?: WeightCheck;
	checklist: ChecklistLine[];
	images: EvidenceImage[];
	comment: string;
	footer: string;
}

export const COLORS = {
	ink: '#1f2328',
	muted: '#57606a',
	rule: '#d0d7de',
	band: '#f3f5f7',
	good: '#1a7f37',
	bad: '#cf222e',
	warn: '#9a6700',
	accent: '#0b5cad',
};

/**
 * Conservative average glyph width of DejaVu Sans (the widest of the fonts used), so text measured here never
 * overflows in the PNG; Helvetica in the PDF is narrower.
 */
const CHAR_WIDTH = 0.6;

export function fitText(text: string, size: number, width: number): string {
	const max = Math.floor(width / (size * CHAR_WIDTH));
	return text.length <= max ? text : `${text.slice(0, Math.max(1, max - 1)).trimEnd()}…`;
}

export function wrapText(text: string, size: number, width: number): string[] {
	const max = Math.floor(width / (size * CHAR_WIDTH));
	const lines: string[] = [];
	let line = '';
	for (const word of text.split(/\s+/).filter(Boolean)) {
		const next = line ? `${line} ${word}` : word;
		if (next.length <= max) line = next;
		else {
			if (line) lines.push(line);
			line = word.length > max ? fitText(word, size, width) : word;
		}
	}
	if (line) lines.push(line);
	return lines;
}

/** Lays the one-page summary out top to bottom; sections that do not fit are cut with a "more" line. */
export function layoutSummary(data: SummaryData): Block[] {
	const blocks: Block[] = [
		{ kind: 'rect', x: 0, y: 0, width: PAGE_WIDTH, height: PAGE_HEIGHT, fill: '#ffffff' },
	];
	let y = MARGIN;
	const text = (
		x: number,
		value: string,
		size: number,
		options: { bold?: boolean; color?: string } = {},
	) =>
		blocks.push({
			kind: 'text',
			x,
			y,
			size,
			bold: options.bold ?? false,
			color: options.color ?? COLORS.ink,
			text: value,
		});
	const room = (needed: number) => y + needed <= BOTTOM;
	const heading = (label: string) => {
		y += 22;
		blocks.push({
			kind: 'rect',
			x: MARGIN,
			y: y - 4,
			width: PAGE_WIDTH - 2 * MARGIN,
			height: 40,
			fill: COLORS.band,
		});
		y += 26;
		text(MARGIN + 14, label, 22, { bold: true, color: COLORS.accent });
		y += 26;
	};

	blocks.push({ kind: 'rect', x: 0, y: 0, width: PAGE_WIDTH, height: 12, fill: COLORS.accent });
	y += 30;
	text(MARGIN, fitText(data.title, 36, PAGE_WIDTH - 2 * MARGIN), 36, { bold: true });
	y += 40;
	text(MARGIN, data.verdict.label, 24, { bold: true, color: data.verdict.color });
	y += 30;
	for (const line of wrapText(data.verdict.reason, 19, PAGE_WIDTH - 2 * MARGIN).slice(0, 3)) {
		text(MARGIN, line, 19, { color: COLORS.muted });
		y += 26;
	}

	heading('Order facts');
	for (const [label, value] of data.facts) {
		text(MARGIN + 14, label, 19, { bold: true, color: COLORS.muted });
		text(MARGIN + 300, fitText(value, 19, PAGE_WIDTH - 2 * MARGIN - 300), 19);
		y += 28;
	}

	if (data.scans.length) {
		heading('Carrier scan timeline');
		const shown = data.scans.slice(-10);
		for (const scan of shown) {
			const key = scan.kind === 'acceptance' || scan.kind === 'delivered';
			const color = key ? COLORS.good : scan.kind === 'label_created' ? COLORS.warn : COLORS.ink;
			blocks.push({ kind: 'rect', x: MARGIN + 14, y: y - 13, width: 10, height: 10, fill: color });
			text(MARGIN + 34, fitText(scan.time.replace('T', ' '), 18, 290), 18, { color: COLORS.muted });
			text(MARGIN + 330, fitText(scan.description, 18, 470), 18, { bold: key, color });
			text(MARGIN + 810, fitText(scan.location ?? '', 18, PAGE_WIDTH - 2 * MARGIN - 840), 18, {
				color: COLORS.muted,
			});
			y += 27;
		}
		if (data.scans.length > shown.length) {
			text(MARGIN + 34, `(${data.scans.length - shown.length} earlier scans not shown)`, 16, {
				color: COLORS.muted,
			});
			y += 24;
		}
	}

	if (
		data.weight &&
		(data.weight.shippedGrams !== undefined || data.weight.returnedGrams !== undefined)
	) {
		heading('Weights');
		const weight = data.weight;
		text(
			MARGIN + 14,
			`Shipped: ${weight.shippedGrams ?? '-'} g     Returned: ${weight.returnedGrams ?? '-'} g`,
			20,
			{ bold: true },
		);
		y += 28;
		for (const line of wrapText(weight.message, 18, PAGE_WIDTH - 2 * MARGIN - 14).slice(0, 2)) {
			text(MARGIN + 14, line, 18, {
				color: weight.flaggedForFraudReview ? COLORS.bad : COLORS.muted,
			});
			y += 25;
		}
	}

	if (data.checklist.length) {
		heading('Evidence checklist');
		for (const line of data.checklist) {
			if (!room(60)) break;
			const mark = line.present ? 'PRESENT' : line.required ? 'MISSING' : 'not given';
			const color = line.present ? COLORS.good : line.required ? COLORS.bad : COLORS.muted;
			text(MARGIN + 14, mark, 17, { bold: true, color });
			text(
				MARGIN + 150,
				fitText(
					`${line.label}${line.required ? '' : ' (helps)'}`,
					18,
					PAGE_WIDTH - 2 * MARGIN - 150,
				),
				18,
				{ bold: true },
			);
			y += 24;
			// What is missing gets two lines: the second usually holds what to do.
			const detail = wrapText(line.detail, 16, PAGE_WIDTH - 2 * MARGIN - 150);
			const shown = line.required && !line.present ? detail.slice(0, 2) : detail.slice(0, 1);
			shown.forEach((part, index) => {
				const last = index === shown.length - 1;
				text(
					MARGIN + 150,
					last && detail.length > shown.length
						? fitText(`${part} …`, 16, PAGE_WIDTH - 2 * MARGIN - 150)
						: part,
					16,
					{ color: COLORS.muted },
				);
				y += last ? 28 : 21;
			});
		}
	}

	if (data.images.length && room(120)) {
		heading('Photos attached');
		for (const [index, image] of data.images.entries()) {
			if (!room(56)) {
				text(MARGIN + 14, `(${data.images.length - index} more)`, 16, { color: COLORS.muted });
				y += 24;
				break;
			}
			const taken = image.capturedAt
				? `${image.captureSource === 'exif' ? 'taken' : 'listed'} ${image.capturedAt}`
				: 'no capture date';
			text(
				MARGIN + 14,
				fitText(
					`${image.fileName} - ${image.kind.replace(/_/g, ' ')} - ${taken}`,
					17,
					PAGE_WIDTH - 2 * MARGIN - 14,
				),
				17,
			);
			y += 26;
		}
	}

	if (data.comment && room(110)) {
		heading('Our answer');
		for (const line of wrapText(data.comment, 18, PAGE_WIDTH - 2 * MARGIN - 14)) {
			if (!room(30)) break;
			text(MARGIN + 14, line, 18);
			y += 26;
		}
	}

	y = PAGE_HEIGHT - 50;
	text(MARGIN, fitText(data.footer, 15, PAGE_WIDTH - 2 * MARGIN), 15, { color: COLORS.muted });
	return blocks;
}
