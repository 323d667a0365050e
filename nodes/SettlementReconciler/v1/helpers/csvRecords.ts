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
 * Streams CSV records to `onRecord` with their spreadsheet row number (header = 1), never holding the file: papaparse
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
		const text = Readable.from(textBatches(stream, PARSE_BATCH_CHARS));
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
					if (error.row !== undefined && error.row !== null) (problems ??= new Map()).set(error.row, error.message);
				}
				try {
					for (let index = 0; index < rows.length; index++) onRecord(rows[index], ++line, problems?.get(index));
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
	for await (const chunk of stream as AsyncIterable<Buffer | string>) {
		const text = typeof chunk === 'string' ? chunk : decoder.write(chunk);
		if (text.length <= size) {
			if (text.length > 0) yield text;
			continue;
		}
		for (let start = 0; start < text.length; start += size) yield text.slice(start, start + size);
	}
	const rest = decoder.end();
	if (rest.length > 0) yield rest;
}
