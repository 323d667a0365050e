import { createLimiter, mapLimited } from '../../../nodes/InventoryPush/v1/inventory/pool';

describe('the push limiter', () => {
	it('runs every task, never more than the limit at once, and starts them in the order they came', async () => {
		let active = 0;
		let peak = 0;
		const started: number[] = [];
		const results = await mapLimited(
			Array.from({ length: 500 }, (_, i) => i),
			7,
			async (value) => {
				started.push(value);
				active += 1;
				peak = Math.max(peak, active);
				await new Promise((resolve) => setImmediate(resolve));
				active -= 1;
				return value * 2;
			},
		);
		expect(results).toEqual(Array.from({ length: 500 }, (_, i) => i * 2));
		expect(peak).toBe(7);
		expect(started).toEqual(Array.from({ length: 500 }, (_, i) => i));
	});

	it('frees the slot of a task that failed, and can be used again once drained', async () => {
		const limit = createLimiter(1);
		await expect(limit(async () => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
		expect(await Promise.all([limit(async () => 'a'), limit(async () => 'b')])).toEqual(['a', 'b']);
		expect(await limit(async () => 'c')).toBe('c');
	});
});
