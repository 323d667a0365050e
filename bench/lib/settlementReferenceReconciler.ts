import { parse } from 'csv-parse';
import { createReadStream } from 'node:fs';

/**
 * Child process: a plain single-pass reference reconciler, written for the bench the way a competent developer would
 * write one without tuning: csv-parse streaming the file with named columns, one object per order in a Map, the same
 * checks as the node (commission by category/SKU rate, refund reversal, transaction fee on the gross, net payout,
 * duplicate adjustments, B2B), dollars parsed with a regular expression. It is the yardstick issue #17 sets: the node
 * must take at most half its time.
 *   node settlementReferenceReconciler.js <file>
 */
interface Order {
	gross: number;
	refund: number;
	commission: number;
	fee: number;
	fees: number;
	adjustment: number;
	income: number;
	settlement: number;
	expectedCommission: number;
	expectedReversal: number;
	b2b: boolean;
	adjustments: string[];
}

const PLACEHOLDER = /^(?:\/|-|--|n\/a|)$/i;
const RATES = {
	nonApparel: 0.05,
	apparel: 0.08,
	apparelCategories: ['womenswear & underwear', 'menswear & underwear', "kids' fashion"],
	category: { 'beauty & personal care': 0.03 } as Record<string, number>,
	sku: { 'aura-hoodie-blk-m': 0.04 } as Record<string, number>,
};

function cents(text: string | undefined): number {
	if (text === undefined || PLACEHOLDER.test(text.trim())) return 0;
	const match = /^\s*(\()?\s*(-)?\s*\$?\s*(-)?([\d,]+(?:\.\d+)?)\s*\)?\s*$/.exec(text);
	if (!match) return NaN;
	const value = Math.round(Number(match[4].replace(/,/g, '')) * 100);
	return match[1] || match[2] || match[3] ? -value : value;
}

function rateOf(row: Record<string, string>): number {
	const sku = (row['Seller SKU'] ?? '').trim().toLowerCase();
	if (RATES.sku[sku] !== undefined) return RATES.sku[sku];
	const category = (row.Category ?? '').trim().toLowerCase();
	if (RATES.category[category] !== undefined) return RATES.category[category];
	return RATES.apparelCategories.includes(category) ? RATES.apparel : RATES.nonApparel;
}

async function main(path: string): Promise<void> {
	const started = process.hrtime.bigint();
	const orders = new Map<string, Order>();
	let rows = 0;
	let rejected = 0;
	const parser = parse({
		bom: true,
		columns: true,
		relax_column_count: true,
		relax_quotes: true,
		skip_empty_lines: true,
	});
	const headerWidth = { value: 0 };
	parser.on('readable', () => {
		let row: Record<string, string> | null;
		while ((row = parser.read() as Record<string, string> | null) !== null) {
			rows++;
			if (!headerWidth.value) headerWidth.value = Object.keys(row).length;
			const related = (row['Related order ID'] ?? '').trim();
			const own = (row['Order/adjustment ID'] ?? '').trim();
			const id = PLACEHOLDER.test(related) ? own : related;
			const amounts = [
				'Total settlement amount',
				'Subtotal after seller discounts',
				'Refund subtotal after seller discounts',
				'TikTok Shop commission fee',
				'Transaction fee',
				'Total fees',
				'Adjustment amount',
				'Shipping incentive',
			].map((name) => cents(row![name]));
			if (!id || amounts.some(Number.isNaN) || (row.Currency && row.Currency !== 'USD')) {
				rejected++;
				continue;
			}
			const [settlement, gross, refund, commission, fee, fees, adjustment, income] = amounts;
			let order = orders.get(id);
			if (!order) {
				order = {
					gross: 0,
					refund: 0,
					commission: 0,
					fee: 0,
					fees: 0,
					adjustment: 0,
					income: 0,
					settlement: 0,
					expectedCommission: 0,
					expectedReversal: 0,
					b2b: false,
					adjustments: [],
				};
				orders.set(id, order);
			}
			const rate = rateOf(row);
			order.gross += gross;
			order.refund += Math.abs(refund);
			order.commission -= commission;
			order.fee -= fee;
			order.fees -= fees;
			order.adjustment += adjustment;
			order.income += Math.abs(income);
			order.settlement += settlement;
			order.expectedCommission += Math.round((gross - Math.abs(refund)) * rate);
			order.expectedReversal += Math.round(Math.abs(refund) * rate);
			if (/b2b|wholesale/i.test(row['Sales channel'] ?? '')) order.b2b = true;
			if (!PLACEHOLDER.test(related) && related !== own)
				order.adjustments.push(
					`${row.Type}|${adjustment}|${(row['Order settled time'] ?? '').slice(0, 10)}`,
				);
		}
	});
	// An unterminated quote on the last line ends the parse with an error: that line is rejected, the rest is read.
	await new Promise((resolve) => {
		createReadStream(path)
			.pipe(parser)
			.on('end', resolve)
			.on('error', () => {
				rejected++;
				resolve(undefined);
			});
	});
	let findings = 0;
	let netPayout = 0;
	for (const order of orders.values()) {
		netPayout += order.settlement;
		if (order.b2b) {
			findings++;
			continue;
		}
		const tolerance = (expected: number) => Math.max(5, Math.round(Math.abs(expected) * 0.005));
		if (
			order.gross &&
			Math.abs(order.commission - order.expectedCommission) > tolerance(order.expectedCommission)
		)
			findings++;
		if (
			order.gross &&
			Math.abs(order.fee - Math.round(order.gross * 0.02)) > tolerance(order.gross * 0.02)
		)
			findings++;
		const expectedNet = order.gross - order.refund - order.fees + order.adjustment + order.income;
		if (Math.abs(order.settlement - expectedNet) > tolerance(expectedNet)) findings++;
		if (new Set(order.adjustments).size < order.adjustments.length) findings++;
	}
	process.stdout.write(
		`${JSON.stringify({
			rows,
			rejected,
			orders: orders.size,
			findings,
			netPayout,
			seconds: Number(process.hrtime.bigint() - started) / 1e9,
			cpuSeconds: (process.cpuUsage().user + process.cpuUsage().system) / 1e6,
			peakRssMb: process.resourceUsage().maxRSS / 1024,
		})}\n`,
	);
}

void main(process.argv[2]);
