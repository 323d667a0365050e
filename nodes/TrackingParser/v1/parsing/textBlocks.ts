import type { DocumentLine, TextBlock } from './types';

const isBlank = (line: DocumentLine): boolean => line.every((cell) => cell.trim() === '');

/** Blank lines separate blocks: a paragraph of an email, a section of a page. */
export function linesToBlocks(lines: ReadonlyArray<DocumentLine>): TextBlock[] {
	const blocks: TextBlock[] = [];
	let current: DocumentLine[] = [];
	for (const line of lines) {
		if (isBlank(line)) {
			if (current.length) blocks.push({ lines: current });
			current = [];
		} else {
			current.push(line);
		}
	}
	if (current.length) blocks.push({ lines: current });
	return blocks;
}

/** Plain text: tabs separate cells (text tables pasted into emails keep them). */
export function textToBlocks(text: string): TextBlock[] {
	return linesToBlocks(
		text
			.replace(/\r\n?/g, '\n')
			.split('\n')
			.map((line) => line.split('\t').map((cell) => cell.trim())),
	);
}
