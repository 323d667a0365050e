import Papa from 'papaparse';
import type { Readable } from 'node:stream';

/**
 * Streams CSV records to `onRecord` with their spreadsheet row number (header = 1), never holding the file: papaparse
 * parses each chunk as it arrives and the callback runs synchronously, so the stream cannot run ahead of it.
 * `problem` is papaparse's complaint about the record (an unclosed quote, for instance).
 */
export function streamCsvRecords(stream: Readable, onRecord: (cells: string[], line: number, problem?: string) => void): Promise<number> {
	return new Promise((resolve, reject) => {
		let line = 0;
		let failed = false;
		const fail = (error: unknown) => {
			if (failed) return;
			failed = true;
			reject(error instanceof Error ? error : new Error(String(error)));
		};
		// Decode in the stream: a UTF-8 character split across two chunks must not be decoded chunk by chunk.
		stream.setEncoding('utf8');
		stream.on('error', fail);
		Papa.parse<string[]>(stream as unknown as File, {
			header: false,
			skipEmptyLines: false,
			chunk: (results, parser) => {
				if (failed) return parser.abort();
				const problems = new Map<number, string>();
				for (const error of results.errors) if (error.row !== undefined && error.row !== null) problems.set(error.row, error.message);
				const rows = results.data;
				try {
					for (let index = 0; index < rows.length; index++) onRecord(rows[index], ++line, problems.get(index));
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
