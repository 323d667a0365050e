import { createWriteStream } from 'node:fs';

/** Seller Center statement layout: fees negative, money with "$" and thousands separators, refunds and adjustments as their own rows. */
export const SETTLEMENT_HEADER =
	'Order/adjustment ID,Type,Order settled time,Currency,Category,SKU ID,Subtotal after seller discounts,Refund subtotal after seller discounts,TikTok Shop commission fee,Transaction fee,Total fees,Adjustment amount,Total settlement amount,Related order ID';

const CATEGORIES = ['Home Supplies', 'Womenswear & Underwear', 'Beauty & Personal Care', 'Kitchenware', 'Menswear', 'Phones & Electronics'];

function dollars(cents: number): string {
	const abs = Math.abs(cents);
	const text = `$${Math.floor(abs / 100).toLocaleString('en-US')}.${String(abs % 100).padStart(2, '0')}`;
	return cents < 0 ? `"(${text})"` : `"${text}"`;
}

/** Deterministic (xorshift) so every run reconciles the same file. */
function random(seed: number): () => number {
	let state = seed >>> 0 || 1;
	return () => {
		state ^= state << 13;
		state ^= state >>> 17;
		state ^= state << 5;
		return (state >>> 0) / 4294967296;
	};
}

/** Writes `rows` data rows; about 1 % of orders are overcharged, 4 % have a refund row, 2 % an adjustment row. */
export async function writeSettlementCsv(path: string, rows: number, seed = 7): Promise<{ rows: number; orders: number; bytes: number }> {
	const next = random(seed);
	const out = createWriteStream(path, { highWaterMark: 1 << 20 });
	let bytes = 0;
	const write = (line: string) => {
		bytes += line.length + 1;
		return out.write(`${line}\n`) ? undefined : new Promise<void>((resolve) => out.once('drain', resolve));
	};
	await write(`\uFEFF${SETTLEMENT_HEADER}`);
	let written = 0;
	let orders = 0;
	while (written < rows) {
		const orderId = `5763${String(orders).padStart(14, '0')}`;
		orders++;
		const category = CATEGORIES[Math.floor(next() * CATEGORIES.length)];
		const apparel = /wear/.test(category);
		const subtotal = 500 + Math.floor(next() * 20000);
		const rate = apparel ? 0.08 : 0.05;
		let commission = Math.round(subtotal * rate);
		if (next() < 0.01) commission += 100 + Math.floor(next() * 500);
		const day = 1 + Math.floor(next() * 28);
		const date = `2025/01/${String(day).padStart(2, '0')} 00:00:00`;
		const sku = `1729${String(Math.floor(next() * 5000)).padStart(6, '0')}`;
		const settlement = subtotal - commission;
		const pending = write(
			`${orderId},Order,${date},USD,${category},${sku},${dollars(subtotal)},${dollars(0)},${dollars(-commission)},${dollars(0)},${dollars(-commission)},${dollars(0)},${dollars(settlement)},`,
		);
		if (pending) await pending;
		written++;
		if (written < rows && next() < 0.04) {
			const refund = Math.floor(subtotal / 2);
			const reversal = Math.round(refund * rate);
			await write(`${orderId},Refund,${date},USD,${category},${sku},${dollars(0)},${dollars(-refund)},${dollars(reversal)},${dollars(0)},${dollars(reversal)},${dollars(0)},${dollars(-refund + reversal)},`);
			written++;
		}
		if (written < rows && next() < 0.02) {
			const amount = -(100 + Math.floor(next() * 400));
			await write(`73120${String(orders).padStart(11, '0')},Shipping fee adjustment,${date},USD,,,${dollars(0)},${dollars(0)},${dollars(0)},${dollars(0)},${dollars(0)},${dollars(amount)},${dollars(amount)},${orderId}`);
			written++;
		}
	}
	await new Promise<void>((resolve, reject) => out.end((error?: Error | null) => (error ? reject(error) : resolve())));
	return { rows: written, orders, bytes };
}
