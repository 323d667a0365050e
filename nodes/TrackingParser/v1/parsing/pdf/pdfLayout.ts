import type { DocumentLine, TextBlock } from '../types';
import type { PdfItem, PdfPage } from './pdfItems';
import { continueCell } from './pdfWrappedCells';

/**
 * Rebuilds a PDF's lines, words and table columns from where pdf.js says each run of text is, because a
 * PDF has no "cells": a 3PL's manifest is text drawn at column positions. Tables come out as one block
 * whose rows all have the header's width; other text as lines of cells split where the gap is wide.
 */

interface Word {
	text: string;
	/** Where its first run was drawn in the content stream. */
	order: number;
	x0: number;
	x1: number;
	size: number;
}

interface Line {
	y: number;
	size: number;
	words: Word[];
	/** Words grouped where the gap between them is wide: the cells of free text. */
	cells: Word[];
	text: string;
}

interface Column {
	text: string;
	x0: number;
	x1: number;
}

const median = (values: readonly number[]): number => {
	if (!values.length) return 0;
	const sorted = [...values].sort((a, b) => a - b);
	return sorted[Math.floor(sorted.length / 2)];
};

const isSpace = (item: PdfItem): boolean => item.text.trim() === '';
const isGlyph = (item: PdfItem): boolean => item.text.trim().length === 1;

/**
 * pdf.js writes text drawn with character spacing (Tc) as "1 Z 9 9 9 A A": one space after every glyph.
 * A run of single glyphs is one word again; which of its spaces were real is not recorded, so a
 * letter-spaced phrase comes out without them, but a letter-spaced number comes out whole.
 */
const unspace = (text: string): string =>
	/^(?:\S ){3,}\S$/.test(text.trim()) ? text.replace(/ /g, '') : text;

/** A run of text with its place in the page's content stream, which is the order it was drawn in. */
interface DrawnItem extends PdfItem {
	order: number;
}

/**
 * Joins runs into words by their gaps only (pdf.js reports every gap as a " " run of its own, so a
 * space run says nothing). Generators that letter-space text place every glyph on its own, with a gap
 * that is small against the font size and about the same between all glyphs of the line: those gaps
 * glue glyphs into one word; a gap clearly wider than that typical inter-glyph gap starts a new word.
 * Runs are joined in the order they were drawn, and only where one follows on from the other: text that
 * overflows its cell and overprints the next one ("STAMPS.COM - USPS" over "9400…") stays two words
 * instead of interleaving glyph by glyph.
 */
function toWords(items: readonly DrawnItem[]): { words: Word[]; glue: number } {
	const drawn = items.filter((item) => !isSpace(item)).sort((a, b) => a.order - b.order);
	const glyphGaps: number[] = [];
	for (let i = 1; i < drawn.length; i++) {
		const [a, b] = [drawn[i - 1], drawn[i]];
		const gap = b.x - (a.x + a.width);
		if (isGlyph(a) && isGlyph(b) && gap > -0.1 * a.size && gap < a.size) glyphGaps.push(gap);
	}
	const letterGap = glyphGaps.length >= 3 ? Math.max(0, median(glyphGaps)) : 0;
	const words: Word[] = [];
	for (const item of drawn) {
		const text = unspace(item.text.replace(/\s+/g, ' '));
		const last = words[words.length - 1];
		const em = Math.max(item.size, last?.size ?? 0);
		const gap = last ? item.x - last.x1 : Infinity;
		const glue = Math.max(0.15 * em, letterGap * 1.5 + 0.05 * em);
		// A run that starts well inside the word before it is drawn over it, not after it.
		if (last && !/\s$/.test(last.text) && !/^\s/.test(text) && gap <= glue && gap >= -0.25 * em) {
			last.text += text;
			last.x1 = Math.max(last.x1, item.x + item.width);
		} else {
			words.push({ text, order: item.order, x0: item.x, x1: item.x + item.width, size: item.size });
		}
	}
	for (const word of words) word.text = word.text.trim();
	return {
		words: words.filter((word) => word.text !== '').sort((a, b) => a.x0 - b.x0),
		glue: letterGap,
	};
}

/** Free-text cells: words closer than about a character width belong to one cell. */
function toCells(words: readonly Word[], letterGap: number): Word[] {
	const cells: Word[] = [];
	for (const word of words) {
		const last = cells[cells.length - 1];
		const cellGap = Math.max(1.0 * word.size, letterGap * 2 + 0.6 * word.size);
		if (last && word.x0 - last.x1 < cellGap) {
			last.text += ` ${word.text}`;
			last.x1 = Math.max(last.x1, word.x1);
		} else {
			cells.push({ ...word });
		}
	}
	return cells;
}

/** Items on one baseline (within a fraction of the font size) form a line, top to bottom. */
function pageLines(page: PdfPage): Line[] {
	const items = page.items
		.map((item, order): DrawnItem => ({ ...item, order }))
		.sort((a, b) => a.y - b.y || a.x - b.x);
	const groups: DrawnItem[][] = [];
	let baseline = -Infinity;
	for (const item of items) {
		const group = groups[groups.length - 1];
		if (group && Math.abs(item.y - baseline) <= Math.max(1.5, 0.35 * item.size)) group.push(item);
		else {
			groups.push([item]);
			baseline = item.y;
		}
	}
	return groups.flatMap((group) => {
		const { words, glue } = toWords(group);
		if (!words.length) return [];
		const cells = toCells(words, glue);
		return [
			{
				y: group[0].y,
				size: median(words.map((word) => word.size)),
				words,
				cells,
				text: cells.map((cell) => cell.text).join('\t'),
			},
		];
	});
}

const PAGE_NUMBER = /^(?:page\s*\d+(?:\s*(?:of|\/)\s*\d+)?|\d+\s*(?:of|\/)\s*\d+|-\s*\d+\s*-)$/i;

/**
 * Page furniture: "Page 2 of 3" anywhere, a footer repeated at the same height on several pages (every
 * copy: it would end a table that runs on to the next page), and a page header repeated at the same
 * height (copies after the first: it may name the document, but it must not split a table).
 */
function withoutPageFurniture(pages: ReadonlyArray<{ page: PdfPage; lines: Line[] }>): Line[][] {
	const footerKey = (line: Line): string =>
		`${line.text.replace(/\d+/g, '#')}|${Math.round(line.y / 4)}`;
	const headerKey = (line: Line): string => `${line.text}|${Math.round(line.y / 4)}`;
	const footerPages = new Map<string, number>();
	const headerPages = new Map<string, number>();
	const isFooter = (page: PdfPage, line: Line): boolean => line.y > page.height * 0.88;
	const isHeader = (page: PdfPage, line: Line): boolean => line.y < page.height * 0.12;
	for (const { page, lines } of pages) {
		for (const key of new Set(lines.filter((line) => isFooter(page, line)).map(footerKey)))
			footerPages.set(key, (footerPages.get(key) ?? 0) + 1);
		for (const key of new Set(lines.filter((line) => isHeader(page, line)).map(headerKey)))
			headerPages.set(key, (headerPages.get(key) ?? 0) + 1);
	}
	const repeated = (count: number | undefined): boolean =>
		pages.length >= 2 && (count ?? 0) >= Math.max(2, pages.length / 2);
	const seenHeaders = new Set<string>();
	return pages.map(({ page, lines }) =>
		lines.filter((line) => {
			if (PAGE_NUMBER.test(line.text.replace(/\t/g, ' ').trim())) return false;
			if (isFooter(page, line) && repeated(footerPages.get(footerKey(line)))) return false;
			if (isHeader(page, line) && repeated(headerPages.get(headerKey(line)))) {
				const first = !seenHeaders.has(headerKey(line));
				seenHeaders.add(headerKey(line));
				return first;
			}
			return true;
		}),
	);
}

const isLabel = (text: string): boolean =>
	text.length <= 32 &&
	text.split(/\s+/).length <= 4 &&
	!/\d{3,}/.test(text) &&
	!/:(?:\s|$)/.test(text) &&
	(/^(?:#|no\.?)$/i.test(text) || /[A-Za-z]{2,}/.test(text));

const NAMES_A_COLUMN = /track|order|carrier|ship|ref|sku|#|service|package/i;

function isHeaderLine(line: Line): boolean {
	const cells = line.cells.map((cell) => cell.text);
	return (
		cells.length >= 2 &&
		cells.every(isLabel) &&
		(cells.length >= 3 || cells.some((cell) => NAMES_A_COLUMN.test(cell)))
	);
}

const LABELLED_VALUE = /^[A-Za-z][\w #./-]{0,30}:(?:\s|$)/;

/** The column a word belongs to: the last column starting at or before it, or the next one it sits under. */
function columnOf(columns: readonly Column[], word: Word): number {
	const tolerance = 0.6 * word.size;
	let index = 0;
	columns.forEach((column, i) => {
		if (column.x0 - tolerance <= word.x0) index = i;
	});
	const overlaps = (column: Column): boolean => word.x0 < column.x1 && word.x1 > column.x0;
	// A right-aligned or centred value starts left of its header but sits under it.
	if (!overlaps(columns[index]) && index + 1 < columns.length && overlaps(columns[index + 1]))
		index++;
	return index;
}

function toRow(columns: readonly Column[], line: Line): string[] {
	const cells = columns.map(() => '');
	for (const word of line.words) {
		// Two words drawn over each other: the first drawn overflowed from the cell left of the other's.
		const over = line.words.find(
			(other) => other.order > word.order && other.x0 < word.x1 && other.x1 > word.x0,
		);
		const index = over
			? Math.max(0, Math.min(columnOf(columns, word), columnOf(columns, over) - 1))
			: columnOf(columns, word);
		cells[index] = cells[index] ? `${cells[index]} ${word.text}` : word.text;
	}
	return cells;
}

interface OpenTable {
	columns: Column[];
	header: string;
	/** Whether the first column numbers the rows ("#"): a line with that cell empty is never a new row. */
	numbered: boolean;
	/** The column a data row always fills: the one after "#", else the first. */
	key: number;
	/** Columns whose continuation lines may be further packages: the tracking columns, else all. */
	packageColumns: Set<number>;
	lines: string[][];
	/** The row that wrapped lines continue, and the package line under it that they may continue instead. */
	lastRow?: string[];
	lastPackage?: { line: string[]; column: number };
	/** Baseline of the last line taken in, and of the last data row. */
	lastY: number;
	rowY?: number;
	/** Distance between data rows (not between a row and its wrapped lines), and from the header to the first. */
	pitch: number;
	firstRowGap?: number;
	size: number;
	/** The page the table starts on. */
	page: number;
}

const columnsOf = (line: Line): Column[] =>
	line.cells.map((cell) => ({ text: cell.text, x0: cell.x0, x1: cell.x1 }));

/** The table's header printed again (on the next page, or above the next group of rows). */
function repeatsHeader(open: OpenTable, line: Line): boolean {
	if (line.text === open.header) return true;
	const texts = line.cells.map((cell) => cell.text.toLowerCase());
	return (
		texts.length === open.columns.length &&
		texts.every((text, index) => text === open.columns[index].text.toLowerCase())
	);
}

/** Left-column lines, then right-column lines, for label/value pairs printed side by side. */
function splitTwoColumns(lines: readonly Line[]): DocumentLine[] {
	const gutters = new Map<number, number>();
	for (const line of lines) {
		line.cells.slice(1).forEach((cell) => {
			if (LABELLED_VALUE.test(cell.text))
				gutters.set(Math.round(cell.x0 / 4), (gutters.get(Math.round(cell.x0 / 4)) ?? 0) + 1);
		});
	}
	const best = [...gutters.entries()].sort((a, b) => b[1] - a[1])[0];
	const asCells = (cells: readonly Word[]): DocumentLine => cells.map((cell) => cell.text);
	if (!best) return lines.map((line) => asCells(line.cells));
	const gutter = best[0] * 4 - 2;
	const crosses = (line: Line): boolean =>
		line.cells.some((cell) => cell.x0 < gutter && cell.x1 > gutter + 2);
	const output: DocumentLine[] = [];
	let left: DocumentLine[] = [];
	let right: DocumentLine[] = [];
	const flush = (): void => {
		output.push(...left, ...right);
		left = [];
		right = [];
	};
	for (const line of lines) {
		if (crosses(line)) {
			flush();
			output.push(asCells(line.cells));
			continue;
		}
		const leftCells = line.cells.filter((cell) => cell.x0 < gutter);
		const rightCells = line.cells.filter((cell) => cell.x0 >= gutter);
		if (leftCells.length) left.push(asCells(leftCells));
		if (rightCells.length) right.push(asCells(rightCells));
	}
	flush();
	return output;
}

export interface PdfLayout {
	blocks: TextBlock[];
	/** Letters and digits found on all pages: none means a scan or an image. */
	characters: number;
}

/** Turns the positioned text of a PDF's pages into blocks: free text per page, each table as one block. */
export function layoutPdf(pages: readonly PdfPage[]): PdfLayout {
	const perPage = withoutPageFurniture(pages.map((page) => ({ page, lines: pageLines(page) })));
	const blocks: TextBlock[] = [];
	let text: Line[] = [];
	let table: OpenTable | undefined;
	let characters = 0;
	let page = 0;

	const flushText = (): void => {
		if (text.length) blocks.push({ lines: splitTwoColumns(text), page });
		text = [];
	};
	const closeTable = (): void => {
		if (table) blocks.push({ lines: table.lines, page: table.page });
		table = undefined;
	};
	const openTable = (line: Line): void => {
		flushText();
		closeTable();
		const columns = columnsOf(line);
		const numbered = /^(?:#|no\.?|line)$/i.test(columns[0].text) && columns.length > 2;
		const tracking = columns
			.map((column, index) => (/track/i.test(column.text) ? index : -1))
			.filter((index) => index >= 0);
		table = {
			columns,
			header: line.text,
			numbered,
			key: numbered ? 1 : 0,
			packageColumns: new Set(tracking.length ? tracking : columns.map((_, index) => index)),
			lines: [columns.map((column) => column.text)],
			lastY: line.y,
			pitch: Infinity,
			size: line.size,
			page,
		};
	};
	/** Whether the line under a header candidate reads as a data row of those columns. */
	const confirms = (header: Line, next: Line | undefined): boolean => {
		if (!next || next.y - header.y > 6 * header.size || !/\d/.test(next.text)) return false;
		if (next.cells.some((cell) => LABELLED_VALUE.test(cell.text))) return false;
		const columns = columnsOf(header);
		return new Set(next.words.map((word) => columnOf(columns, word))).size >= 2;
	};
	/** A data row of the open table: its key cell and at least one more filled. */
	const isDataRow = (open: OpenTable, line: Line): boolean => {
		const row = toRow(open.columns, line);
		return row[open.key] !== '' && row.filter((cell) => cell !== '').length >= 2;
	};

	/** A line under a row that goes on with its cells, or lists its next package on a line of its own. */
	const continueRow = (open: OpenTable, row: readonly string[]): void => {
		const above = open.lastRow as string[];
		row.forEach((text, index) => {
			if (!text) return;
			const inPackage = open.lastPackage?.column === index;
			const current = inPackage ? (open.lastPackage as { line: string[] }).line[0] : above[index];
			const next = continueCell(current, text, open.packageColumns.has(index));
			if (next.kind === 'package') {
				const line = [text];
				open.lines.push(line);
				open.lastPackage = { line, column: index };
			} else if (inPackage) {
				(open.lastPackage as { line: string[] }).line[0] = next.text;
			} else {
				above[index] = next.text;
			}
		});
	};

	/** Adds a line to the open table; false when the line is not part of it. `next` is the line after it. */
	const addToTable = (
		open: OpenTable,
		line: Line,
		newPage: boolean,
		next: Line | undefined,
	): boolean => {
		// Distances are measured on one page only.
		if (newPage) open.rowY = undefined;
		if (repeatsHeader(open, line)) {
			// Columns are found again from the repeated header: a later page may place them a little differently.
			if (line.cells.length === open.columns.length) open.columns = columnsOf(line);
			open.lastY = line.y;
			return true;
		}
		const gap = line.y - open.lastY;
		// Before two rows give the pitch, the header's distance to the first row stands in for it.
		const rowPitch = Number.isFinite(open.pitch)
			? open.pitch
			: (open.firstRowGap ?? open.size * 1.4);
		if (!newPage && gap > Math.max(3 * open.size, 2.5 * rowPitch)) return false;
		const row = toRow(open.columns, line);
		const filled = row.filter((cell) => cell !== '').length;
		if (newPage && filled < 2 && !open.lastRow) return false;
		// Closer to the line above than rows are to each other: a wrapped line of the row above.
		const underRow = !newPage && gap < 0.8 * rowPitch;
		const startsRow = open.numbered
			? row[0] !== '' || (row[1] !== '' && !underRow)
			: row[open.key] !== '';
		if (!startsRow && open.lastRow) {
			continueRow(open, row);
			open.lastY = line.y;
			return true;
		}
		if (line.cells.length === 1 && open.columns.length >= 3 && !/\d{5,}/.test(line.text)) {
			// A sub-heading ("UPS — 9 package(s)") groups the rows under it: only when rows of this table follow.
			if (!next || !(repeatsHeader(open, next) || isDataRow(open, next))) return false;
			open.lines.push([line.cells[0].text]);
			open.lastY = line.y;
			return true;
		}
		if (open.lastRow === undefined && !newPage) open.firstRowGap = gap;
		open.lines.push(row);
		open.lastRow = row;
		open.lastPackage = undefined;
		if (open.rowY !== undefined)
			open.pitch = Math.min(open.pitch, Math.max(line.y - open.rowY, open.size));
		open.rowY = line.y;
		open.lastY = line.y;
		return true;
	};

	const all = perPage.flatMap((lines, pageIndex) =>
		lines.map((line, index) => ({ line, pageIndex, index, lines })),
	);
	all.forEach(({ line, pageIndex, index, lines }, position) => {
		if (pageIndex !== page) {
			flushText();
			page = pageIndex;
		}
		characters += (line.text.match(/[\p{L}\p{N}]/gu) ?? []).length;
		const newPage = pageIndex > 0 && index === 0;
		const below = lines.slice(index + 1, index + 4).find((next) => next.cells.length >= 2);
		if (table && !repeatsHeader(table, line) && isHeaderLine(line) && confirms(line, below)) {
			openTable(line);
			return;
		}
		if (table && addToTable(table, line, newPage, all[position + 1]?.line)) return;
		closeTable();
		if (isHeaderLine(line) && confirms(line, below)) openTable(line);
		else text.push(line);
	});
	flushText();
	closeTable();
	return { blocks, characters };
}
