import {
	PDFDocument,
	popGraphicsState,
	pushGraphicsState,
	setCharacterSpacing,
	StandardFonts,
} from 'pdf-lib';

import { readPdf } from '../../../../nodes/TrackingParser/v1/parsing/readPdf';
import { pdfWorkers } from '../../../../nodes/TrackingParser/v1/parsing/pdf/pdfWorkerPool';
import { drawPdf, row, type Drawn } from './pdfDraw';

afterAll(async () => await pdfWorkers.close());

async function blocksOf(pages: ReadonlyArray<readonly Drawn[]>) {
	const pdf = await readPdf(await drawPdf(pages), 'manifest.pdf');
	if (!pdf.ok) throw new Error(pdf.message);
	return pdf.blocks.map((block) => block.lines);
}

const COLUMNS = [40, 70, 150, 240, 360, 500];
const HEADER = ['#', 'Order', 'Service', 'Tracking Number', 'Description', 'Qty'];

describe('PDF reader: tables from text positions', () => {
	it('reads a manifest that runs over two pages as one table: header once, no page furniture, wraps joined, empty cells kept', async () => {
		const furniture = (page: number): Drawn[] => [
			{ x: 40, y: 30, text: 'Lone Star Fulfillment - Daily Manifest', size: 12 },
			{ x: 270, y: 770, text: `Page ${page} of 2`, size: 8 },
		];
		const lines = await blocksOf([
			[
				...furniture(1),
				{ x: 40, y: 60, text: 'Client: Juniper & Pine Co.', size: 9 },
				...row(90, COLUMNS, HEADER),
				{ x: 40, y: 104, text: 'UPS Ground', size: 9 },
				...row(118, COLUMNS, [
					'1',
					'LS1000001',
					'UPS',
					'1Z999AA10123456784',
					'Ceramic mug, blue,',
					'2',
				]),
				...row(130, COLUMNS, ['', '', '', '', 'gift wrapped', '']),
				...row(144, COLUMNS, ['2', 'LS1000002', 'UPS', '', 'Tea towel', '1']),
			],
			[
				...furniture(2),
				...row(90, COLUMNS, HEADER),
				...row(104, COLUMNS, ['3', 'LS1000003', 'USPS', '9400111899223344556677', 'Candle', '12']),
			],
		]);
		expect(lines).toEqual([
			[['Lone Star Fulfillment - Daily Manifest'], ['Client: Juniper & Pine Co.']],
			[
				HEADER,
				['UPS Ground'],
				['1', 'LS1000001', 'UPS', '1Z999AA10123456784', 'Ceramic mug, blue, gift wrapped', '2'],
				['2', 'LS1000002', 'UPS', '', 'Tea towel', '1'],
				['3', 'LS1000003', 'USPS', '9400111899223344556677', 'Candle', '12'],
			],
		]);
	});

	it('keeps a tracking number and the next cell apart even when the columns are tight', async () => {
		const columns = [40, 120, 214];
		const lines = await blocksOf([
			[
				...row(90, columns, ['Order', 'Tracking', 'Zip']),
				...row(104, columns, ['LS1000001', '1Z999AA10123456784', '89502']),
			],
		]);
		expect(lines).toEqual([
			[
				['Order', 'Tracking', 'Zip'],
				['LS1000001', '1Z999AA10123456784', '89502'],
			],
		]);
	});

	it('joins a tracking number that wrapped in a narrow column without a space, and keeps a second package on its own line', async () => {
		const columns = [40, 140, 240];
		const lines = await blocksOf([
			[
				...row(90, columns, ['Order #', 'Carrier', 'Tracking']),
				...row(104, columns, ['LS1000001', 'USPS', '9400111899223344']),
				...row(116, columns, ['', '', '556677']),
				...row(130, columns, ['LS1000002', 'UPS', '1Z999AA10123456784']),
				...row(144, columns, ['', '', '1Z999AA10123456795']),
			],
		]);
		expect(lines).toEqual([
			[
				['Order #', 'Carrier', 'Tracking'],
				['LS1000001', 'USPS', '9400111899223344556677'],
				['LS1000002', 'UPS', '1Z999AA10123456784'],
				['1Z999AA10123456795'],
			],
		]);
	});

	it('glues letter-spaced glyphs into words and numbers', async () => {
		const lines = await blocksOf([
			[
				{ x: 40, y: 90, text: 'Tracking', letterSpacing: 1.2 },
				{ x: 200, y: 90, text: '1Z999AA10123456784', letterSpacing: 1.2 },
				{ x: 40, y: 110, text: 'Ship via UPS Ground', letterSpacing: 1.2 },
			],
		]);
		expect(lines).toEqual([[['Tracking', '1Z999AA10123456784'], ['Ship via UPS Ground']]]);
	});

	it('reads a number drawn with character spacing (Tc), which pdf.js reports as "1 Z 9 9 9", whole', async () => {
		const doc = await PDFDocument.create();
		const font = await doc.embedFont(StandardFonts.Helvetica);
		const page = doc.addPage([612, 792]);
		page.pushOperators(pushGraphicsState(), setCharacterSpacing(1.2));
		page.drawText('1Z999AA10123456784', { x: 40, y: 700, size: 9, font });
		page.pushOperators(popGraphicsState());
		const pdf = await readPdf(Buffer.from(await doc.save()), 'label.pdf');
		expect(pdf.ok && pdf.blocks.map((block) => block.lines)).toEqual([[['1Z999AA10123456784']]]);
	});

	it('reads a two-column packing slip as the left column, then the right column', async () => {
		const lines = await blocksOf([
			[
				{ x: 40, y: 60, text: 'Order #:' },
				{ x: 110, y: 60, text: '576698200072124908' },
				{ x: 320, y: 60, text: 'Ship Date:' },
				{ x: 390, y: 60, text: '11/26/2026' },
				{ x: 40, y: 74, text: 'Carrier:' },
				{ x: 110, y: 74, text: 'UPS' },
				{ x: 320, y: 74, text: 'Tracking #:' },
				{ x: 390, y: 74, text: '1Z999AA10123456784' },
				{ x: 40, y: 88, text: 'Phone:' },
				{ x: 110, y: 88, text: '512-555-0134' },
			],
		]);
		expect(lines).toEqual([
			[
				['Order #:', '576698200072124908'],
				['Carrier:', 'UPS'],
				['Phone:', '512-555-0134'],
				['Ship Date:', '11/26/2026'],
				['Tracking #:', '1Z999AA10123456784'],
			],
		]);
	});
});

describe('PDF reader: no text layer', () => {
	it('says a PDF without text is a scan or an image and asks for a text PDF or a CSV', async () => {
		const pdf = await readPdf(await drawPdf([[]], { rectanglesOnly: true }), 'scan.pdf');
		expect(pdf).toMatchObject({ ok: false, problem: 'no_text' });
		expect(!pdf.ok && pdf.message).toMatch(/scan or an image.*OCR.*CSV/);
	});
});

describe('PDF reader: text drawn over the next cell', () => {
	it('keeps letter-spaced text that overflows its cell out of the number drawn over it in the next cell', async () => {
		const columns = [36, 60, 230, 320];
		const header = ['#', 'ORDER', 'CARRIER', 'TRACKING NUMBER'];
		const spaced = (y: number, cells: readonly string[]): Drawn[] =>
			cells.map((text, index) => ({ x: columns[index], y, text, letterSpacing: 1.6 }));
		const lines = await blocksOf([
			[
				...spaced(90, header),
				...spaced(106, ['8', '579226403444498771', 'STAMPS.COM - USPS', '9400124444843591660305']),
			],
		]);
		expect(lines).toEqual([
			[header, ['8', '579226403444498771', 'STAMPS.COM - USPS', '9400124444843591660305']],
		]);
	});
});

describe('PDF reader: tables over pages, wrapped cells and group headings', () => {
	const GROUPED = [39, 61, 150, 260, 420];
	const GROUPED_HEADER = ['#', 'Reference', 'Service', 'Tracking', 'Weight'];
	/** A row whose number is right-aligned under "#", close to the reference after it (as carrier EOD reports print it). */
	const grouped = (y: number, cells: readonly string[]): Drawn[] => [
		...(cells[0] ? [{ x: 55 - 4.45 * cells[0].length, y, text: cells[0], size: 8 }] : []),
		...row(y, GROUPED.slice(1), cells.slice(1), 8),
	];

	it('keeps the columns of a table that goes on after a group heading and a repeated header on the next page', async () => {
		const lines = await blocksOf([
			[
				...row(90, GROUPED, GROUPED_HEADER, 8),
				...grouped(104, ['1', 'SB/40034', 'Priority Mail', '9205592223628383072015', '78 oz']),
				...grouped(118, ['2', 'SB/76791', 'Priority Mail', '9200193887613549114032', '41 oz']),
				...grouped(126, ['', '', 'Express', '', '']),
			],
			[
				{ x: 40, y: 60, text: 'UPS — 1 package(s)', size: 10 },
				...row(72, GROUPED, GROUPED_HEADER, 8),
				...grouped(89, ['17', 'SB/74926', '2nd Day Air', '1ZCP0W290372170995', '82 oz']),
			],
		]);
		expect(lines).toEqual([
			[
				GROUPED_HEADER,
				['1', 'SB/40034', 'Priority Mail', '9205592223628383072015', '78 oz'],
				['2', 'SB/76791', 'Priority Mail Express', '9200193887613549114032', '41 oz'],
				['UPS — 1 package(s)'],
				['17', 'SB/74926', '2nd Day Air', '1ZCP0W290372170995', '82 oz'],
			],
		]);
	});

	it('lists further packages of a row, whole or printed in groups, on lines of their own instead of joining them to the first', async () => {
		const lines = await blocksOf([
			[
				...row(90, GROUPED, GROUPED_HEADER, 8),
				...grouped(104, ['8', 'SB/45852', 'Priority Mail', '9400188184546316610830', '37 oz']),
				...grouped(114, ['', '', '', '9400111542930631938904', '']),
				...grouped(124, ['', '', '', '9400 1257 5383 4797 4629 01', '']),
				...grouped(138, ['9', 'SB/50209', 'Priority Mail', '9205593224251239548103', '102 oz']),
			],
		]);
		expect(lines).toEqual([
			[
				GROUPED_HEADER,
				['8', 'SB/45852', 'Priority Mail', '9400188184546316610830', '37 oz'],
				['9400111542930631938904'],
				['9400 1257 5383 4797 4629 01'],
				['9', 'SB/50209', 'Priority Mail', '9205593224251239548103', '102 oz'],
			],
		]);
	});

	it('reads a second reference under a row as part of that row, and ends the table at a heading that no row follows', async () => {
		const lines = await blocksOf([
			[
				...row(90, GROUPED, GROUPED_HEADER, 8),
				...grouped(107, ['32', 'SB/53974', 'SM Parcel Ground', 'GM2951814387901202', '83 oz']),
				...grouped(117, ['', 'SB/66272', '', '', '']),
				...grouped(131, ['33', 'SB/44236', 'Priority Mail', '9205593224251239548103', '12 oz']),
				{ x: 36, y: 160, text: 'Tracking numbers', size: 10 },
				{ x: 36, y: 174, text: 'Box 1 of 2: 9400103525519644327547', size: 10 },
				{ x: 36, y: 188, text: 'Box 2 of 2: 9403637159579487154791', size: 10 },
			],
		]);
		expect(lines).toEqual([
			[
				GROUPED_HEADER,
				['32', 'SB/53974, SB/66272', 'SM Parcel Ground', 'GM2951814387901202', '83 oz'],
				['33', 'SB/44236', 'Priority Mail', '9205593224251239548103', '12 oz'],
			],
			[
				['Tracking numbers'],
				['Box 1 of 2: 9400103525519644327547'],
				['Box 2 of 2: 9403637159579487154791'],
			],
		]);
	});
});
