import './pdfWorkerInJest';

import { NodeOperationError } from 'n8n-workflow';

import { Random } from '../../fixtures/3pl/random';
import { trackingNumber, tiktokOrderId } from '../../fixtures/3pl/trackingSamples';
import { fixtureFile } from './fixtureFiles';
import { binaryItem, runParser } from './parserHost';

const csv = (text: string, fileName = 'shipments.csv') => ({
	data: Buffer.from(text),
	fileName,
	mimeType: 'text/csv',
});
const text = (body: string, fileName = 'note.txt') => ({
	data: Buffer.from(body),
	fileName,
	mimeType: 'text/plain',
});

describe('3PL Tracking Parser: order references', () => {
	const shipMonk = fixtureFile('shipmonk-');
	const reference = Object.keys(shipMonk.options.referenceMap ?? {})[0];

	it('sends a 3PL reference that is not in the mapping to Unparsed, naming the reference', async () => {
		const { rows, unparsed } = await runParser({
			items: [binaryItem({ data: shipMonk })],
			parameters: { source: 'binary', binaryPropertyNames: 'data', options: {} },
		});
		expect(rows).toHaveLength(0);
		expect(unparsed.map((item) => item.json.code)).toEqual(
			shipMonk.rows.map(() => 'order_reference_not_mapped'),
		);
		expect(unparsed[0].json).toMatchObject({
			order_reference: reference,
			tracking_numbers: [shipMonk.rows[0].tracking_number],
		});
		expect(String(unparsed[0].json.reason)).toContain('Order Reference Mapping');
	});

	it('outputs unmapped references for a lookup when asked, with an empty order_id and says so', async () => {
		const { rows } = await runParser({
			items: [binaryItem({ data: shipMonk })],
			parameters: {
				source: 'binary',
				binaryPropertyNames: 'data',
				options: { outputUnmappedForLookup: true },
			},
		});
		expect(rows.map((item) => item.json)).toEqual(
			shipMonk.rows.map((row) =>
				expect.objectContaining({
					order_id: '',
					order_id_from: 'lookup_needed',
					order_reference: reference,
					tracking_number: row.tracking_number,
				}),
			),
		);
	});

	it('accepts the mapping as a list of {reference, order_id} from an expression', async () => {
		const { rows } = await runParser({
			items: [binaryItem({ data: shipMonk })],
			parameters: {
				source: 'binary',
				binaryPropertyNames: 'data',
				options: {
					referenceMapping: [
						{ reference: reference.toLowerCase(), order_id: shipMonk.rows[0].order_id },
					],
				},
			},
		});
		expect(rows.map((item) => [item.json.order_id, item.json.order_id_from])).toEqual(
			shipMonk.rows.map((row) => [row.order_id, 'mapping']),
		);
	});

	it('takes the order ID from an input field when the document names none', async () => {
		const tracking = trackingNumber('ups', new Random(5));
		const { rows } = await runParser({
			items: [
				binaryItem(
					{ file: text(`Your package is on the way.\nUPS tracking number: ${tracking}\n`) },
					{ order: { id: '576684019603311365' } },
				),
			],
			parameters: {
				source: 'binary',
				binaryPropertyNames: '',
				options: { orderIdField: 'order.id' },
			},
		});
		expect(rows.map((item) => item.json)).toEqual([
			expect.objectContaining({
				order_id: '576684019603311365',
				order_id_from: 'field',
				tracking_number: tracking,
				carrier: 'ups',
			}),
		]);
	});

	it('reports tracking numbers of a document that names no order, listing them', async () => {
		const tracking = trackingNumber('usps', new Random(6));
		const { rows, unparsed } = await runParser({
			items: [binaryItem({ data: csv(`Carrier,Tracking Number\nUSPS,${tracking}\n`) })],
			parameters: { source: 'binary', binaryPropertyNames: 'data', options: {} },
		});
		expect(rows).toHaveLength(0);
		expect(unparsed[0].json).toMatchObject({
			code: 'tracking_without_order',
			tracking_numbers: [tracking],
		});
	});
});

describe('3PL Tracking Parser: context scoring', () => {
	const random = new Random(11);
	const orderId = tiktokOrderId(random);
	const fedex = trackingNumber('fedex', random);

	it('needs a label or the expected carrier before it believes a bare 12-digit number', async () => {
		const body = `Order ${orderId} shipped today.\n${fedex}\n`;
		const plain = await runParser({
			items: [binaryItem({ data: text(body) })],
			parameters: { source: 'binary', binaryPropertyNames: 'data', options: {} },
		});
		expect(plain.rows).toHaveLength(0);
		expect(plain.unparsed[0].json).toMatchObject({
			code: 'no_tracking_found',
			tracking_numbers: [fedex],
		});

		const expected = await runParser({
			items: [binaryItem({ data: text(body) })],
			parameters: {
				source: 'binary',
				binaryPropertyNames: 'data',
				options: { expectedCarrier: 'fedex' },
			},
		});
		expect(
			expected.rows.map((item) => [
				item.json.order_id,
				item.json.tracking_number,
				item.json.carrier,
			]),
		).toEqual([[orderId, fedex, 'fedex']]);
	});

	it('turns down a valid-looking number labelled as a PO, invoice or phone, even with the carrier expected', async () => {
		const body = `Order ${orderId}\nPO #: ${fedex}\nInvoice ${fedex}\nPhone: ${fedex}\n`;
		const { rows } = await runParser({
			items: [binaryItem({ data: text(body) })],
			parameters: {
				source: 'binary',
				binaryPropertyNames: 'data',
				options: { expectedCarrier: 'fedex' },
			},
		});
		expect(rows).toHaveLength(0);
	});

	it('reads package ID, line item IDs and the shipped date from a TikTok-style CSV', async () => {
		const ups = trackingNumber('ups', random);
		const { rows } = await runParser({
			items: [
				binaryItem({
					data: csv(
						'TikTok Order ID,Package ID,Line Item IDs,Ship Date,Carrier,Tracking Number\n' +
							`${orderId},1154206399071234567,"577000000000000001, 577000000000000002",11/20/2026,UPS Ground,${ups}\n`,
					),
				}),
			],
			parameters: { source: 'binary', binaryPropertyNames: 'data', options: {} },
		});
		expect(rows[0].json).toMatchObject({
			order_id: orderId,
			package_id: '1154206399071234567',
			line_item_ids: ['577000000000000001', '577000000000000002'],
			shipped_at: '2026-11-20',
			tracking_number: ups,
			carrier: 'ups',
			order_id_from: 'document',
		});
	});

	it('reports a tracking cell a spreadsheet turned into scientific notation', async () => {
		const { rows, unparsed } = await runParser({
			items: [
				binaryItem({ data: csv(`Marketplace Order ID,Tracking Number\n${orderId},9.40011E+21\n`) }),
			],
			parameters: { source: 'binary', binaryPropertyNames: 'data', options: {} },
		});
		expect(rows).toHaveLength(0);
		expect(unparsed[0].json).toMatchObject({
			code: 'invalid_tracking_number',
			order_reference: orderId,
		});
		expect(String(unparsed[0].json.reason)).toMatch(/scientific notation/);
	});
});

describe('3PL Tracking Parser: files it cannot read', () => {
	it('reports a file above the size limit without reading it', async () => {
		const manifest = fixtureFile('shipments-');
		const { rows, unparsed } = await runParser({
			items: [binaryItem({ data: manifest })],
			parameters: {
				source: 'binary',
				binaryPropertyNames: 'data',
				options: { maxFileSizeMb: 0.0005 },
			},
		});
		expect(rows).toHaveLength(0);
		expect(unparsed[0].json).toMatchObject({
			code: 'attachment_too_large',
			source: { file_name: manifest.fileName },
		});
	});

	it('reports an HTML-only email with no readable tracking number as such', async () => {
		const html = Buffer.from(
			'From: ship@3pl.example\r\nSubject: Shipped\r\nMessage-ID: <h1@3pl.example>\r\nContent-Type: text/html; charset=utf-8\r\n\r\n' +
				'<html><body><p>Your order has shipped!</p><img src="cid:label"></body></html>\r\n',
		);
		const { unparsed } = await runParser({
			items: [
				binaryItem({ data: { data: html, fileName: 'shipped.eml', mimeType: 'message/rfc822' } }),
			],
			parameters: { source: 'binary', binaryPropertyNames: 'data', options: {} },
		});
		expect(unparsed[0].json).toMatchObject({
			code: 'html_only_no_tracking',
			source: { message_id: '<h1@3pl.example>' },
		});
	});

	it('reports a binary file that is no document', async () => {
		const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]);
		const { unparsed } = await runParser({
			items: [binaryItem({ data: { data: png, fileName: 'label.png', mimeType: 'image/png' } })],
			parameters: { source: 'binary', binaryPropertyNames: 'data', options: {} },
		});
		expect(unparsed[0].json).toMatchObject({ code: 'unsupported_file' });
	});

	it('puts an item without a file on Unparsed, paired with it', async () => {
		const { rows, unparsed } = await runParser({
			items: [{ json: {} }, binaryItem({ data: fixtureFile('shipbob-').valueOf() as never })],
			parameters: { source: 'binary', binaryPropertyNames: '', options: {} },
		});
		expect(unparsed[0]).toMatchObject({
			json: { code: 'no_binary_data' },
			pairedItem: { item: 0 },
		});
		expect(rows.length).toBeGreaterThan(0);
		expect(rows.every((item) => (item.pairedItem as { item: number }).item === 1)).toBe(true);
	});

	it('stops on a named binary field that is missing, or reports it with Continue On Fail', async () => {
		const run = {
			items: [{ json: {}, binary: {} }],
			parameters: { source: 'binary', binaryPropertyNames: 'attachment_0', options: {} },
		};
		await expect(runParser(run)).rejects.toThrow(NodeOperationError);
		await expect(runParser(run)).rejects.toThrow('The item has no binary field "attachment_0"');
		const { unparsed } = await runParser({ ...run, continueOnFail: true });
		expect(unparsed[0]).toMatchObject({
			json: { code: 'error', reason: 'The item has no binary field "attachment_0"' },
			pairedItem: { item: 0 },
		});
	});
});
