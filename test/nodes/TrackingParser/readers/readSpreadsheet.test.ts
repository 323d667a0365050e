import * as XLSX from '@e965/xlsx';

import { fileKind } from '../../../../nodes/TrackingParser/v1/parsing/fileKind';
import { parseDocument } from '../../../../nodes/TrackingParser/v1/parsing/parseDocument';
import { readSpreadsheet } from '../../../../nodes/TrackingParser/v1/parsing/readSpreadsheet';
import { spreadsheetWorkers } from '../../../../nodes/TrackingParser/v1/parsing/spreadsheet/spreadsheetWorkerPool';

afterAll(async () => await spreadsheetWorkers.close());

/** Valid by check digit (the world corpus' numbers). */
const UPS = '1Z5R89390357567127';
const USPS = '9400118052217396435956';
const FEDEX = '794232977411';
const ORDER_A = '576633681693700223';
const ORDER_B = '576635877843948677';

type Cells = Array<Array<XLSX.CellObject | string | number | null>>;
const cell = (value: XLSX.CellObject | string | number | null): XLSX.CellObject =>
	value !== null && typeof value === 'object'
		? value
		: typeof value === 'number'
			? { t: 'n', v: value }
			: { t: 's', v: value ?? '' };

/** A workbook (SheetJS writes it) with these sheets; `hidden` names sheets saved as hidden. */
function workbook(
	sheets: Record<string, Cells>,
	options: { hidden?: string[]; bookType?: XLSX.BookType } = {},
): Buffer {
	const book = XLSX.utils.book_new();
	for (const [name, rows] of Object.entries(sheets)) {
		const sheet: XLSX.WorkSheet = {};
		rows.forEach((row, r) =>
			row.forEach((value, c) => {
				if (value !== null) sheet[XLSX.utils.encode_cell({ r, c })] = cell(value);
			}),
		);
		const width = Math.max(1, ...rows.map((row) => row.length));
		sheet['!ref'] = XLSX.utils.encode_range({ r: 0, c: 0 }, { r: rows.length - 1, c: width - 1 });
		XLSX.utils.book_append_sheet(book, sheet, name);
	}
	book.Workbook = {
		Sheets: book.SheetNames.map((name) => ({ Hidden: options.hidden?.includes(name) ? 1 : 0 })),
	};
	return XLSX.write(book, { type: 'buffer', bookType: options.bookType ?? 'xlsx' }) as Buffer;
}

const options = {
	referenceMap: new Map<string, string>(),
	minConfidence: 0.6,
	outputUnmappedForLookup: false,
	maxBytes: 1e7,
};
const parseWorkbook = (data: Buffer, fileName = 'shipments.xlsx') =>
	parseDocument({ data, fileName, mimeType: 'application/octet-stream' }, options);

describe('spreadsheet reader (SheetJS in a worker thread)', () => {
	it('reads each visible sheet as one table as wide as the sheet, without its empty rows', async () => {
		const data = workbook({
			Summary: [['Shipments 2026-12-01'], [], ['Packages', 2]],
			Shipments: [
				['Daily shipment report', null, null],
				[],
				['Order', 'Carrier', 'Tracking Number'],
				[ORDER_A, 'UPS', UPS],
				[ORDER_B, 'USPS', USPS],
			],
		});
		const read = await readSpreadsheet(data, 'report.xlsx');
		expect(read).toEqual({
			ok: true,
			blocks: [
				{
					lines: [
						['Shipments 2026-12-01', ''],
						['Packages', '2'],
					],
				},
				{
					lines: [
						['Daily shipment report', '', ''],
						['Order', 'Carrier', 'Tracking Number'],
						[ORDER_A, 'UPS', UPS],
						[ORDER_B, 'USPS', USPS],
					],
				},
			],
		});
	});

	it('writes numbers whole, long numbers as Excel shows them, and dates and zero-padded numbers in their format', async () => {
		const data = workbook({
			Sheet1: [
				[
					{ t: 'n', v: 576684019603311000 },
					{ t: 'n', v: Number(FEDEX) },
					{ t: 'n', v: 9.400118052217397e21 },
					{ t: 'n', v: 46357, z: 'yyyy-mm-dd' },
					{ t: 'n', v: 42, z: '000000' },
					{ t: 'n', v: 12.5 },
					{ t: 'b', v: true },
				],
			],
		});
		const read = await readSpreadsheet(data, 'numbers.xlsx');
		expect(read.ok && read.blocks[0].lines[0]).toEqual([
			'5.76684019603311E+17',
			FEDEX,
			'9.4001180522174E+21',
			'2026-12-01',
			'000042',
			'12.5',
			'TRUE',
		]);
	});

	it('leaves hidden sheets unread: the person reading the file does not see them', async () => {
		const data = workbook(
			{
				Shipments: [
					['Order', 'Tracking'],
					[ORDER_A, UPS],
				],
				Voided: [
					['Order', 'Tracking'],
					[ORDER_B, USPS],
				],
			},
			{ hidden: ['Voided'] },
		);
		const result = await parseWorkbook(data);
		expect(result.rows.map((row) => [row.order_id, row.tracking_number])).toEqual([[ORDER_A, UPS]]);
	});

	it('reads the first rows of a sheet past the row limit and says how many it has', async () => {
		const rows: Cells = [['Order', 'Tracking'], ...Array.from({ length: 9 }, () => [ORDER_A, UPS])];
		const read = await readSpreadsheet(workbook({ Big: rows }), 'big.xlsx', {
			timeMs: 20_000,
			memoryMb: 512,
			maxRows: 4,
		});
		expect(read.ok && read.blocks[0].lines).toHaveLength(4);
		expect(read.ok && read.truncated).toEqual({
			problem: 'spreadsheet_limit_exceeded',
			message: expect.stringContaining('sheet "Big" has 10 rows; only the first 4'),
		});
	});

	it('reports a cut-off workbook as damaged, in words that say what to ask the 3PL', async () => {
		const data = workbook({ Sheet1: [['Order', 'Tracking']] });
		const result = await parseWorkbook(data.subarray(0, data.length / 2));
		expect(result.rows).toEqual([]);
		expect(result.unparsed).toEqual([
			expect.objectContaining({
				code: 'corrupt_spreadsheet',
				reason: expect.stringContaining('Ask the 3PL to resend it'),
			}),
		]);
	});

	it('outputs the shipments of an .xlsx, .xls and .ods file, and reports rows whose order id Excel rounded', async () => {
		for (const bookType of ['xlsx', 'biff8', 'ods'] as const) {
			const data = workbook(
				{
					Shipments: [
						['Order Number', 'Ship Via', 'Tracking #'],
						[ORDER_A, 'UPS Ground', UPS],
						[{ t: 'n', v: Number(ORDER_B) }, 'USPS', USPS],
						[ORDER_B, 'FedEx', { t: 'n', v: Number(FEDEX) }],
					],
				},
				{ bookType },
			);
			const name = `shipments.${bookType === 'biff8' ? 'xls' : bookType}`;
			const result = await parseWorkbook(data, name);
			expect([bookType, result.rows.map((row) => [row.order_id, row.tracking_number])]).toEqual([
				bookType,
				[
					[ORDER_A, UPS],
					[ORDER_B, FEDEX],
				],
			]);
			expect(result.unparsed).toEqual([
				expect.objectContaining({ code: 'excel_damaged_ids', tracking_numbers: [USPS] }),
			]);
		}
	});
});

describe('fileKind: workbooks', () => {
	const xlsx = workbook({ Sheet1: [['Order', 'Tracking']] });
	it('knows a workbook by its name, its type or, for a ZIP, its first entries', () => {
		expect(fileKind(xlsx, 'report.xlsx')).toBe('spreadsheet');
		expect(fileKind(xlsx, 'attachment', 'application/octet-stream')).toBe('spreadsheet');
		expect(
			fileKind(xlsx, 'x', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'),
		).toBe('spreadsheet');
	});
	it('keeps a CSV that Windows labels as Excel a CSV, and a ZIP of other files unsupported', () => {
		expect(
			fileKind(Buffer.from('Order,Tracking\n1,2\n'), 'x.csv', 'application/vnd.ms-excel'),
		).toBe('csv');
		expect(fileKind(Buffer.from('PK\x03\x04\x14\x00\x00\x00photos/a.jpg'), 'photos.zip')).toBe(
			'unsupported',
		);
	});
});
