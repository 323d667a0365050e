import { PDFDocument, StandardFonts } from 'pdf-lib';

import { pdfWorkers } from '../../../../nodes/TrackingParser/v1/parsing/pdf/pdfWorkerPool';
import { readPdf } from '../../../../nodes/TrackingParser/v1/parsing/readPdf';
import { drawPdf, row } from './pdfDraw';
import { withTimerBeside } from './timerBeside';

afterAll(async () => await pdfWorkers.close());

/** A PDF bomb by page count: 5,000 pages of a manifest line each. */
async function manyPages(count: number): Promise<Buffer> {
	const doc = await PDFDocument.create();
	const font = await doc.embedFont(StandardFonts.Helvetica);
	for (let page = 0; page < count; page++) {
		doc
			.addPage([612, 792])
			.drawText(`LS${1000000 + page}  UPS  1Z999AA10123456784  Ceramic mug, blue`, {
				x: 40,
				y: 700,
				size: 9,
				font,
			});
	}
	return Buffer.from(await doc.save());
}

describe('PDF reader: limits', () => {
	let bomb: Buffer;
	beforeAll(async () => {
		bomb = await manyPages(5000);
	}, 60_000);

	it('reads the first 200 pages of a 5,000-page PDF, says so, and never blocks the event loop', async () => {
		const { result, timerFiredFirst } = await withTimerBeside(() => readPdf(bomb, 'bomb.pdf'));
		expect(result).toMatchObject({
			ok: true,
			truncated: {
				problem: 'pdf_limit_exceeded',
				message: expect.stringMatching(/5000 pages; only the first 200 .*limit: pages/),
			},
		});
		expect(result.ok && result.blocks.flatMap((block) => block.lines)).toHaveLength(200);
		expect(timerFiredFirst).toBe(true);
	}, 60_000);

	it('stops a PDF that takes longer than the time limit, terminates its thread and reads the next PDF on a new one', async () => {
		const { result, timerFiredFirst } = await withTimerBeside(() =>
			readPdf(bomb, 'slow.pdf', { timeMs: 300, memoryMb: 512, maxPages: 5000 }),
		);
		expect(result).toEqual({
			ok: false,
			problem: 'pdf_limit_exceeded',
			message: expect.stringMatching(/slow\.pdf took longer than 0\.3 s.*limit: time/),
		});
		expect(timerFiredFirst).toBe(true);
		const next = await readPdf(
			await drawPdf([
				row(90, [40, 150], ['Order', 'Tracking Number']).concat(
					row(104, [40, 150], ['LS1000001', '1Z999AA10123456784']),
				),
			]),
			'next.pdf',
		);
		expect(next).toEqual({
			ok: true,
			blocks: [
				{
					lines: [
						['Order', 'Tracking Number'],
						['LS1000001', '1Z999AA10123456784'],
					],
					page: 0,
				},
			],
		});
	}, 60_000);

	it('stops a PDF whose thread runs out of its heap limit', async () => {
		const result = await readPdf(bomb, 'big.pdf', { timeMs: 20_000, memoryMb: 4, maxPages: 5000 });
		expect(result).toEqual({
			ok: false,
			problem: 'pdf_limit_exceeded',
			message: expect.stringMatching(/big\.pdf needed more than 4 MB.*limit: memory/),
		});
	}, 60_000);
});
