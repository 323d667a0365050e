import '../TrackingParser/pdfWorkerInJest';
import { writeFileSync } from 'node:fs';
import { PDFParse } from 'pdf-parse';
import sharp from 'sharp';

import { canRenderText } from '../../../nodes/EvidenceSubmit/v1/disputes/summary/renderPng';
import { toWinAnsi } from '../../../nodes/EvidenceSubmit/v1/disputes/summary/renderPdf';
import { binaryOf, fixture, photo, returnCase, runEvidence, withFiles } from './evidenceHarness';

/** Share of dark pixels in a horizontal band of the page (0–1). */
async function inkIn(png: Buffer, top: number, height: number): Promise<number> {
	const { data, info } = await sharp(png)
		.extract({ left: 0, top, width: 1240, height })
		.greyscale()
		.raw()
		.toBuffer({ resolveWithObject: true });
	let dark = 0;
	for (const value of data) if (value < 128) dark++;
	return dark / (info.width * info.height);
}

describe('the one-page evidence summary', () => {
	it('renders as an A4 PNG with the order facts, the scan timeline and the checklist, and as a PDF with the same text', async () => {
		const caseJson = returnCase();
		const item = withFiles(caseJson, {
			data: {
				data: await photo({ taken: '2026-11-22T13:03:10', offset: '-06:00' }),
				fileName: 'pod-front-door.jpg',
			},
		});
		const [[packet]] = await runEvidence({
			items: [item],
			parameters: {
				operation: 'buildPacket',
				caseData: caseJson,
				claimType: 'auto',
				poolByCase: true,
				evidence: {
					trackingNumber: '9400111899223344556677',
					carrier: 'USPS',
					scanEvents: fixture('usps-delivered-scans.json'),
					shippedToAddress: '1208 S 1st St, Austin, TX 78704',
				},
				packetOptions: {},
			},
		});
		const png = binaryOf(packet, 'summary_png');
		writeFileSync('/tmp/evidence-summary-test.png', png);
		expect(packet.binary!.summary_png).toMatchObject({
			mimeType: 'image/png',
			fileName: 'evidence-return-4035224719835112345.png',
		});
		const meta = await sharp(png).metadata();
		expect([meta.format, meta.width, meta.height]).toEqual(['png', 1240, 1754]);
		expect(png.length).toBeLessThan(10 * 1024 * 1024);
		expect(await canRenderText()).toBe(true);
		// The title band carries text; the empty space below the last section does not.
		expect(await inkIn(png, 50, 60)).toBeGreaterThan(0.02);
		expect(await inkIn(png, 1500, 150)).toBe(0);
		expect(packet.json.warnings).toEqual([]);

		const pdf = binaryOf(packet, 'summary_pdf');
		expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
		const parser = new PDFParse({ data: new Uint8Array(pdf) });
		const { text, total } = await parser.getText();
		await parser.destroy();
		expect(total).toBe(1);
		for (const expected of [
			'Evidence: return 4035224719835112345',
			'Item not received - READY TO SUBMIT',
			'576684019603311365',
			'Accepted at USPS Origin Facility',
			'Delivered, Front Door/Porch',
			'USPS 9400111899223344556677',
			'pod-front-door.jpg',
		]) {
			expect(text).toContain(expected);
		}
	});

	it("text outside the PDF fonts' WinAnsi set is replaced rather than failing the packet", () => {
		expect(toWinAnsi('Café – “ok” … 東京 →')).toBe('Café - "ok" ... ?? ->');
	});
});
