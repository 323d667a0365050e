import { readHeader, type ColumnRoles } from './tableHeaders';
import type { DocumentLine, TextBlock } from './types';

export interface UnitLine {
	cells: DocumentLine;
	/** Cells joined by tabs: a tab ends a number, so neighbouring cells never merge into one. */
	text: string;
	lineNo: number;
}

/**
 * Lines that describe one shipment together: a table row (with the lines wrapped under it) or a
 * paragraph of text. An order named in a unit owns the tracking numbers of that unit.
 */
export interface DocumentUnit {
	row?: { cells: DocumentLine; roles: ColumnRoles };
	lines: UnitLine[];
	/** The PDF page of its block, when the document has pages. */
	page?: number;
}

export function documentUnits(blocks: readonly TextBlock[]): {
	units: DocumentUnit[];
	lines: UnitLine[];
} {
	const units: DocumentUnit[] = [];
	const lines: UnitLine[] = [];
	for (const block of blocks) {
		let header: ColumnRoles | undefined;
		const page = block.page;
		let unit: DocumentUnit = { lines: [], page };
		units.push(unit);
		for (const cells of block.lines) {
			const line: UnitLine = { cells, text: cells.join('\t'), lineNo: lines.length };
			lines.push(line);
			const newHeader = readHeader(cells);
			if (newHeader) {
				header = newHeader;
				unit = { lines: [], page };
				units.push(unit);
				continue;
			}
			if (header && cells.length === header.width) {
				unit = { row: { cells, roles: header }, lines: [], page };
				units.push(unit);
				continue;
			}
			unit.lines.push(line);
		}
	}
	return { units: units.filter((unit) => unit.row || unit.lines.length), lines };
}
