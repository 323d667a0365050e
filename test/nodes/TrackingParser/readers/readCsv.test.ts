import { fileKind } from '../../../../nodes/TrackingParser/v1/parsing/fileKind';
import { readCsv } from '../../../../nodes/TrackingParser/v1/parsing/readCsv';

const HEADER = ['Order Number', 'Recipient', 'Carrier', 'Tracking Number'];
const EXPECTED = [
	HEADER,
	['LS1000001', 'Smith, Jane', 'UPS', '1Z999AA10123456784'],
	['LS1000002', 'Müller; Hans', 'USPS', '9400111899223344556677'],
	['LS1000003', 'O\'Neil "Pat"', 'FedEx', ''],
];

const linesOf = (data: Buffer) => readCsv(data).map((block) => block.lines);

describe('CSV reader: dialects', () => {
	it.each([
		['comma', ','],
		['semicolon (German Excel)', ';'],
		['tab', '\t'],
		['pipe', '|'],
	])('reads %s-delimited manifests with quoted fields and CRLF', (_name, delimiter) => {
		const quote = (cell: string) =>
			/[",;|\t]/.test(cell) ? `"${cell.replace(/"/g, '""')}"` : cell;
		const text = EXPECTED.map((row) => row.map(quote).join(delimiter)).join('\r\n') + '\r\n';
		expect(linesOf(Buffer.from(text))).toEqual([EXPECTED]);
	});

	it('reads UTF-8 with a BOM, and UTF-16 LE and BE with a BOM', () => {
		const text = EXPECTED.map((row) =>
			row.map((cell) => `"${cell.replace(/"/g, '""')}"`).join('\t'),
		).join('\r\n');
		const utf16le = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
		const utf16be = Buffer.concat([
			Buffer.from([0xfe, 0xff]),
			Buffer.from(text, 'utf16le').swap16(),
		]);
		expect(linesOf(Buffer.from(`\uFEFF${text}`))).toEqual([EXPECTED]);
		expect(linesOf(utf16le)).toEqual([EXPECTED]);
		expect(linesOf(utf16be)).toEqual([EXPECTED]);
	});

	it('strips Excel\'s text guards (="…" and a leading apostrophe) and pads short rows to the header\'s width', () => {
		const text =
			'Order Number,Tracking Number,Ship Date\n="576698200072124908",="9400111899223344556677",2026-11-26\nLS1000002,\'1Z999AA10123456784\n';
		expect(linesOf(Buffer.from(text))).toEqual([
			[
				['Order Number', 'Tracking Number', 'Ship Date'],
				['576698200072124908', '9400111899223344556677', '2026-11-26'],
				['LS1000002', '1Z999AA10123456784', ''],
			],
		]);
	});
});

describe('fileKind: tab-delimited reports', () => {
	const mcf =
		'amazon-order-id\tmerchant-order-id\tshipment-date\tcarrier\ttracking-number\n114-1234567-1234567\t576698200072124908\t2026-11-26\tUPS\t1Z999AA10123456784\n';

	it('treats a tab-delimited .txt with a tracking column as a table (Amazon MCF report)', () => {
		expect(fileKind(Buffer.from(mcf), 'MCF-shipments.txt', 'text/plain')).toBe('csv');
		expect(
			fileKind(
				Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(mcf, 'utf16le')]),
				'report.txt',
				'',
			),
		).toBe('csv');
	});

	it('keeps a tab-indented note a text file', () => {
		expect(
			fileKind(
				Buffer.from('Hello,\n\tyour order shipped.\nTracking: 1Z999AA10123456784\n'),
				'note.txt',
				'text/plain',
			),
		).toBe('text');
	});
});
