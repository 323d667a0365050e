import Papa from 'papaparse';
import { Readable } from 'node:stream';
import { StringDecoder } from 'node:string_decoder';

/**
 * Text handed to papaparse per call (about 60 rows). A batch's rows stay alive until they are read into the ledger;
 * the fewer rows survive each young-generation collection, the longer V8 on Node 24 keeps its young generation at
 * 32 MB instead of doubling it to 64 MB. Measured on the 1M-row bench: 8 KB batches end reading at ~157 MB RSS,
 * 16–64 KB batches at ~180–190 MB, at the same CPU time.
 */
export const PARSE_BATCH_CHARS = 8 * 1024;

/**
 * Longest physical line read. Papaparse re-reads an unfinished row with every batch, so one endless line costs time
 * quadratic in its length (an 8 MB line took 39 s); a Seller Center row is under 2 KB.
 */
export const MAX_LINE_CHARS = 256 * 1024;

export class LineTooLongError extends Error {
	constructor(readonly line: number) {
		super(
			`Line ${line} is longer than ${MAX_LINE_CHARS / 1024} KB: that is not a report row. Is the file damaged, or not a CSV export?`,
		);
	}
}

/**
 * Streams CSV records to `onRecord` with their physical line number (header = 1, a quoted cell's line breaks counted),
 * never holding the file: papaparse
 * parses each batch as it arrives and the callback runs synchronously, so the stream cannot run ahead of it.
 * `problem` is papaparse's complaint about the record (an unclosed quote, for instance). `onBatch` learns after each
 * batch how many characters have been parsed into how many records.
 */
export function streamCsvRecords(
	stream: Readable,
	onRecord: (cells: string[], line: number, problem?: string) => void,
	onBatch?: (charactersParsed: number, records: number) => void,
): Promise<number> {
	return new Promise((resolve, reject) => {
		let line = 0;
		let failed = false;
		// Papaparse reads a stream of text; pulled with read() rather than on 'data', the source starts fetching its
		// next chunk before the current one is parsed, so reading the file overlaps parsing it.
		// A failure of the text itself (a line too long) is reported as itself, not as the abort it causes downstream.
		async function* batches(): AsyncGenerator<string> {
			try {
				yield* textBatches(stream, PARSE_BATCH_CHARS);
			} catch (error) {
				fail(error);
			}
		}
		const text = Readable.from(batches());
		const fail = (error: unknown) => {
			if (failed) return;
			failed = true;
			text.destroy();
			reject(error instanceof Error ? error : new Error(String(error)));
		};
		stream.on('error', fail);
		text.on('error', fail);
		Papa.parse<string[], Readable>(text, {
			header: false,
			skipEmptyLines: false,
			chunk: (results, parser) => {
				if (failed) return parser.abort();
				const rows = results.data;
				let problems: Map<number, string> | undefined;
				for (const error of results.errors) {
					if (error.row !== undefined && error.row !== null)
						(problems ??= new Map()).set(error.row, error.message);
				}
				try {
					for (let index = 0; index < rows.length; index++) {
						const cells = rows[index];
						onRecord(cells, line + 1, problems?.get(index));
						line += 1 + lineBreaksIn(cells);
					}
					onBatch?.(results.meta.cursor, line);
				} catch (error) {
					fail(error);
					parser.abort();
				}
			},
			complete: () => {
				if (!failed) resolve(line);
			},
			error: (error: Error) => fail(error),
		});
	});
}

/**
 * The stream as text of at most `size` characters per batch. UTF-8 is decoded across chunk boundaries (a character
 * split between two chunks is completed, not mangled); a large chunk is cut into batches as slices, not copies.
 */
export async function* textBatches(stream: Readable, size: number): AsyncGenerator<string> {
	const decoder = new StringDecoder('utf8');
	const lines = new LineLengthGuard();
	for await (const chunk of stream as AsyncIterable<Buffer | string>) {
		const text = typeof chunk === 'string' ? chunk : decoder.write(chunk);
		lines.check(text);
		if (text.length <= size) {
			if (text.length > 0) yield text;
			continue;
		}
		for (let start = 0; start < text.length; start += size) yield text.slice(start, start + size);
	}
	const rest = decoder.end();
	if (rest.length > 0) yield rest;
}

/** Line breaks inside a record's quoted cells: each one is a physical line of the file. */
function lineBreaksIn(cells: string[]): number {
	let breaks = 0;
	for (const cell of cells) {
		for (let at = cell.indexOf('\n'); at !== -1; at = cell.indexOf('\n', at + 1)) breaks++;
	}
	return breaks;
}

/** Fails the read at the first physical line longer than MAX_LINE_CHARS, before the parser is handed it. */
class LineLengthGuard {
	private line = 1;
	private length = 0;

	check(text: string): void {
		let start = 0;
		for (let at = text.indexOf('\n'); at !== -1; at = text.indexOf('\n', start)) {
			if (this.length + at - start > MAX_LINE_CHARS) throw new LineTooLongError(this.line);
			this.line++;
			this.length = 0;
			start = at + 1;
		}
		this.length += text.length - start;
		if (this.length > MAX_LINE_CHARS) throw new LineTooLongError(this.line);
	}
}
