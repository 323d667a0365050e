import { Readable } from 'node:stream';

import {
	headerZone,
	mapColumns,
} from '../../../nodes/SettlementReconciler/v1/reconciliation/columns';
import {
	LineTooLongError,
	MAX_LINE_CHARS,
	streamCsvRecords,
} from '../../../nodes/SettlementReconciler/v1/reconciliation/csvRecords';
import { parseDateKey } from '../../../nodes/SettlementReconciler/v1/reconciliation/dates';
import { csvItem, runReconciler, summaryOf } from '../../../dev/harness/runReconciler';

/**
 * The families of mistake an independent Seller Center export showed (issue #17): placeholder cells, columns matched
 * by the first similar name, times read in the wrong zone, rows of the wrong width, fees expected on refunds, and no
 * way to give the orders export. Each test fails on the reader as it was.
 */
const HEADER = [
	'Order/adjustment ID',
	'Type',
	'Order created time',
	'Order settled time (UTC)',
	'Currency',
	'Total settlement amount',
	'Total revenue',
	'Subtotal after seller discounts',
	'Refund subtotal after seller discounts',
	'Total fees',
	'Transaction fee',
	'TikTok Shop commission fee',
	'Adjustment amount',
	'Related order ID',
	'SKU ID',
	'Seller SKU',
	'Category',
].join(',');

function row(cells: Partial<Record<string, string>>): string {
	const defaults: Record<string, string> = {
		id: '576500000000000001',
		type: 'Order',
		created: '2026/11/01 10:00:00',
		settled: '2026/11/10 12:00:00',
		currency: 'USD',
		settlement: '$93.00',
		revenue: '$100.00',
		subtotal: '$100.00',
		refund: '$0.00',
		fees: '($7.00)',
		txFee: '($2.00)',
		commission: '($5.00)',
		adjustment: '$0.00',
		related: '/',
		skuId: '1729000001',
		sellerSku: 'MUG-BLUE',
		category: 'Home Supplies',
	};
	const merged = { ...defaults, ...cells };
	return [
		'id',
		'type',
		'created',
		'settled',
		'currency',
		'settlement',
		'revenue',
		'subtotal',
		'refund',
		'fees',
		'txFee',
		'commission',
		'adjustment',
		'related',
		'skuId',
		'sellerSku',
		'category',
	]
		.map((key) => merged[key])
		.join(',');
}

const options = { asOf: '2026-11-20', timeZone: 'America/Los_Angeles', transactionFeePercent: 2 };

async function reconcile(
	lines: string[],
	extra: Record<string, unknown> = {},
	items = [csvItem(`${HEADER}\r\n${lines.join('\r\n')}\r\n`)],
) {
	const out = await runReconciler({
		items,
		parameters: {
			operation: 'reconcileCsv',
			binaryPropertyName: 'data',
			nonApparelRate: 5,
			apparelRate: 8,
			toleranceAmount: 0.05,
			tolerancePercent: 0.5,
			options,
			...extra,
		},
	});
	return {
		findings: out.discrepancies.map((item) => [item.json.orderId, item.json.checkCode]),
		summary: summaryOf(out),
		rejected: out.rejected.map((item) => [item.json.line, item.json.reason]),
		discrepancies: out.discrepancies.map((item) => item.json),
	};
}

describe('placeholder cells', () => {
	it('reads "/", "-" and "N/A" as empty: order rows stay their own orders and are checked', async () => {
		const { findings, summary } = await reconcile([
			row({ id: '576500000000000001', related: '/' }),
			row({
				id: '576500000000000002',
				related: '-',
				commission: '($9.00)',
				fees: '($11.00)',
				settlement: '$89.00',
			}),
			row({ id: '576500000000000003', related: 'N/A' }),
		]);
		expect(summary.ordersChecked).toBe(3);
		expect(findings).toEqual([['576500000000000002', 'commission']]);
	});

	it('reads a placeholder amount as no amount, not as a malformed row', async () => {
		const { rejected, summary } = await reconcile([row({ adjustment: '/' })]);
		expect(rejected).toEqual([]);
		expect(summary.report.rows.parsed).toBe(1);
	});
});

describe('column matching by rank, not by first similar name', () => {
	it('takes "Seller SKU" for SKU rules even when "SKU ID" comes first', async () => {
		const columns = mapColumns(HEADER.split(','));
		expect(columns.mapped.sku).toBe('Seller SKU');
		expect(columns.mapped.skuId).toBe('SKU ID');
		const { findings } = await reconcile(
			[
				row({
					id: '576500000000000011',
					sellerSku: 'TEE-RED',
					commission: '($3.00)',
					fees: '($5.00)',
					settlement: '$95.00',
				}),
			],
			{ rateRules: { rules: [{ matchBy: 'sku', value: 'TEE-RED', ratePercent: 3 }] } },
		);
		expect(findings).toEqual([]);
	});

	it('prefers the better name wherever it stands: "Order settled time" over "Statement date"', () => {
		expect(
			mapColumns(['Order ID', 'Statement date', 'Net sales', 'Order settled time']).mapped.date,
		).toBe('Order settled time');
	});

	it('reports which column each role was read from', async () => {
		const { summary } = await reconcile([row({})]);
		expect(summary.report.columnsRead).toMatchObject({
			sku: 'Seller SKU',
			skuId: 'SKU ID',
			date: 'Order settled time (UTC)',
			relatedOrderId: 'Related order ID',
		});
	});
});

describe('time zones written in headers', () => {
	it('reads "(UTC)" off a header and names the zone', () => {
		expect(headerZone('Order settled time (UTC)')).toBe('UTC');
		expect(headerZone('Order settled time (PT)')).toBe('America/Los_Angeles');
		expect(headerZone('Order settled time')).toBeUndefined();
		expect(headerZone('Order settled time (Nowhere/Land)')).toBeUndefined();
	});

	it('converts a UTC time to the seller day: 03:00 UTC on the 11th is the 10th in Los Angeles', () => {
		expect(parseDateKey('2026/11/11 03:00:00', 'America/Los_Angeles', 'UTC')).toBe(20261110);
		expect(parseDateKey('2026/11/11 03:00:00', 'America/Los_Angeles')).toBe(20261111);
		expect(parseDateKey('2026/11/11', 'America/Los_Angeles', 'UTC')).toBe(20261111);
	});

	it('counts the 45 days from the seller day of a UTC settled time and says so', async () => {
		const { discrepancies, summary } = await reconcile([
			row({
				settled: '2026/10/07 02:30:00',
				commission: '($9.00)',
				fees: '($11.00)',
				settlement: '$89.00',
			}),
		]);
		// 02:30 UTC on Oct 7 is Oct 6 in Los Angeles: 45 days later is Nov 20, the As Of day, still claimable.
		expect(discrepancies[0]).toMatchObject({
			transactionDate: '2026-10-06',
			deadline: '2026-11-20',
			daysLeft: 0,
			pastDeadline: false,
		});
		expect(summary.report.deadlinesCountedFrom).toBe(
			'"Order settled time (UTC)", read as UTC and converted to America/Los_Angeles; 45 days from that calendar day',
		);
	});
});

describe('malformed lines go to Rejected Rows with their line and nothing is shifted', () => {
	it('rejects a row with an extra cell from an unquoted comma, even when the last cell is empty', async () => {
		const shifted = row({ id: '576500000000000021', category: '' }).replace(
			'MUG-BLUE',
			'MUG, BLUE',
		);
		const { rejected, summary } = await reconcile([
			row({}),
			shifted,
			row({ id: '576500000000000022' }),
		]);
		expect(rejected).toEqual([
			[3, 'has 18 cells but the header has 17: an unquoted comma inside a value?'],
		]);
		expect(summary.report.rows).toMatchObject({ parsed: 2, rejected: 1 });
	});

	it('accepts a trailing comma that every row has', async () => {
		const { rejected, summary } = await reconcile([
			`${row({})},`,
			`${row({ id: '576500000000000023' })},`,
		]);
		expect(rejected).toEqual([]);
		expect(summary.report.rows.parsed).toBe(2);
	});

	it('rejects a row whose created time is not a date', async () => {
		const { rejected } = await reconcile([row({ created: '2026/13/45 10:00:00' })]);
		expect(rejected).toEqual([[2, '"Order created time" is not a date']]);
	});

	it('rejects a row in another currency', async () => {
		const { rejected } = await reconcile([row({ currency: 'EUR' })]);
		expect(rejected).toEqual([[2, 'is in EUR; the reconciler checks USD rows only']]);
	});

	it('numbers rejected lines as an editor does, past a quoted line break', async () => {
		const quoted = row({ id: '576500000000000024' }).replace('Home Supplies', '"Home,\r\nGarden"');
		const { rejected } = await reconcile([quoted, row({ id: '', related: '/' })]);
		expect(rejected).toEqual([[4, 'has no order ID']]);
	});

	it('stops at an endless line with its number instead of re-reading it for minutes', async () => {
		const long = `${HEADER}\n${row({})}\n${'x'.repeat(MAX_LINE_CHARS + 10)}\n`;
		await expect(
			streamCsvRecords(Readable.from([Buffer.from(long)]), () => undefined),
		).rejects.toThrow(new LineTooLongError(3));
	});
});

describe('transaction fee on refunds', () => {
	const refunded = row({
		id: '576500000000000031',
		refund: '($40.00)',
		revenue: '$60.00',
		commission: '($3.00)',
		txFee: '($2.00)',
		fees: '($5.00)',
		settlement: '$55.00',
	});

	it('expects the fee on the whole sale by default: TikTok keeps it on a refund', async () => {
		const { findings } = await reconcile([refunded]);
		expect(findings).toEqual([]);
	});

	it('expects it on sales minus refunds when the shop says TikTok gives it back', async () => {
		const { findings } = await reconcile([refunded], {
			options: { ...options, transactionFeeOnRefunds: 'returned' },
		});
		expect(findings).toEqual([['576500000000000031', 'transaction_fee']]);
	});
});

describe('delivered but unsettled, from the orders export', () => {
	const ORDERS = [
		'Order ID,Order Status,Order Substatus,SKU Subtotal After Discount,Delivered Time (UTC)',
	];
	const report = `${HEADER}\r\n${row({ id: '576500000000000041' })}\r\n`;
	const ordersCsv = [
		...ORDERS,
		'\t576500000000000041,Completed,Completed,$100.00,2026/10/20 10:00:00',
		'\t576500000000000042,Delivered,Delivered,$30.00,2026/10/25 10:00:00',
		'\t576500000000000042,Delivered,Delivered,$20.00,2026/10/25 10:00:00',
		'\t576500000000000043,Delivered,Delivered,$50.00,2026/11/15 10:00:00',
		'\t576500000000000044,Canceled,Canceled,$70.00,/',
	].join('\r\n');

	const items = () => [
		{
			...csvItem(report),
			binary: {
				data: csvItem(report).binary!.data,
				orders: csvItem(ordersCsv, 'orders.csv').binary!.data,
			},
		},
	];

	it('reports a delivered order with no settlement row, past the wait, with its payout after commission and fee', async () => {
		const { discrepancies, summary } = await reconcile(
			[],
			{ ordersBinaryPropertyName: 'orders' },
			items(),
		);
		expect(
			discrepancies.map((finding) => [
				finding.orderId,
				finding.checkCode,
				finding.expected,
				finding.owedToYou,
			]),
		).toEqual([
			// $50.00 − 5 % commission $2.50 − 2 % transaction fee $1.00
			['576500000000000042', 'delivered_not_settled', '50.00', '46.50'],
		]);
		expect(summary.ordersExport).toEqual({
			deliveredOrders: 3,
			notSettled: 1,
			deliveredTooRecently: 1,
			rejectedRows: 0,
		});
	});

	it('says which field to attach when the orders export is missing', async () => {
		await expect(
			reconcile([], { ordersBinaryPropertyName: 'orders' }, [csvItem(report)]),
		).rejects.toThrow('The input item has no binary field "orders" for the orders export');
	});

	it('names the columns it needs when the file is not an orders export', async () => {
		const wrong = [
			{
				...csvItem(report),
				binary: {
					data: csvItem(report).binary!.data,
					orders: csvItem('Name,Email\r\nA,b@c\r\n').binary!.data,
				},
			},
		];
		await expect(reconcile([], { ordersBinaryPropertyName: 'orders' }, wrong)).rejects.toThrow(
			'Columns found: "Name", "Email"',
		);
	});
});
