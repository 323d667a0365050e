import { readFileSync } from 'node:fs';
import type { IPairedItemData } from 'n8n-workflow';

import {
	asSummary,
	csvItem,
	fixtureItem,
	FIXTURES,
	runReconciler,
	storedCsvItem,
	summaryOf,
} from '../../../dev/harness/runReconciler';

const asOf = { asOf: '2025-01-20', timeZone: 'America/Los_Angeles' };
const csvRun = (
	items = [fixtureItem('seller-center-statement.csv')],
	extra: Record<string, unknown> = {},
) =>
	runReconciler({
		items,
		parameters: { operation: 'reconcileCsv', binaryPropertyName: 'data', options: asOf, ...extra },
	});

function findings(out: Awaited<ReturnType<typeof csvRun>>) {
	return out.discrepancies.map((item) => item.json as Record<string, unknown>);
}

describe('Settlement Reconciler: Seller Center statement (hand-computed)', () => {
	it('finds each check, most urgent money owed first, with 45-day deadlines in the seller time zone', async () => {
		const out = await csvRun();
		const rows = findings(out).map((f) => [
			f.orderId,
			f.checkCode,
			f.expected,
			f.actual,
			f.owedToYou,
			f.transactionDate,
			f.deadline,
			f.daysLeft,
			f.pastDeadline,
		]);
		expect(rows).toEqual([
			// 8 % apparel on $1,250.00 = $100.00; charged $120.00
			[
				'576000000000000002',
				'commission',
				'100.00',
				'120.00',
				'20.00',
				'2025-01-07',
				'2025-02-21',
				32,
				false,
			],
			// 5 % of ($80 − $30 refunded) = $2.50; TikTok kept 5 % of the full $80 = $4.00
			[
				'576000000000000003',
				'refund_commission_not_reversed',
				'2.50',
				'4.00',
				'1.50',
				'2025-01-08',
				'2025-02-22',
				33,
				false,
			],
			// $40.00 − $2.00 fees = $38.00 expected; $35.00 paid
			[
				'576000000000000004',
				'net_payout',
				'38.00',
				'35.00',
				'3.00',
				'2025-01-09',
				'2025-02-23',
				34,
				false,
			],
			// TikTok's US referral fee includes processing: a separate $0.89 is owed back
			[
				'576000000000000008',
				'transaction_fee',
				'0.00',
				'0.89',
				'0.89',
				'2025-01-11',
				'2025-02-25',
				36,
				false,
			],
			// two "Shipping fee adjustment" of ($4.50) under different adjustment ids, a day apart: the 45 days run
			// from the second booking (2025-01-13)
			[
				'576000000000000005',
				'duplicate_adjustment',
				'-4.50',
				'-9.00',
				'4.50',
				'2025-01-13',
				'2025-02-27',
				38,
				false,
			],
			// $10.00 on $100.00 non-apparel (5 % = $5.00), settled 2024-10-01: too late to claim
			[
				'576000000000000007',
				'commission',
				'5.00',
				'10.00',
				'5.00',
				'2024-10-01',
				'2024-11-15',
				-66,
				true,
			],
			[
				'576000000000000006',
				'b2b_wholesale',
				'0.00',
				'10.00',
				'0.00',
				'2025-01-10',
				'2025-02-24',
				35,
				false,
			],
			// Menswear at 8 % = $16.00 but charged $12.00: in the seller's favour, reported, nothing owed
			[
				'576000000000000012',
				'commission',
				'16.00',
				'12.00',
				'0.00',
				'2025-01-11',
				'2025-02-25',
				36,
				false,
			],
		]);
		expect(
			out.discrepancies.every((item) => (item.pairedItem as { item: number }).item === 0),
		).toBe(true);
		expect(findings(out)[0].reportLine).toBe(3);
	});

	it('summarises totals, variance, recoverable amount and one correction request per check', async () => {
		const [summary] = (await csvRun()).summary.map(asSummary);
		expect(summary.recoverableAmount).toBe('29.89'); // 20.00 + 1.50 + 3.00 + 4.50 + 0.89
		expect(summary.pastDeadlineAmount).toBe('5.00');
		expect(summary.nextDeadline).toBe('2025-02-21');
		expect(summary.headline).toContain('$29.89');
		expect(summary.totals).toEqual({
			// Line 13's commission is "n/a": Seller Center's empty cell, so the order counts with no commission to check.
			grossSales: '2410.00',
			refunds: '30.00',
			fees: '174.78',
			adjustments: '-9.00',
			netPayoutReported: '2193.22',
			netPayoutExpected: '2196.22',
		});
		expect(summary.variance).toBe('-3.00');
		expect(summary.variancePercent).toBe(-0.14);
		expect(summary.ordersChecked).toBe(10);
		expect(summary.b2bOrders).toBe(1);
		expect(summary.feeSign).toBe('fees written as negative amounts');
		expect(
			summary.correctionRequests.map((r) => [r.check, r.orders, r.amount, r.deadline]),
		).toEqual([
			['Commission differs from the rate table', 1, '20.00', '2025-02-21'],
			['Refund without commission reversal', 1, '1.50', '2025-02-22'],
			['Net payout does not add up', 1, '3.00', '2025-02-23'],
			['Transaction / processing fee differs', 1, '0.89', '2025-02-25'],
			['Duplicate adjustment', 1, '4.50', '2025-02-27'],
		]);
		const text: string = summary.correctionRequests[0].text;
		expect(text).toContain('Order 576000000000000002');
		expect(text).toContain('Total requested: $20.00.');
		expect(text).toContain('2025-02-21');
	});

	it('accounts for every row: parsed, rejected with line and reason, or blank', async () => {
		const out = await csvRun();
		const [summary] = out.summary.map(asSummary);
		expect(summary.report.rows).toEqual({ total: 17, parsed: 12, rejected: 4, blank: 1 });
		expect(out.rejected.map((item) => [item.json.line, item.json.reason])).toEqual([
			[14, 'has 6 cells but the header has 21: a cell is missing or the row is cut short'],
			[15, 'has no order ID'],
			[16, '"Order settled time" is not a date'],
			[18, 'a totals line, not an order'],
		]);
		const lines =
			readFileSync(`${FIXTURES}/seller-center-statement.csv`, 'utf8').trimEnd().split(/\r\n/)
				.length - 1;
		expect(summary.report.rows.total).toBe(lines);
	});

	it('reads the BOM-prefixed header and leaves no column unexplained', async () => {
		const [summary] = (await csvRun()).summary.map(asSummary);
		expect(summary.report.columnsRead.orderId).toBe('Order/adjustment ID');
		expect(summary.report.unknownColumns).toEqual([]);
		expect(summary.report.extraFeeColumns).toEqual(['Seller shipping fee', 'Affiliate commission']);
	});

	it('applies rate exceptions: a SKU rule beats the apparel default, a category rule beats the non-apparel default', async () => {
		const out = await csvRun(undefined, {
			rateRules: {
				rules: [
					{ matchBy: 'sku', value: '1729000099', ratePercent: 6 },
					{ matchBy: 'category', value: 'Home Supplies', ratePercent: 10 },
				],
			},
		});
		const byOrder = new Map(findings(out).map((f) => [f.orderId, f]));
		expect(byOrder.has('576000000000000012')).toBe(false); // 6 % of $200.00 = $12.00, as charged
		expect(byOrder.has('576000000000000007')).toBe(false); // 10 % of $100.00 = $10.00, as charged
		expect(byOrder.get('576000000000000001')).toMatchObject({
			checkCode: 'commission',
			expected: '10.00',
			actual: '5.00',
			owedToYou: '0.00',
		});
	});

	it('reads a report stored on disk through the binary stream, with the same result', async () => {
		const stored = await runReconciler({
			items: [storedCsvItem(`${FIXTURES}/seller-center-statement.csv`)],
			parameters: { operation: 'reconcileCsv', binaryPropertyName: 'data', options: asOf },
		});
		expect(stored.streamsOpened).toEqual([`filesystem-v2:${FIXTURES}/seller-center-statement.csv`]);
		expect(findings(stored)).toEqual(findings(await csvRun()));
	});
});

describe('Settlement Reconciler: the headline says what is left to do', () => {
	const HEADER =
		'Order ID,Settlement date,Category,Net sales,Commission fee,Total settlement amount';
	const headlineOf = async (csv: string, asOfDate: string) => {
		const out = await csvRun([csvItem(csv)], {
			options: { asOf: asOfDate, timeZone: 'America/Los_Angeles' },
		});
		return summaryOf(out).headline as string;
	};

	it('names the amount still claimable, then what is past the limit', async () => {
		expect(
			await headlineOf(
				readFileSync(`${FIXTURES}/seller-center-statement.csv`, 'utf8'),
				'2025-01-20',
			),
		).toBe(
			'TikTok owes you $29.89 on 5 findings; the first must be claimed by 2025-02-21. $5.00 on 1 finding is past the 45-day correction limit. 4 rows were not readable: see the Unreadable output.',
		);
	});

	it('does not call a report clean when all its money is past the 45-day limit', async () => {
		expect(
			await headlineOf(
				readFileSync(`${FIXTURES}/seller-center-statement.csv`, 'utf8'),
				'2026-01-20',
			),
		).toBe(
			'No money left to claim within the 45-day limit. $34.89 on 6 findings is past the 45-day correction limit. 4 rows were not readable: see the Unreadable output.',
		);
	});

	it('says when the only findings owe the seller nothing', async () => {
		// Menswear at 8 % of $200.00 is $16.00; $12.00 was charged, in the seller's favour.
		const csv = `${HEADER}\n576000000000000001,2025-01-10,Menswear,$200.00,($12.00),$188.00\n`;
		expect(await headlineOf(csv, '2025-01-20')).toBe(
			'No money to claim: the 1 finding is in your favour or for review only.',
		);
	});

	it('says a clean report is clean', async () => {
		const csv = `${HEADER}\n576000000000000001,2025-01-10,Home Supplies,$200.00,($10.00),$190.00\n`;
		expect(await headlineOf(csv, '2025-01-20')).toBe(
			'No money to claim: every checked order matches the rate table within tolerance.',
		);
	});
});

describe('Settlement Reconciler: column drift', () => {
	it('maps renamed and misspelt headers, reports unknown ones, and detects positive (subtracted) fees', async () => {
		const out = await csvRun([fixtureItem('drifted-columns.csv')]);
		const [summary] = out.summary.map(asSummary);
		expect(summary.report.columnsRead).toMatchObject({
			orderId: 'Order ID',
			date: 'Settlement Date',
			category: 'Product Category',
			subtotal: 'Net Sales',
			refund: 'Refunds',
			commission: 'Platfrom Commission',
			transactionFee: 'Transaction Fees',
			settlement: 'Net Payout',
		});
		expect(summary.report.columnsMatchedBySimilarity.map((m) => [m.header, m.readAs])).toEqual([
			['Platfrom Commission', 'Platform commission'],
			['Transaction Fees', 'Transaction fee'],
		]);
		expect(summary.report.unknownColumns).toEqual(['Warehouse']);
		expect(summary.report.extraFeeColumns).toEqual(['Affiliate fee']);
		expect(summary.feeSign).toBe('fees written as positive amounts');
		// Women's Clothing is apparel: 8 % of ($80 − $20) = $4.80, but $6.40 (8 % of $80) was kept
		expect(
			findings(out).map((f) => [
				f.orderId,
				f.checkCode,
				f.expected,
				f.actual,
				f.owedToYou,
				f.deadline,
			]),
		).toEqual([
			[
				'576100000000000002',
				'refund_commission_not_reversed',
				'4.80',
				'6.40',
				'1.60',
				'2025-02-28',
			],
		]);
		expect(summary.totals.netPayoutExpected).toBe(summary.totals.netPayoutReported);
	});

	it('stops with the headers it found when there is no order ID column', async () => {
		await expect(csvRun([csvItem('Date,Amount\n2025-01-02,$4.00\n')])).rejects.toThrow(
			'The report is missing an order ID column (for example "Order ID" or "Order/adjustment ID"). Columns found: "Date", "Amount".',
		);
	});

	it('skips a report title above the header, reporting it as a rejected line', async () => {
		const csv =
			'TikTok Shop statement export\nShop: Sim Outfitters US\nOrder ID,Settlement date,Net sales,Commission fee,Total settlement amount\n576200000000000001,2025-01-10,$10.00,($0.50),$9.50\n';
		const out = await csvRun([csvItem(csv)]);
		expect(out.rejected.map((item) => [item.json.line, item.json.reason])).toEqual([
			[1, 'above the column header (report title or notes)'],
			[2, 'above the column header (report title or notes)'],
		]);
		expect(summaryOf(out).report.rows).toEqual({ total: 3, parsed: 1, rejected: 2, blank: 0 });
		expect(out.discrepancies).toEqual([]);
	});
});

describe('Settlement Reconciler: items and failures', () => {
	it('reconciles each input item separately and pairs every output with its item', async () => {
		const out = await csvRun([
			fixtureItem('drifted-columns.csv'),
			fixtureItem('seller-center-statement.csv'),
		]);
		expect(out.summary.map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 1 }]);
		expect(
			out.discrepancies.filter((item) => (item.pairedItem as IPairedItemData).item === 0),
		).toHaveLength(1);
		expect(
			out.discrepancies.filter((item) => (item.pairedItem as IPairedItemData).item === 1),
		).toHaveLength(8);
		expect(out.rejected.every((item) => (item.pairedItem as IPairedItemData).item === 1)).toBe(
			true,
		);
	});

	it('with Continue On Fail, an unreadable item becomes a summary item with the error; the others still run', async () => {
		const out = await runReconciler({
			items: [{ json: {} }, fixtureItem('drifted-columns.csv')],
			continueOnFail: true,
			parameters: { operation: 'reconcileCsv', binaryPropertyName: 'data', options: asOf },
		});
		expect(out.summary).toHaveLength(2);
		expect(out.summary[0]).toMatchObject({ pairedItem: { item: 0 } });
		expect(String(out.summary[0].json.error)).toContain("binary file 'data'");
		// Only error/message/details: what n8n moves to the error output under "Continue (using error output)".
		expect(Object.keys(out.summary[0].json).sort()).toEqual(['details', 'error']);
		expect(out.summary[1].json.recoverableAmount).toBe('1.60');
	});
});
