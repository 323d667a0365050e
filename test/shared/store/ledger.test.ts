import type { StockMovement } from '../../../nodes/shared/store/types';
import { useBackends } from './backends';

const HOUR = 60 * 60 * 1000;
const DAY = 24 * HOUR;
const NOW = Date.UTC(2026, 10, 25, 12, 0, 0);
const SKU = 'TS-HOODIE-BLK-M';

function sale(orderId: string, line: number, units: number, atMs: number): StockMovement {
	return { sku: SKU, key: `tiktok:${orderId}:${line}`, delta: -units, atMs, kind: 'sale' };
}

describe.each(useBackends())('stock ledger on $name', (backend) => {
	it('applies a movement once, however often it is recorded', async () => {
		const store = await backend.open();
		await store.setOnHand('shop-us', SKU, 40);

		expect(await store.recordMovement('shop-us', sale('576469812345', 1, 2, NOW))).toEqual({
			applied: true,
			onHand: 38,
		});
		expect(await store.recordMovement('shop-us', sale('576469812345', 1, 2, NOW))).toEqual({
			applied: false,
			onHand: 38,
		});
		expect(await store.recordMovement('shop-us', sale('576469812345', 2, 1, NOW))).toEqual({
			applied: true,
			onHand: 37,
		});
		expect(
			await store.recordMovement('shop-us', {
				sku: SKU,
				key: 'tiktok:576469812345:1:cancel',
				delta: 2,
				atMs: NOW,
				kind: 'cancel',
			}),
		).toEqual({ applied: true, onHand: 39 });
	});

	it('counts 50 concurrent sales on two connections exactly, and concurrent duplicates once', async () => {
		const first = await backend.open();
		const second = await backend.openAgain();
		await first.setOnHand('shop-us', SKU, 100);
		const sales = Array.from({ length: 50 }, (_, index) => sale(`5764698${index}`, 1, 1, NOW));

		const results = await Promise.all(
			[...sales, ...sales].map((movement, index) =>
				(index % 2 ? first : second).recordMovement('shop-us', movement),
			),
		);

		expect(results.filter((result) => result.applied)).toHaveLength(50);
		expect(await second.getStock('shop-us', SKU, DAY, NOW)).toEqual({
			onHand: 50,
			soldInWindow: 50,
		});
	});

	it('sums sales inside the velocity window only', async () => {
		const store = await backend.open();
		await store.recordMovement('shop-us', sale('1001', 1, 3, NOW - 7 * DAY)); // the window's start: outside
		await store.recordMovement('shop-us', sale('1002', 1, 2, NOW - 7 * DAY + 1));
		await store.recordMovement('shop-us', sale('1003', 1, 5, NOW - HOUR));
		await store.recordMovement('shop-us', sale('1004', 1, 1, NOW)); // the window's end: inside
		await store.recordMovement('shop-us', sale('1005', 1, 4, NOW + 1)); // after now: outside
		await store.recordMovement('shop-us', {
			sku: SKU,
			key: 'return:1003:1',
			delta: 1,
			atMs: NOW - 1,
			kind: 'return',
		});
		await store.recordMovement('shop-us', {
			sku: SKU,
			key: 'adjust:damaged',
			delta: -2,
			atMs: NOW - 1,
			kind: 'adjust',
		});
		await store.recordMovement('shop-us', {
			...sale('1006', 1, 6, NOW - HOUR),
			sku: 'TS-HOODIE-BLK-L',
		});

		expect(await store.getStock('shop-us', SKU, 7 * DAY, NOW)).toEqual({
			onHand: -16,
			soldInWindow: 8,
		});
		expect(await store.getStock('shop-us', SKU, 2 * HOUR, NOW)).toEqual({
			onHand: -16,
			soldInWindow: 6,
		});
		expect(await store.getStock('shop-us', 'TS-UNKNOWN', DAY, NOW)).toEqual({
			onHand: 0,
			soldInWindow: 0,
		});
	});

	it('sets on-hand once per count key, keeping sales recorded since', async () => {
		const store = await backend.open();

		expect(await store.setOnHand('shop-us', SKU, 120, 'count:2026-11-25')).toEqual({
			applied: true,
			onHand: 120,
		});
		await store.recordMovement('shop-us', sale('2001', 1, 5, NOW));
		expect(await store.setOnHand('shop-us', SKU, 120, 'count:2026-11-25')).toEqual({
			applied: false,
			onHand: 115,
		});
		expect(await store.setOnHand('shop-us', SKU, 118, 'count:2026-11-26')).toEqual({
			applied: true,
			onHand: 118,
		});
		expect(await store.setOnHand('shop-us', SKU, 90)).toEqual({ applied: true, onHand: 90 });
		expect(await store.setOnHand('shop-us', SKU, 90)).toEqual({ applied: true, onHand: 90 });
	});

	it('keeps ledgers apart', async () => {
		const store = await backend.open();
		await store.setOnHand('shop-us', SKU, 10);
		await store.setOnHand('shop-us-2', SKU, 20);

		expect(await store.recordMovement('shop-us', sale('3001', 1, 1, NOW))).toEqual({
			applied: true,
			onHand: 9,
		});
		expect(await store.recordMovement('shop-us-2', sale('3001', 1, 1, NOW))).toEqual({
			applied: true,
			onHand: 19,
		});
	});

	it('keeps stock and movement keys across a restart', async () => {
		const before = await backend.open();
		await before.setOnHand('shop-us', SKU, 10);
		await before.recordMovement('shop-us', sale('4001', 1, 1, NOW));
		await before.close();

		const after = await backend.openAgain();

		expect(await after.recordMovement('shop-us', sale('4001', 1, 1, NOW))).toEqual({
			applied: false,
			onHand: 9,
		});
		expect(await after.getStock('shop-us', SKU, DAY, NOW)).toEqual({ onHand: 9, soldInWindow: 1 });
	});

	it('refuses movements whose sign contradicts their kind, or fractional units', async () => {
		const store = await backend.open();

		await expect(
			store.recordMovement('shop-us', { ...sale('5001', 1, 1, NOW), delta: 1 }),
		).rejects.toThrow('a sale must have a negative delta');
		await expect(
			store.recordMovement('shop-us', { sku: SKU, key: 'c', delta: -1, atMs: NOW, kind: 'cancel' }),
		).rejects.toThrow('a cancel must have a positive delta');
		await expect(
			store.recordMovement('shop-us', { ...sale('5002', 1, 1, NOW), delta: -0.5 }),
		).rejects.toThrow('whole number of units');
		await expect(store.setOnHand('shop-us', SKU, -1)).rejects.toThrow('0 or more');
		expect(await store.getStock('shop-us', SKU, DAY, NOW)).toEqual({ onHand: 0, soldInWindow: 0 });
	});
});
