import { TokenBucket, bucketFor, resetBuckets } from '../../nodes/shared/tiktok/rateBudget';
import type { HttpTransport } from '../../nodes/shared/tiktok/types';
import { FakeClock, makeClient, ok } from './helpers';

/**
 * The guarantee of TokenBucket(rate R per second, capacity C), with a clock in whole milliseconds:
 * for every half-open window [a, a + W ms), the takes granted inside it number at most C + R * (W - 1) / 1000.
 * (The bucket holds at most C tokens when the window opens and refills R/1000 per ms between the first and last
 * take in it, which are at most W - 1 ms apart.) So in any 1-second window: at most C + R - 1 takes, i.e. 2R - 1 with
 * the capacity bucketFor uses (C = floor(R)); once the first burst is spent, the long-run rate is R.
 */
function maxInWindow(times: number[], windowMs: number): number {
	let best = 0;
	let start = 0;
	for (let end = 0; end < times.length; end++) {
		while (times[end] - times[start] >= windowMs) start++;
		best = Math.max(best, end - start + 1);
	}
	return best;
}

/** `count` callers ask at once; returns the virtual time each was let through, in the order they asked. */
async function takeAll(
	bucket: TokenBucket,
	clock: FakeClock,
	count: number,
	served: number[] = [],
): Promise<number[]> {
	const times: number[] = [];
	await Promise.all(
		Array.from({ length: count }, (_, i) =>
			bucket.take().then(() => {
				times[i] = clock.now();
				served.push(i);
			}),
		),
	);
	return times;
}

describe('TokenBucket', () => {
	beforeEach(() => resetBuckets());

	it.each([
		[50, 50, 400],
		[50, 1, 200],
		[10, 10, 95],
		[3, 3, 40],
		[7, 2, 60],
		[0.5, 1, 6],
	])(
		'rate %d/s, capacity %d, %d concurrent takes: never more than C + R(W-1)/1000 in any window',
		async (rate, capacity, count) => {
			const clock = new FakeClock();
			const bucket = new TokenBucket(rate, capacity, clock);

			const served: number[] = [];
			const times = await takeAll(bucket, clock, count, served);

			expect(times).toHaveLength(count);
			expect(served).toEqual(Array.from({ length: count }, (_, i) => i)); // first come, first served
			for (const windowMs of [1, 20, 100, 999, 1000, 2500, 10_000]) {
				const bound = Math.floor(capacity + (rate * (windowMs - 1)) / 1000 + 1e-9);
				expect(maxInWindow(times, windowMs)).toBeLessThanOrEqual(bound);
			}
			// and it is not needlessly slow: after the first C, one take per 1/R second (rounded up to whole ms)
			const step = Math.ceil(1000 / rate);
			expect(times[count - 1] - times[0]).toBeLessThanOrEqual((count - capacity) * step);
			expect(times[count - 1] - times[0]).toBeGreaterThanOrEqual(
				((count - capacity) * 1000) / rate - 1,
			);
		},
	);

	it('the bound is reached: a full 50/s bucket lets 99 through in its first second, then 50 per second', async () => {
		const clock = new FakeClock();
		const bucket = new TokenBucket(50, 50, clock);

		const times = await takeAll(bucket, clock, 300);

		const start = times[0];
		expect(times.filter((t) => t < start + 1000)).toHaveLength(99);
		for (let second = 1; second < 5; second++) {
			expect(
				times.filter((t) => t >= start + second * 1000 && t < start + (second + 1) * 1000),
			).toHaveLength(50);
		}
	});

	it('refills while idle, but never beyond its capacity', async () => {
		const clock = new FakeClock();
		const bucket = new TokenBucket(10, 5, clock);
		await takeAll(bucket, clock, 5);
		expect(clock.sleeps).toEqual([]);

		clock.time += 60_000; // a long pause does not save up more than 5
		const times = await takeAll(bucket, clock, 6);

		expect(times.slice(0, 5).every((t) => t === times[0])).toBe(true);
		expect(times[5] - times[0]).toBe(100);
	});

	it('rejects a rate of zero or below', () => {
		expect(() => new TokenBucket(0, 1, new FakeClock())).toThrow(RangeError);
		expect(() => new TokenBucket(-5, 1, new FakeClock())).toThrow(RangeError);
	});
});

describe('bucketFor', () => {
	beforeEach(() => resetBuckets());

	it('keeps one bucket per (app, shop, API), and each has its own budget', async () => {
		const clock = new FakeClock();
		const a = bucketFor('app1', 'shopA', '/order/202309/orders', 2, clock);
		expect(bucketFor('app1', 'shopA', '/order/202309/orders', 2, clock)).toBe(a);

		await a.take();
		expect(clock.sleeps).toEqual([]);

		// the same (app, shop, API) is now empty ...
		const others = [
			bucketFor('app2', 'shopA', '/order/202309/orders', 2, clock),
			bucketFor('app1', 'shopB', '/order/202309/orders', 2, clock),
			bucketFor('app1', 'shopA', '/order/202309/orders/search', 2, clock),
		];
		// ... but the others are full
		for (const bucket of others) {
			expect(bucket).not.toBe(a);
			await bucket.take();
		}
		expect(clock.sleeps).toEqual([]);

		await a.take();
		expect(clock.sleeps).toEqual([500]);
	});

	it("replaces the bucket when the rate changes; the client's buckets start with one token and cap each second at the rate", () => {
		const clock = new FakeClock();
		const first = bucketFor('app', 'shop', '/api', 50, clock);
		const second = bucketFor('app', 'shop', '/api', 20, clock);
		expect(second).not.toBe(first);
		expect(second.limits).toEqual({ initialTokens: 1, maxPerSecond: 20 });
		expect(bucketFor('app', 'shop', '/api2', 7.9, clock).limits.maxPerSecond).toBe(7);
		expect(bucketFor('app', 'shop', '/api3', 0.5, clock).limits.maxPerSecond).toBe(1);
	});

	it('keeps the full rate when timers fire late, and still never exceeds it in any one-second window', async () => {
		/** setTimeout on a busy machine: every sleep ends 1 ms after it was due. */
		class LateClock extends FakeClock {
			async sleep(ms: number): Promise<void> {
				await super.sleep(ms + 1);
			}
		}
		const clock = new LateClock();
		const bucket = bucketFor('app', 'shop', '/late', 200, clock);
		const times = await takeAll(bucket, clock, 1000);
		for (const start of times)
			expect(times.filter((t) => t >= start && t < start + 1000).length).toBeLessThanOrEqual(200);
		// 1,000 takes at 200/s need 4.995 s; a bucket that forgot each late millisecond would need 6 s.
		expect(times[999] - times[0]).toBeLessThanOrEqual(5100);
	});

	it('after a pause lets at most two through at once, then paces again', async () => {
		const clock = new FakeClock();
		const bucket = bucketFor('app', 'shop', '/idle', 10, clock);
		await takeAll(bucket, clock, 3);
		clock.time += 60_000;
		const times = await takeAll(bucket, clock, 5);
		expect(times.map((t) => t - times[0])).toEqual([0, 0, 100, 200, 300]);
	});

	it("the client's bucket never lets more than the rate through in any one-second window", async () => {
		const clock = new FakeClock();
		const bucket = bucketFor('app', 'shop', '/paced', 50, clock);
		const times = await takeAll(bucket, clock, 300);
		for (const start of times)
			expect(times.filter((t) => t >= start && t < start + 1000).length).toBeLessThanOrEqual(50);
		expect(times[299] - times[0]).toBeGreaterThanOrEqual((299 * 1000) / 50 - 1);
	});
});

describe('the client spends the rate budget', () => {
	beforeEach(() => resetBuckets());

	function timedTransport(
		clock: FakeClock,
		sent: Array<{ time: number; url: string }>,
	): HttpTransport {
		return async (request) => {
			sent.push({ time: clock.now(), url: request.url });
			return { status: 200, body: JSON.stringify(ok({})) };
		};
	}

	it('paces requests to one API (whatever the id in the path) at the configured rate', async () => {
		const clock = new FakeClock();
		const sent: Array<{ time: number; url: string }> = [];
		const { client } = makeClient(
			{},
			{ clock, http: timedTransport(clock, sent), ratePerSecond: 4 },
		);

		await Promise.all(
			Array.from({ length: 20 }, (_, i) =>
				client.post(`/product/202309/products/17295929697122070${10 + i}/inventory/update`, {
					skus: [],
				}),
			),
		);

		const times = sent.map((request) => request.time);
		expect(times).toHaveLength(20);
		expect(maxInWindow(times, 1000)).toBeLessThanOrEqual(4);
		expect(times[19] - times[0]).toBe(19 * 250); // evenly paced, 250 ms apart
	});

	it('does not make one API wait for another, nor one shop for another', async () => {
		const clock = new FakeClock();
		const sent: Array<{ time: number; url: string }> = [];
		const http = timedTransport(clock, sent);
		const shopA = makeClient({ shopCipher: 'cipherA' }, { clock, http, ratePerSecond: 2 }).client;
		const shopB = makeClient({ shopCipher: 'cipherB' }, { clock, http, ratePerSecond: 2 }).client;

		await Promise.all([
			shopA.get('/order/202309/orders', { ids: ['1'] }),
			shopA.post('/order/202309/orders/search', {}),
			shopB.get('/order/202309/orders', { ids: ['3'] }),
		]);

		expect(clock.sleeps).toEqual([]);
		expect(new Set(sent.map((request) => request.time))).toEqual(new Set([clock.now()]));

		await shopA.get('/order/202309/orders', { ids: ['5'] });
		expect(clock.sleeps).toEqual([500]);
	});
});
