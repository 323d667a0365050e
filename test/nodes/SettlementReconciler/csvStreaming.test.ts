import { Readable } from 'node:stream';

import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { decodedSlices } from '../../../nodes/SettlementReconciler/v1/reconciliation/binaryStream';
import {
	PARSE_BATCH_CHARS,
	streamCsvRecords,
	textBatches,
} from '../../../nodes/SettlementReconciler/v1/reconciliation/csvRecords';
import { OrderLedger } from '../../../nodes/SettlementReconciler/v1/reconciliation/orderLedger';
import { RateTable } from '../../../nodes/SettlementReconciler/v1/reconciliation/rateTable';
import { readSettlementCsv } from '../../../nodes/SettlementReconciler/v1/reconciliation/settlementCsv';
import {
	csvItem,
	runReconciler,
	storedCsvItem,
	summaryOf,
} from '../../../dev/harness/runReconciler';

const HEADER =
	'Order ID,Settlement date,Category,Net sales,Commission fee,Adjustment amount,Total settlement amount';

/** Rows a report would have, as many as it takes to pass `chars` characters. */
function rowsUntil(chars: number, newline = '\n'): string[] {
	const rows: string[] = [];
	let length = HEADER.length + newline.length;
	for (let n = 0; length < chars; n++) {
		const row = `5763${String(n).padStart(14, '0')},2025-01-10,Home Supplies,"$1,000.00",($50.00),$0.00,$950.00`;
		rows.push(row);
		length += row.length + newline.length;
	}
	return rows;
}

/** The bytes of `text` delivered in the given chunk sizes, the way a file or network stream hands them over. */
function chunked(text: string, sizes: (offset: number) => number): Readable {
	const bytes = Buffer.from(text, 'utf8');
	const chunks: Buffer[] = [];
	for (let offset = 0; offset < bytes.length;) {
		const size = Math.max(1, sizes(offset));
		chunks.push(bytes.subarray(offset, offset + size));
		offset += size;
	}
	return Readable.from(chunks, { objectMode: false });
}

async function records(
	stream: Readable,
): Promise<Array<{ cells: string[]; line: number; problem?: string }>> {
	const seen: Array<{ cells: string[]; line: number; problem?: string }> = [];
	await streamCsvRecords(stream, (cells, line, problem) =>
		seen.push({ cells, line, ...(problem ? { problem } : {}) }),
	);
	return seen;
}

const rates = () =>
	new RateTable({ nonApparelPercent: 5, apparelPercent: 8, apparelKeywords: ['wear'], rules: [] });

describe('CSV text reaches papaparse intact, whatever the chunking', () => {
	it('completes a UTF-8 character split between two chunks instead of mangling it', async () => {
		const csv = `${HEADER}\n576300000000000001,2025-01-10,Café & Crème – Décor 🧺,$10.00,($0.50),$0.00,$9.50\n`;
		const split = Buffer.from(csv, 'utf8').indexOf(Buffer.from('é', 'utf8')) + 1; // between the two bytes of "é"
		const seen = await records(chunked(csv, (offset) => (offset === 0 ? split : 3)));
		expect(seen[1].cells[2]).toBe('Café & Crème – Décor 🧺');
		expect(seen.map((record) => record.line)).toEqual([1, 2]);
	});

	it('cuts one large chunk into bounded batches without splitting a quoted field or a CRLF', async () => {
		const rows = rowsUntil(PARSE_BATCH_CHARS * 2.5, '\r\n');
		// A quoted cell with a comma and a line break, placed across the first batch boundary.
		const before = HEADER.length + 2 + rows.slice(0, 40).join('\r\n').length + 2;
		const filler = 'x'.repeat(PARSE_BATCH_CHARS - before - 60);
		rows[40] = `576399999999999999,2025-01-10,"Home, Garden\r\n& Patio ${filler}","$1,000.00",($50.00),$0.00,$950.00`;
		const csv = `${HEADER}\r\n${rows.join('\r\n')}\r\n`;
		expect(csv.indexOf(filler) + filler.length).toBeGreaterThan(PARSE_BATCH_CHARS - 60);
		expect(csv.indexOf('& Patio')).toBeLessThan(PARSE_BATCH_CHARS);

		const batches: string[] = [];
		for await (const batch of textBatches(
			Readable.from([Buffer.from(csv, 'utf8')], { objectMode: false }),
			PARSE_BATCH_CHARS,
		))
			batches.push(batch);
		expect(batches.length).toBe(Math.ceil(csv.length / PARSE_BATCH_CHARS));
		expect(Math.max(...batches.map((batch) => batch.length))).toBe(PARSE_BATCH_CHARS);
		expect(batches.join('')).toBe(csv);

		const seen = await records(Readable.from([Buffer.from(csv, 'utf8')], { objectMode: false }));
		expect(seen).toHaveLength(rows.length + 1);
		expect(seen[41].cells[2]).toBe(`Home, Garden\r\n& Patio ${filler}`);
		expect(seen.every((record) => record.cells.length === 7 && !record.problem)).toBe(true);
		// Physical lines, as a text editor numbers them: the record with the quoted line break spans lines 42 and 43.
		expect(seen.map((record) => record.line)).toEqual(
			seen.map((_, index) => (index <= 41 ? index + 1 : index + 2)),
		);
	});

	it('gives the same records for one-byte chunks as for the whole file', async () => {
		const csv = `${HEADER}\n${rowsUntil(3000).join('\n')}\n"unterminated,2025-01-10\n`;
		const whole = await records(chunked(csv, () => Number.MAX_SAFE_INTEGER));
		const bytewise = await records(chunked(csv, () => 1));
		expect(bytewise).toEqual(whole);
		expect(whole[whole.length - 1].problem).toBe('Quoted field unterminated');
	});

	it('rejects when the source fails mid-file, rather than reporting a short file as complete', async () => {
		const rows = rowsUntil(PARSE_BATCH_CHARS * 2);
		const source = new Readable({ read() {} });
		source.push(Buffer.from(`${HEADER}\n${rows.slice(0, 100).join('\n')}\n`));
		setImmediate(() => source.destroy(new Error('disk read failed')));
		await expect(
			readSettlementCsv(source, new OrderLedger(), {
				rates: rates(),
				zone: 'UTC',
				maxRejectedListed: 10,
			}),
		).rejects.toThrow('disk read failed');
	});

	it('stops reading when no header turns up, and stops the source', async () => {
		const lines = Array.from({ length: 50_000 }, (_, n) => `note ${n}, not a header`);
		const source = chunked(`${lines.join('\n')}\n`, () => 4096);
		await expect(
			readSettlementCsv(source, new OrderLedger(), {
				rates: rates(),
				zone: 'UTC',
				maxRejectedListed: 10,
			}),
		).rejects.toThrow('The report is missing an order ID column');
		await new Promise((resolve) => setImmediate(resolve));
		expect(source.destroyed).toBe(true);
	});
});

describe('the ledger is sized from the report before it fills', () => {
	const parameters = {
		operation: 'reconcileCsv',
		binaryPropertyName: 'data',
		options: { asOf: '2025-01-20' },
	};
	const reservations = () => jest.spyOn(OrderLedger.prototype, 'reserve');
	afterEach(() => jest.restoreAllMocks());

	it('estimates the rows from the file size n8n recorded and the length of the first rows', async () => {
		const rows = rowsUntil(600_000);
		const folder = mkdtempSync(join(tmpdir(), 'settlement-'));
		try {
			writeFileSync(join(folder, 'statement.csv'), `${HEADER}\n${rows.join('\n')}\n`);
			const reserve = reservations();
			const out = await runReconciler({
				items: [storedCsvItem(join(folder, 'statement.csv'))],
				parameters,
			});
			expect(reserve).toHaveBeenCalledTimes(1);
			expect(reserve.mock.calls[0][0]).toBeGreaterThan(rows.length * 0.95);
			expect(reserve.mock.calls[0][0]).toBeLessThan(rows.length * 1.05);
			expect(summaryOf(out).ordersChecked).toBe(rows.length);
		} finally {
			rmSync(folder, { recursive: true, force: true });
		}
	});

	it('estimates from the decoded size of a report kept in memory as base64', async () => {
		const rows = rowsUntil(300_000);
		const reserve = reservations();
		await runReconciler({ items: [csvItem(`${HEADER}\n${rows.join('\n')}\n`)], parameters });
		expect(reserve).toHaveBeenCalledTimes(1);
		expect(reserve.mock.calls[0][0]).toBeGreaterThan(rows.length * 0.95);
		expect(reserve.mock.calls[0][0]).toBeLessThan(rows.length * 1.05);
	});

	it('leaves the ledger to grow when the size is unknown or the report is too short to judge', async () => {
		const reserve = reservations();
		const ledger = new OrderLedger();
		const csv = `${HEADER}\n${rowsUntil(100_000).join('\n')}\n`;
		await readSettlementCsv(
			chunked(csv, () => 4096),
			ledger,
			{ rates: rates(), zone: 'UTC', maxRejectedListed: 10 },
		);
		await readSettlementCsv(
			chunked(`${HEADER}\n${rowsUntil(1_000).join('\n')}\n`, () => 4096),
			new OrderLedger(),
			{
				rates: rates(),
				zone: 'UTC',
				maxRejectedListed: 10,
				expectedBytes: 1_000,
			},
		);
		expect(reserve).not.toHaveBeenCalled();
		expect(ledger.size).toBeGreaterThan(500);
	});
});

describe('row reading after the header is resolved once', () => {
	const run = (csv: string) =>
		runReconciler({
			items: [csvItem(csv)],
			parameters: {
				operation: 'reconcileCsv',
				binaryPropertyName: 'data',
				options: { asOf: '2025-01-20' },
			},
		});

	it('rejects a row whose adjustment cell is not an amount, with its line, instead of counting it as zero', async () => {
		const out = await run(
			`${HEADER}\n576300000000000001,2025-01-10,Home Supplies,$10.00,($0.50),$1.0.0,$9.50\n576300000000000002,2025-01-10,Home Supplies,$10.00,($0.50),($1.00),$8.50\n`,
		);
		expect(out.rejected.map((item) => [item.json.line, item.json.reason])).toEqual([
			[2, '"Adjustment amount" is not an amount'],
		]);
		expect(summaryOf(out).report.rows).toEqual({ total: 2, parsed: 1, rejected: 1, blank: 0 });
	});

	it('rejects totals lines but reads order ids that merely start like one', async () => {
		const out = await run(
			`${HEADER}\nT100200300,2025-01-10,Home Supplies,$10.00,($0.50),$0.00,$9.50\ngift-42,2025-01-10,Home Supplies,$4.00,($0.20),$0.00,$3.80\nTotal,,,$14.00,($0.70),$0.00,$13.30\nGRAND TOTALS,,,$14.00,($0.70),$0.00,$13.30\n`,
		);
		expect(out.rejected.map((item) => [item.json.line, item.json.reason])).toEqual([
			[4, 'a totals line, not an order'],
			[5, 'a totals line, not an order'],
		]);
		expect(summaryOf(out).ordersChecked).toBe(2);
	});

	it('rejects a European decimal comma rather than reading it a hundred times too large', async () => {
		const out = await run(
			`${HEADER}\n576300000000000001,2025-01-10,Home Supplies,"12,50",($0.62),$0.00,$11.88\n`,
		);
		expect(out.rejected.map((item) => [item.json.line, item.json.reason])).toEqual([
			[2, '"Net sales" is not an amount'],
		]);
	});

	it('breaks urgency ties by order id, so the same report always lists findings in the same order', async () => {
		const overcharged = (id: string) =>
			`${id},2025-01-10,Home Supplies,$100.00,($9.00),$0.00,$91.00`;
		const out = await run(
			`${HEADER}\n${['576300000000000009', '576300000000000002', '576300000000000005'].map(overcharged).join('\n')}\n`,
		);
		expect(out.discrepancies.map((item) => item.json.orderId)).toEqual([
			'576300000000000002',
			'576300000000000005',
			'576300000000000009',
		]);
	});
});

describe('a report kept in memory (n8n default binary mode)', () => {
	it('is decoded from base64 slice by slice, byte for byte', () => {
		const bytes = Buffer.from(Array.from({ length: 200_003 }, (_, n) => (n * 7919) % 256));
		const slices = [...decodedSlices(bytes.toString('base64'))];
		expect(slices.length).toBeGreaterThan(3);
		expect(Buffer.concat(slices).equals(bytes)).toBe(true);
		const wrapped = bytes.toString('base64').replace(/(.{76})/g, '$1\r\n');
		expect(Buffer.concat([...decodedSlices(wrapped)]).equals(bytes)).toBe(true);
	});

	it('reconciles the same as the file streamed from disk, with characters split across slices', async () => {
		const rows = rowsUntil(200_000).map((row, n) =>
			n % 37 === 0 ? row.replace('Home Supplies', 'Décor – Niños') : row,
		);
		rows[5] = rows[5].replace('($50.00),$0.00,$950.00', '($95.00),$0.00,$905.00'); // one overcharged order
		const csv = `\uFEFF${HEADER}\n${rows.join('\n')}\n`;
		const folder = mkdtempSync(join(tmpdir(), 'settlement-'));
		try {
			writeFileSync(join(folder, 'statement.csv'), csv);
			const parameters = {
				operation: 'reconcileCsv',
				binaryPropertyName: 'data',
				options: { asOf: '2025-01-20' },
			};
			const inMemory = await runReconciler({ items: [csvItem(csv)], parameters });
			const onDisk = await runReconciler({
				items: [storedCsvItem(join(folder, 'statement.csv'))],
				parameters,
			});
			expect(inMemory.summary[0].json).toEqual(onDisk.summary[0].json);
			expect(summaryOf(inMemory).report.rows).toEqual({
				total: rows.length,
				parsed: rows.length,
				rejected: 0,
				blank: 0,
			});
			expect(
				inMemory.discrepancies.map((item) => [item.json.orderId, item.json.checkCode]),
			).toEqual([['576300000000000005', 'commission']]);
			expect(inMemory.streamsOpened).toEqual([]);
		} finally {
			rmSync(folder, { recursive: true, force: true });
		}
	});
});
