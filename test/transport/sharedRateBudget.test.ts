import { spawn } from 'node:child_process';
import { join } from 'node:path';

import { Redis } from 'ioredis';

import type { RateKey } from '../../nodes/shared/tiktok/rateBudget';
import {
	SPACING_MARGIN,
	SharedRateBudget,
	type Grant,
} from '../../nodes/shared/tiktok/sharedRateBudget';
import { startRedisServer, type RedisServer } from '../../dev/harness/redisServer';
import {
	realNow,
	type WorkerArgs,
	type WorkerGrants,
} from '../../dev/harness/sharedRateBudgetWorker';

/*
 * The shared budget against a real redis-server: workers in one process (separate connections) and in separate
 * processes, each hammering one budget, must together stay within TikTok's 50 per second.
 */
const RATE = 50;
/** Slots are this far apart in Redis time: 1/rate and a 1 % margin for send jitter. */
const INTERVAL_MS = Math.ceil((1_000_000 / RATE) * SPACING_MARGIN) / 1000;
const KEY: RateKey = {
	appKey: '6d3k1c9p0qlfa',
	shop: 'ROW_cipher_Jm8kQ2',
	api: '/fulfillment/202309/packages/{id}/ship',
};

let server: RedisServer;
const opened: SharedRateBudget[] = [];

beforeAll(async () => {
	server = await startRedisServer();
});
afterAll(async () => {
	await Promise.all(opened.map((budget) => budget.close()));
	await server.stop();
});

/** A budget on its own connection, as one n8n worker has. */
function newBudget(onGrant?: (key: RateKey, grant: Grant) => void): SharedRateBudget {
	const budget = new SharedRateBudget(
		async () => {
			const redis = new Redis({ host: server.host, port: server.port, lazyConnect: true });
			await redis.connect();
			return redis;
		},
		{ onGrant },
	);
	opened.push(budget);
	return budget;
}

/** The most events in any half-open window [t, t + width). */
function maxInWindow(times: number[], width: number): number {
	const sorted = [...times].sort((a, b) => a - b);
	let best = 0;
	for (let end = 0, start = 0; end < sorted.length; end++) {
		while (sorted[end] - sorted[start] >= width) start++;
		best = Math.max(best, end - start + 1);
	}
	return best;
}

/** Takes from `budget` with `concurrency` callers until `durationMs` has passed; returns when each was let through. */
async function hammer(
	budget: SharedRateBudget,
	key: RateKey,
	durationMs: number,
	concurrency = 3,
): Promise<number[]> {
	const sentAt: number[] = [];
	const deadline = realNow() + durationMs;
	const caller = async () => {
		while (realNow() < deadline) {
			await budget.take(key, RATE);
			sentAt.push(realNow());
		}
	};
	await Promise.all(Array.from({ length: concurrency }, caller));
	return sentAt;
}

function startWorker(args: Omit<WorkerArgs, 'port'>) {
	const child = spawn(
		process.execPath,
		[
			'-r',
			require.resolve('ts-node/register/transpile-only'),
			join(__dirname, '..', '..', 'dev', 'harness', 'sharedRateBudgetWorker.ts'),
			JSON.stringify({ ...args, port: server.port }),
		],
		{ cwd: join(__dirname, '../..'), stdio: ['pipe', 'pipe', 'pipe'] },
	);
	let stdout = '';
	let stderr = '';
	child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
	const ready = new Promise<void>((resolve) => {
		child.stdout.on('data', (chunk: Buffer) => {
			stdout += chunk.toString();
			if (stdout.startsWith('ready\n')) resolve();
		});
	});
	const result = new Promise<WorkerGrants>((resolve, reject) => {
		child.once('exit', (code, signal) => {
			if (code !== 0) reject(new Error(`worker exited with ${code ?? signal}:\n${stderr}`));
			else resolve(JSON.parse(stdout.slice('ready\n'.length)) as WorkerGrants);
		});
	});
	result.catch(() => undefined);
	return { child, ready, result, go: () => child.stdin.write('go\n') };
}

/*
 * What these tests pin is the schedule the budget hands out, in Redis time: slot times and who got them. When the
 * callers then send is up to a busy event loop, and how many get through per second is a throughput figure: that is
 * bench/sharedRateBudget.ts's business, not a unit test's (no timing assertions here).
 */
/** Slot times (ms, Redis clock) sorted, and the smallest gap between neighbours. */
function smallestGap(slots: number[]): number {
	const sorted = [...slots].sort((a, b) => a - b);
	return Math.min(...sorted.slice(1).map((slot, index) => slot - sorted[index]));
}

describe('SharedRateBudget (Redis GCRA)', () => {
	it('keeps two workers in one process within 50 per second together, and serves them both', async () => {
		const slots: number[] = [];
		const key = { ...KEY, api: '/one-process' };
		const slotsOf = (into: number[]) => (_key: RateKey, grant: Grant) => {
			into.push(grant.slotMicros / 1000);
			slots.push(grant.slotMicros / 1000);
		};
		const firstSlots: number[] = [];
		const secondSlots: number[] = [];
		await Promise.all([
			hammer(newBudget(slotsOf(firstSlots)), key, 3000),
			hammer(newBudget(slotsOf(secondSlots)), key, 3000),
		]);

		expect(maxInWindow(slots, 1000)).toBeLessThanOrEqual(RATE);
		expect(smallestGap(slots)).toBeGreaterThanOrEqual(INTERVAL_MS - 0.001);
		// Both took turns: neither was shut out (GCRA serves whoever asks next; each asked as often).
		expect(Math.min(firstSlots.length, secondSlots.length)).toBeGreaterThanOrEqual(
			0.25 * slots.length,
		);
	});

	it('keeps two worker processes within 50 per second together, whatever their own clocks say', async () => {
		const key = { ...KEY, api: '/two-processes' };
		// One process runs 7 s fast, the other 4 s slow: the budget reads Redis TIME, never Date.now().
		const workers = [
			startWorker({ key, ratePerSecond: RATE, durationMs: 3000, concurrency: 4, skewMs: 7000 }),
			startWorker({ key, ratePerSecond: RATE, durationMs: 3000, concurrency: 4, skewMs: -4000 }),
		];
		await Promise.all(workers.map((worker) => worker.ready));
		workers.forEach((worker) => worker.go());
		const [fast, slow] = await Promise.all(workers.map((worker) => worker.result));
		const slots = [...fast.slots, ...slow.slots].map((micros) => micros / 1000);

		expect(maxInWindow(slots, 1000)).toBeLessThanOrEqual(RATE);
		// Slots are one interval apart in Redis time, interleaved between the two processes.
		expect(smallestGap(slots)).toBeGreaterThanOrEqual(INTERVAL_MS - 0.001);
		expect(Math.min(fast.slots.length, slow.slots.length)).toBeGreaterThanOrEqual(
			0.25 * slots.length,
		);
	}, 30_000);

	it('gives each shop and each API its own 50 per second', async () => {
		const budget = newBudget();
		const keys: RateKey[] = [
			{ ...KEY, api: '/independent' },
			{ ...KEY, shop: 'ROW_other_shop', api: '/independent' },
			{ ...KEY, api: '/independent-other-api' },
			{ ...KEY, appKey: 'another-app', api: '/independent' },
		];
		// Shared, each key's first slot would wait for the one before it; apart, none waits.
		const grants = [];
		for (const key of keys) grants.push(await budget.grant(key, RATE));
		expect(grants.map((grant) => grant.waitMs)).toEqual([0, 0, 0, 0]);
		const again = await budget.grant(keys[0], RATE);
		expect(again.slotMicros - grants[0].slotMicros).toBeGreaterThanOrEqual(
			Math.round(INTERVAL_MS * 1000),
		);
		expect(new Set(keys.map((key) => budget.keyOf(key))).size).toBe(keys.length);
	});

	it('a worker killed while it waits for its slot holds up the others by one interval at most', async () => {
		const key = { ...KEY, api: '/killed-worker' };
		// 50 callers at once in the doomed process: only one of them holds a slot in Redis.
		const doomed = startWorker({
			key,
			ratePerSecond: RATE,
			takes: 10_000,
			concurrency: 50,
			skewMs: 0,
		});
		await doomed.ready;
		doomed.go();
		await new Promise((resolve) => setTimeout(resolve, 500));
		const exited = new Promise((resolve) => doomed.child.once('exit', resolve));
		doomed.child.kill('SIGKILL');
		await exited;

		const survivor = newBudget();
		const grant = await survivor.grant(key, RATE);
		expect(grant.waitMs).toBeLessThanOrEqual(INTERVAL_MS + 1);
		// Nothing left to leak: the key expires a second after its last slot.
		const redis = new Redis({ host: server.host, port: server.port });
		const ttl = await redis.pttl(survivor.keyOf(key));
		await redis.quit();
		expect(ttl).toBeGreaterThan(0);
		expect(ttl).toBeLessThanOrEqual(1000 + 2 * INTERVAL_MS);
	}, 30_000);

	it('a client that took a slot and never used it costs one interval', async () => {
		const key = { ...KEY, api: '/abandoned-grant' };
		const abandoned = await newBudget().grant(key, RATE);
		const next = await newBudget().grant(key, RATE);
		expect(abandoned.waitMs).toBe(0);
		// The next slot is one interval on (later if more time than that passed between the two calls), never more wait.
		expect(next.slotMicros - abandoned.slotMicros).toBeGreaterThanOrEqual(
			Math.round(INTERVAL_MS * 1000),
		);
		expect(next.waitMs).toBeLessThanOrEqual(INTERVAL_MS);
	});

	it('spaces a rate that does not divide a second by whole microseconds, rounded up', async () => {
		const budget = newBudget();
		const key = { ...KEY, api: '/thirty' };
		const first = await budget.grant(key, 30);
		const second = await budget.grant(key, 30);
		expect(second.slotMicros - first.slotMicros).toBe(33_667);
	});

	it("falls back to this process's bucket when Redis cannot be reached, and tries again later", async () => {
		const budget = new SharedRateBudget(
			async () => {
				const redis = new Redis({
					host: '127.0.0.1',
					port: 1,
					lazyConnect: true,
					retryStrategy: () => null,
				});
				await redis.connect();
				return redis;
			},
			{ reconnectAfterMs: 60_000 },
		);
		await budget.take({ ...KEY, api: '/no-redis' }, RATE);
		await budget.take({ ...KEY, api: '/no-redis' }, RATE);
		expect(budget.fallbacks).toBe(2);
		await budget.close();
	});
});
