/**
 * What a user writes in the Code node ("Run Once for All Items") after Extract From File: group the rows by order and
 * check the commission, in float math. Shared by both baseline extractors so that they differ only in the extract step.
 */
export interface CodeNodeItem {
	json: Record<string, string>;
}

export interface CodeNodeResult {
	orders: number;
	findings: number;
	netPayout: number;
}

function money(text: string | undefined): number {
	if (!text) return 0;
	const negative = /^\(.*\)$/.test(text.trim()) || text.includes('-');
	const value = parseFloat(text.replace(/[^0-9.]/g, '')) || 0;
	return negative ? -value : value;
}

/** Seller Center's empty-cell marks, as a user who has looked at the export would test for them. */
const blank = (value: string | undefined): boolean =>
	!value || /^(?:\/|-|n\/a)$/i.test(value.trim());

export function codeNode(items: CodeNodeItem[]): CodeNodeResult {
	const orders: Record<
		string,
		{
			gross: number;
			refunds: number;
			commission: number;
			fees: number;
			adjustments: number;
			payout: number;
			apparel: boolean;
		}
	> = {};
	for (const item of items) {
		const row = item.json;
		const id = blank(row['Related order ID'])
			? row['Order/adjustment ID']
			: row['Related order ID'];
		const order = (orders[id] ??= {
			gross: 0,
			refunds: 0,
			commission: 0,
			fees: 0,
			adjustments: 0,
			payout: 0,
			apparel: false,
		});
		order.gross += money(row['Subtotal after seller discounts']);
		order.refunds += Math.abs(money(row['Refund subtotal after seller discounts']));
		order.commission += -money(row['TikTok Shop commission fee']);
		order.fees += -money(row['Total fees']);
		order.adjustments += money(row['Adjustment amount']);
		order.payout += money(row['Total settlement amount']);
		if (/wear|apparel|clothing/i.test(row.Category ?? '')) order.apparel = true;
	}
	let findings = 0;
	let netPayout = 0;
	for (const order of Object.values(orders)) {
		netPayout += order.payout;
		if (order.gross === 0) continue;
		const expected = (order.gross - order.refunds) * (order.apparel ? 0.08 : 0.05);
		if (Math.abs(order.commission - expected) > Math.max(0.01, expected * 0.005)) findings++;
	}
	return { orders: Object.keys(orders).length, findings, netPayout };
}
