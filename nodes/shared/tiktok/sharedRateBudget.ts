import type { Redis } from 'ioredis';
import type { ICredentialDataDecryptedObject, INode } from 'n8n-workflow';

import { connectRedis } from '../store/redisConnection';
import { DEFAULT_KEY_PREFIX, type RedisStoreConfig } from '../store/types';
import { processRateBudget, type RateBudget, type RateKey } from './rateBudget';
import { processCache } from '../processCaches';

/*
 * One rate budget per app + shop + API for every n8n process that shares a Redis (queue mode: main, webhook
 * processes, workers). TikTok counts 50 requests per second per API per app + shop, wherever they come from.
 *
 * The algorithm is GCRA with reservations and no burst tolerance. Redis keeps one number per budget, the
 * theoretical arrival time (TAT): the earliest moment the next request may go. A grant is one script call:
 *
 *   slot = max(TAT, now); TAT = slot + interval; reply slot - now
 *
 * and the caller sleeps until its slot. Consecutive slots are at least one interval apart, so any one-second
 * window (of Redis time) holds at most `rate` of them; "now" is Redis `TIME`, so the workers' own clocks never
 * enter. Slots go out in the order the scripts run, so workers are served in turn.
 *
 * Each process asks for one slot per budget at a time (a local queue per budget; the next caller asks once the
 * previous one's slot has come). A worker that dies or is killed while it sleeps therefore strands one slot, one
 * interval, and no more; nothing needs releasing. Asking at the moment the previous slot comes keeps a lone worker
 * at the full rate: its next slot, one interval later, is already the TAT (no drift from round trips or late timers).
 *
 * Why not a library: rate-limiter-flexible (11.4.0) RateLimiterRedis counts fixed windows: 50 at the end of one
 * second and 50 at the start of the next both pass, and a call over the limit is rejected, so callers would retry
 * (poll) and race at each window edge; its `execEvenly` spaces calls with each process's own setTimeout after the
 * points are taken, which does not order workers against each other. bottleneck (2.19.5, no release since 2019)
 * keeps its Redis state per Bottleneck instance and schedules by minTime/reservoir, one instance per budget.
 * The script below is a dozen lines and has exactly TikTok's shape: N per second per key, evenly spaced.
 */

/**
 * KEYS: the budget's TAT (microseconds of Redis time). ARGV: the interval in microseconds.
 * Returns { wait in µs, the slot in µs of Redis time }.
 */
export const GRANT_SLOT = `
local time = redis.call('TIME')
local now = tonumber(time[1]) * 1000000 + tonumber(time[2])
local interval = tonumber(ARGV[1])
local tat = tonumber(redis.call('GET', KEYS[1]) or '0')
-- A TAT a minute ahead can only come from Redis' clock stepping back: start afresh rather than stall.
if tat > now + 60000000 then tat = now end
local slot = math.max(tat, now)
local nextTat = slot + interval
redis.call('SET', KEYS[1], string.format('%.0f', nextTat), 'PX', math.ceil((nextTat - now) / 1000) + 1000)
return { slot - now, string.format('%.0f', slot) }
`;

/** One grant, as the script answered it (for tests and the benchmark). */
export interface Grant {
	/** How long until the slot, by Redis' clock, in ms (fractional): the caller sleeps that long. */
	waitMs: number;
	/** The slot in Redis time, µs since the epoch (exact in a double until the year 2255). */
	slotMicros: number;
}

export interface SharedRateBudgetOptions {
	keyPrefix?: string;
	/** Where a request waits when Redis cannot be reached: this process's bucket (TikTok's 429s then back off). */
	fallback?: RateBudget;
	/** After Redis failed to connect, how long to use the fallback before trying again. */
	reconnectAfterMs?: number;
	/** Called with every grant (tests and the benchmark count them). */
	onGrant?: (key: RateKey, grant: Grant) => void;
}

/**
 * Slots are 1 % more than 1/rate apart, so requests that leave up to 10 ms early or late (a busy event loop, a
 * timer) still never put rate + 1 of them into one second on the wire; it costs half a request per second at 50/s.
 */
export const SPACING_MARGIN = 1.01;

/**
 * Sleeps until a moment of the monotonic clock. A Node timer can fire up to a millisecond before its delay is
 * over (it counts from the event loop's cached time), so one more short timer covers the remainder.
 */
async function sleepUntil(deadline: number): Promise<void> {
	for (let left = deadline - performance.now(); left > 0; left = deadline - performance.now()) {
		await new Promise((resolve) => setTimeout(resolve, Math.ceil(left)));
	}
}

type RedisWithGrant = Redis & {
	tiktokRateGrant(key: string, intervalMicros: string): Promise<[number, string]>;
};

export class SharedRateBudget implements RateBudget {
	private readonly queues = new Map<string, Promise<unknown>>();
	private readonly prefix: string;
	private redis?: Promise<RedisWithGrant>;
	private downUntil = 0;
	/** Requests that waited in the fallback because Redis failed. */
	fallbacks = 0;

	constructor(
		private readonly connect: () => Promise<Redis>,
		private readonly options: SharedRateBudgetOptions = {},
	) {
		this.prefix = `${options.keyPrefix ?? DEFAULT_KEY_PREFIX}rate:`;
	}

	/** The Redis key of one budget. The parts are length-prefixed, so no app key or cipher can fake another's. */
	keyOf(key: RateKey): string {
		return (
			this.prefix +
			[key.appKey, key.shop, key.api].map((part) => `${part.length}:${part}`).join('|')
		);
	}

	/** Resolves at this process's next slot for `key`; callers in this process are served in arrival order. */
	take(key: RateKey, ratePerSecond: number): Promise<void> {
		if (!(ratePerSecond > 0))
			return Promise.reject(
				new RangeError(`Requests per second must be above 0 (got ${ratePerSecond})`),
			);
		const id = this.keyOf(key);
		const turn = (this.queues.get(id) ?? Promise.resolve()).then(() =>
			this.waitForSlot(key, ratePerSecond),
		);
		const settled = turn.catch(() => undefined);
		this.queues.set(id, settled);
		void settled.then(() => {
			if (this.queues.get(id) === settled) this.queues.delete(id);
		});
		return turn;
	}

	/** One slot from Redis, without sleeping: the caller owns it and must use it (or waste one interval). */
	async grant(key: RateKey, ratePerSecond: number): Promise<Grant> {
		const redis = await this.connection();
		const intervalMicros = Math.ceil((1_000_000 / ratePerSecond) * SPACING_MARGIN);
		const [waitMicros, slot] = await redis.tiktokRateGrant(this.keyOf(key), String(intervalMicros));
		return { waitMs: Number(waitMicros) / 1000, slotMicros: Number(slot) };
	}

	async close(): Promise<void> {
		const redis = await this.redis?.catch(() => undefined);
		this.redis = undefined;
		await redis?.quit().catch(() => redis.disconnect());
	}

	private async waitForSlot(key: RateKey, ratePerSecond: number): Promise<void> {
		let grant: Grant;
		try {
			grant = await this.grant(key, ratePerSecond);
		} catch {
			this.fallbacks++;
			return await (this.options.fallback ?? processRateBudget).take(key, ratePerSecond);
		}
		this.options.onGrant?.(key, grant);
		await sleepUntil(performance.now() + grant.waitMs);
	}

	private connection(): Promise<RedisWithGrant> {
		if (!this.redis) {
			if (Date.now() < this.downUntil)
				return Promise.reject(new Error('Redis was unreachable a moment ago'));
			const opening = this.connect().then((redis) => {
				redis.defineCommand('tiktokRateGrant', { numberOfKeys: 1, lua: GRANT_SLOT });
				return redis as RedisWithGrant;
			});
			opening.catch(() => {
				if (this.redis === opening) this.redis = undefined;
				this.downUntil = Date.now() + (this.options.reconnectAfterMs ?? 5000);
			});
			this.redis = opening;
		}
		return this.redis;
	}
}

/** How long one Redis command may take before the request falls back to this process's bucket. */
const FAIL_AFTER_MS = 2000;
const budgets = processCache<string, SharedRateBudget>('sharedRateBudgets');

/** The process-wide shared budget for one Redis configuration; the connection opens at the first request. */
export function sharedRateBudget(config: Omit<RedisStoreConfig, 'kind'>): SharedRateBudget {
	const id = JSON.stringify([
		config.url,
		config.host,
		config.port,
		config.db,
		config.username,
		config.password,
		config.tls,
		config.keyPrefix,
	]);
	let budget = budgets.get(id);
	if (!budget) {
		budget = new SharedRateBudget(
			() => connectRedis({ kind: 'redis', failAfterMs: FAIL_AFTER_MS, ...config }),
			{ keyPrefix: config.keyPrefix },
		);
		budgets.set(id, budget);
	}
	return budget;
}

/** Closes every budget sharedRateBudget() handed out (tests, shutdown). */
export async function closeSharedRateBudgets(): Promise<void> {
	const open = [...budgets.values()];
	budgets.clear();
	await Promise.all(open.map((budget) => budget.close()));
}

/** storeSelection's REDIS_CREDENTIAL_NAME; not imported, as that module loads both stores (and node:sqlite). */
const REDIS_CREDENTIAL_NAME = 'tikTokShopRedis';

type NodeContext = {
	getNode(): INode;
	getCredentials(type: string): Promise<ICredentialDataDecryptedObject>;
};

/**
 * The shared budget when the node has the pack's "TikTok Shop Ops Redis" credential in use (the node lists it and
 * it is shown for the node's settings, e.g. State Store = Redis), otherwise undefined: the client then keeps to
 * this process's bucket, as before.
 */
export async function rateBudgetForNode(context: NodeContext): Promise<RateBudget | undefined> {
	if (!context.getNode().credentials?.[REDIS_CREDENTIAL_NAME]) return undefined;
	let credential: ICredentialDataDecryptedObject;
	try {
		credential = await context.getCredentials(REDIS_CREDENTIAL_NAME);
	} catch {
		// Set on the node but hidden by its current settings, or not one this node type lists.
		return undefined;
	}
	return sharedRateBudget({
		host: credential.host as string,
		port: credential.port as number,
		username: (credential.user as string) || undefined,
		password: (credential.password as string) || undefined,
		db: credential.database as number,
		tls: credential.ssl === true,
		keyPrefix: (credential.keyPrefix as string) || undefined,
	});
}
