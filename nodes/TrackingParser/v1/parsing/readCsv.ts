import Papa from 'papaparse';

import { decodeText } from './decodeText';
import type { TextBlock } from './types';

const DELIMITERS = [',', ';', '\t', '|'];

/**
 * The delimiter used the same number of times (outside quotes) on the first lines: a comma in
 * "Smith, Jane" does not outvote the semicolons of a German Excel export.
 */
export function sniffDelimiter(text: string): string {
	const lines = text
		.split(/\r\n?|\n/)
		.filter((line) => line.trim() !== '')
		.slice(0, 10);
	let best = { delimiter: ',', score: 0 };
	for (const delimiter of DELIMITERS) {
		const counts = lines.map(
			(line) => line.replace(/"(?:[^"]|"")*"/g, '').split(delimiter).length - 1,
		);
		const header = counts[0] ?? 0;
		if (header === 0) continue;
		// Lines that agree with the header's count, weighted by how many columns that makes.
		const score = counts.filter((count) => count === header).length * 100 + header;
		if (score > best.score) best = { delimiter, score };
	}
	return best.delimiter;
}

/** Excel's ways of keeping a number as text: ="9400…" and a leading apostrophe. */
function unguard(cell: string): string {
	const trimmed = cell.trim();
	const formula = /^="(.*)"$/.exec(trimmed);
	if (formula) return formula[1].replace(/""/g, '"').trim();
	if (/^'[A-Za-z0-9+]/.test(trimmed)) return trimmed.slice(1);
	return trimmed;
}

/**
 * A CSV or TSV manifest is one table: the header row names the columns, every other row is a shipment
 * with the header's width. Cells stay strings, so long tracking numbers and order IDs keep every digit.
 */
export function readCsv(data: Buffer | string): TextBlock[] {
	const text = (typeof data === 'string' ? data : decodeText(data)).replace(/^\uFEFF/, '');
	const parsed = Papa.parse<string[]>(text, {
		delimiter: sniffDelimiter(text),
		skipEmptyLines: 'greedy',
		dynamicTyping: false,
	});
	const rows = parsed.data.map((row) => row.map((cell) => unguard(String(cell ?? ''))));
	if (!rows.length) return [];
	const width = rows[0].length;
	const lines = rows.map((row) => {
		// Trailing empty cells past the header (a trailing delimiter) go; short rows are padded.
		const cells = [...row];
		while (cells.length > width && cells[cells.length - 1] === '') cells.pop();
		while (cells.length < width) cells.push('');
		return cells;
	});
	return [{ lines }];
}
