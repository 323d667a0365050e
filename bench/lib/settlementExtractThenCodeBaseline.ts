import { readFileSync } from 'node:fs';
import Papa from 'papaparse';

/**
 * Child process: what a user builds today. "Extract From File" reads the whole binary and turns every CSV row into an
 * item ({ json: row }); a Code node then loops over all items with float math. Leaves out the task runner's copy of the
 * items (n8n 2.x sends Code node input to a separate runner), so the baseline is, if anything, flattered.
 */
function money(text: string | undefined): number {
	if (!text) return 0;
	const negative = /^\(.*\)$/.test(text.trim()) || text.includes('-');
	const value = parseFloat(text.replace(/[^0-9.]/g, '')) || 0;
	return negative ? -value : value;
}

function main(path: string): void {
	const started = process.hrtime.bigint();
	const text = readFileSync(path, 'utf8');
	const parsed = Papa.parse<Record<string, string>>(text, { header: true, skipEmptyLines: true });
	const items = parsed.data.map((json) => ({ json }));
	// Code node ("Run Once for All Items")
	const orders: Record<string, { gross: number; refunds: number; commission: number; fees: number; adjustments: number; payout: number; apparel: boolean }> = {};
	for (const item of items) {
		const row = item.json;
		const id = row['Related order ID'] || row['Order/adjustment ID'];
		const order = (orders[id] ??= { gross: 0, refunds: 0, commission: 0, fees: 0, adjustments: 0, payout: 0, apparel: false });
		order.gross += money(row['Subtotal after seller discounts']);
		order.refunds += Math.abs(money(row['Refund subtotal after seller discounts']));
		order.commission += -money(row['TikTok Shop commission fee']);
		order.fees += -money(row['Total fees']);
		order.adjustments += money(row['Adjustment amount']);
		order.payout += money(row['Total settlement amount']);
		if (/wear|apparel|clothing/i.test(row.Category ?? '')) order.apparel = true;
	}
	const findings: Array<{ orderId: string; expected: number; actual: number }> = [];
	let net = 0;
	for (const [orderId, order] of Object.entries(orders)) {
		net += order.payout;
		if (order.gross === 0) continue;
		const expected = (order.gross - order.refunds) * (order.apparel ? 0.08 : 0.05);
		if (Math.abs(order.commission - expected) > Math.max(0.01, expected * 0.005)) findings.push({ orderId, expected, actual: order.commission });
	}
	const seconds = Number(process.hrtime.bigint() - started) / 1e9;
	process.stdout.write(
		`${JSON.stringify({ rows: parsed.data.length, orders: Object.keys(orders).length, findings: findings.length, netPayout: net, seconds, cpuSeconds: cpuSeconds(), peakRssMb: process.resourceUsage().maxRSS / 1024 })}\n`,
	);
}

/** User + system time, as the reconciler's worker reports it. */
function cpuSeconds(): number {
	const { user, system } = process.cpuUsage();
	return (user + system) / 1e6;
}

main(process.argv[2]);
