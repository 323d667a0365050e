import {
	applyRate,
	formatCents,
	formatDollars,
	parseCents,
} from '../../../nodes/SettlementReconciler/v1/reconciliation/money';
import { csvItem, runReconciler, summaryOf } from '../../../dev/harness/runReconciler';

describe('report amounts become integer cents', () => {
	it.each([
		['$1,234.56', 123456],
		['(12.30)', -1230],
		['($1,000.00)', -100000],
		['-$4.00', -400],
		['$-4.00', -400],
		['USD 3', 300],
		['3.5 USD', 350],
		['US$0.07', 7],
		['1.005', 101],
		['.5', 50],
		['−2.10', -210],
		['  42  ', 4200],
		['1,234,567.89', 123456789],
		['12,345', 1234500],
		['$1,234', 123400],
		['(1,234.50 USD)', -123450],
		['- $ 1,000', -100000],
		['1,234.567', 123457],
		['1.', 100],
		['+5', 500],
		['0.004', 0],
		['-0.004', 0], // not -0: a rounded-away amount has no sign
	])('%s → %d cents', (text, cents) => {
		expect(parseCents(text)).toBe(cents);
	});

	it('tells blank from not-an-amount', () => {
		expect(parseCents('   ')).toBeNull();
		for (const text of ['n/a', '12.3.4', '$', '1,23.4,5', '12abc', '(12', '1e5'])
			expect(parseCents(text)).toBeNaN();
	});

	it('accepts thousands separators only in groups of three, so a decimal comma is never read 100× too large', () => {
		for (const text of ['12,34', '1234,567', '1,2345', '1,,234', '5,000,0', '1,23', ',123'])
			expect(parseCents(text)).toBeNaN();
	});

	it('refuses amounts beyond exact integer cents rather than rounding them', () => {
		expect(parseCents('92,233,720,368,547,758.07')).toBeNaN();
		expect(parseCents('90,071,992,547,409.91')).toBe(9_007_199_254_740_991);
	});

	it('applies rates in integer arithmetic, half away from zero', () => {
		expect(applyRate(70, 500)).toBe(4); // 5 % of $0.70 = 3.5¢
		expect(Math.round(0.7 * 0.05 * 100)).toBe(3); // what a float formula gives
		expect(applyRate(290, 500)).toBe(15); // 14.5¢; the float formula gives 14
		expect(applyRate(-70, 500)).toBe(-4);
		expect(applyRate(125_000, 800)).toBe(10_000);
		expect(applyRate(9_007_199_254_740_991, 800)).toBe(720_575_940_379_279); // beyond safe products, via BigInt
	});

	it('formats cents as decimal strings and dollars', () => {
		expect(formatCents(-5)).toBe('-0.05');
		expect(formatCents(123456)).toBe('1234.56');
		expect(formatDollars(-123456789)).toBe('-$1,234,567.89');
	});
});

describe('sums stay exact where float sums drift', () => {
	it('10,000 fees of $0.10 and sales of $0.70 total exactly, and 5 % of $0.70 expects 4¢ (float: 3¢)', async () => {
		const lines = [
			'Order ID,Settlement date,Subtotal after seller discounts,Commission fee,Total fees,Total settlement amount',
		];
		let floatFees = 0;
		for (let order = 0; order < 10_000; order++) {
			lines.push(
				`5763000000000${String(order).padStart(5, '0')},2025-01-10,$0.70,($0.04),($0.10),$0.60`,
			);
			floatFees += 0.1;
		}
		expect(floatFees.toFixed(10)).not.toBe('1000.0000000000'); // the drift a float sum would carry
		const out = await runReconciler({
			items: [csvItem(lines.join('\n'))],
			parameters: {
				operation: 'reconcileCsv',
				binaryPropertyName: 'data',
				toleranceAmount: 0,
				tolerancePercent: 0,
				options: { asOf: '2025-01-20' },
			},
		});
		const summary = summaryOf(out);
		expect(summary.totals).toMatchObject({
			grossSales: '7000.00',
			fees: '1000.00',
			netPayoutReported: '6000.00',
			netPayoutExpected: '6000.00',
		});
		expect(summary.ordersChecked).toBe(10_000);
		expect(out.discrepancies).toEqual([]);
	});
});
