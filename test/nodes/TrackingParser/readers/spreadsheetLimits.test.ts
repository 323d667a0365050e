import * as XLSX from '@e965/xlsx';

import { readSpreadsheet } from '../../../../nodes/TrackingParser/v1/parsing/readSpreadsheet';
import { spreadsheetWorkers } from '../../../../nodes/TrackingParser/v1/parsing/spreadsheet/spreadsheetWorkerPool';
import { withTimerBeside } from './timerBeside';

afterAll(async () => await spreadsheetWorkers.close());

/** A workbook of `rows` manifest rows: a 3PL's export, or a bomb when it is big enough. */
function manifest(rows: number, note = 'Ceramic mug, blue'): Buffer {
	const sheet = XLSX.utils.aoa_to_sheet([
		['Order', 'Tracking', 'Item'],
		...Array.from({ length: rows }, (_, row) => [`LS${1000000 + row}`, '1Z999AA10123456784', note]),
	]);
	const book = XLSX.utils.book_new();
	XLSX.utils.book_append_sheet(book, sheet, 'Shipments');
	return XLSX.write(book, { type: 'buffer', bookType: 'xlsx', compression: true }) as Buffer;
}

describe('spreadsheet reader: limits', () => {
	let big: Buffer;
	beforeAll(() => {
		big = manifest(60_000);
	}, 60_000);

	it('reads a 60,000-row workbook off the event loop', async () => {
		const { result, timerFiredFirst } = await withTimerBeside(() =>
			readSpreadsheet(big, 'big.xlsx'),
		);
		expect(result.ok && result.blocks[0].lines).toHaveLength(60_001);
		expect(timerFiredFirst).toBe(true);
	}, 60_000);

	it('stops a workbook that takes longer than the time limit and reads the next one on a new thread', async () => {
		const result = await readSpreadsheet(big, 'slow.xlsx', {
			timeMs: 50,
			memoryMb: 512,
			maxRows: 100_000,
		});
		expect(result).toEqual({
			ok: false,
			problem: 'spreadsheet_limit_exceeded',
			message: expect.stringMatching(/slow\.xlsx took longer than 0\.05 s.*limit: time/),
		});
		const next = await readSpreadsheet(manifest(1), 'next.xlsx');
		expect(next).toEqual({
			ok: true,
			blocks: [
				{
					lines: [
						['Order', 'Tracking', 'Item'],
						['LS1000000', '1Z999AA10123456784', 'Ceramic mug, blue'],
					],
				},
			],
		});
	}, 60_000);

	it('stops a workbook whose cells unpack to more than the memory limit (a compressed bomb)', async () => {
		// A cell holds at most 32,767 characters: 4,000 rows of 32,000 compress to almost nothing and unpack to 128 MB.
		const bomb = manifest(4000, 'x'.repeat(32_000));
		expect(bomb.length).toBeLessThan(2 * 1024 * 1024);
		const result = await readSpreadsheet(bomb, 'bomb.xlsx', {
			timeMs: 20_000,
			memoryMb: 64,
			maxRows: 100_000,
		});
		expect(result).toEqual({
			ok: false,
			problem: 'spreadsheet_limit_exceeded',
			message: expect.stringMatching(/bomb\.xlsx needed more than 64 MB.*limit: memory/),
		});
	}, 60_000);
});
