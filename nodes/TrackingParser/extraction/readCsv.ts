import Papa from 'papaparse';

import type { TextBlock } from './types';

/**
 * A CSV manifest is one table: the header row names the columns, every other row is a shipment.
 * Cells stay strings, so long tracking numbers and order IDs keep every digit.
 */
export function readCsv(text: string): TextBlock[] {
	const parsed = Papa.parse<string[]>(text.replace(/^\uFEFF/, ''), { skipEmptyLines: 'greedy', dynamicTyping: false });
	const lines = parsed.data.map((row) => row.map((cell) => String(cell ?? '').trim()));
	return lines.length ? [{ lines }] : [];
}
