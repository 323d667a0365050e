/**
 * TikTok allows 50 requests per second per API for each app + shop (reference §9). A token bucket per
 * (app key, shop, API) keeps every node in this n8n process inside that budget, however many items they send.
 */
export interface Clock {
	now(): number;
	sleep(ms: number): Promise<void>;
}

export const realClock: Clock = {
	now: () => Date.now(),
	sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
};

export interface BucketLimits {
	/** Tokens at the start (default: the capacity). */
	initialTokens?: number;
	/** Never more than this many takes in any 1-second window, whatever the bucket holds. */
	maxPerSecond?: number;
}

export class TokenBucket {
	private tokens: number;
	private updatedAt: number;
	private queue: Promise<void> = Promise.resolve();
	/** Times of the last `maxPerSecond` takes, oldest first. */
	private readonly recent: number[] = [];

	constructor(
		readonly ratePerSecond: number,
		readonly capacity: number,
		private readonly clock: Clock = realClock,
		readonly limits: BucketLimits = {},
	) {
		if (!(ratePerSecond > 0))
			throw new RangeError(`Requests per second must be above 0 (got ${ratePerSecond})`);
		this.tokens = limits.initialTokens ?? capacity;
		this.updatedAt = clock.now();
	}

	/** Resolves when the caller may send one request. Callers are served in arrival order. */
	take(): Promise<void> {
		const turn = this.queue.then(() => this.waitForToken());
		this.queue = turn;
		return turn;
	}

	private refill(): void {
		const now = this.clock.now();
		this.tokens = Math.min(
			this.capacity,
			this.tokens + ((now - this.updatedAt) * this.ratePerSecond) / 1000,
		);
		this.updatedAt = now;
	}

	private async waitForToken(): Promise<void> {
		this.refill();
		while (this.tokens < 1) {
			await this.clock.sleep(Math.ceil(((1 - this.tokens) * 1000) / this.ratePerSecond));
			this.refill();
		}
		await this.waitForWindow();
		this.tokens -= 1;
	}

	private async waitForWindow(): Promise<void> {
		const { maxPerSecond } = this.limits;
		if (maxPerSecond === undefined) return;
		if (this.recent.length === maxPerSecond) {
			const wait = this.recent[0] + 1000 - this.clock.now();
			if (wait > 0) await this.clock.sleep(wait);
			this.recent.shift();
			this.refill();
		}
		this.recent.push(this.clock.now());
	}
}

const buckets = new Map<string, TokenBucket>();

/**
 * The process-wide bucket for one (app, shop, API); a changed rate replaces it. It starts with one token and paces
 * requests evenly: TikTok does not document a burst. Its second token absorbs a timer that fires late, which would
 * otherwise cost about a tenth of the budget at 50/s and more at higher rates; the window keeps any one second at
 * or under the rate all the same.
 */
export function bucketFor(
	appKey: string,
	shop: string,
	api: string,
	ratePerSecond: number,
	clock?: Clock,
): TokenBucket {
	const key = `${appKey}\u0000${shop}\u0000${api}`;
	let bucket = buckets.get(key);
	if (!bucket || bucket.ratePerSecond !== ratePerSecond) {
		bucket = new TokenBucket(ratePerSecond, 2, clock, {
			initialTokens: 1,
			maxPerSecond: Math.max(1, Math.floor(ratePerSecond)),
		});
		buckets.set(key, bucket);
	}
	return bucket;
}

export function resetBuckets(): void {
	buckets.clear();
}

/** The budget one request is counted against: TikTok's limit is per app, per shop, per API. */
export interface RateKey {
	appKey: string;
	/** The shop cipher, or "-" for the APIs that take none. */
	shop: string;
	/** The API path family (apiOfPath): ids replaced, category and version kept. */
	api: string;
}

/** Where the client waits before each request. Resolves when the request may be sent. */
export interface RateBudget {
	take(key: RateKey, ratePerSecond: number, clock?: Clock): Promise<void>;
}

/** The default: the token buckets above, shared by every client in this n8n process and no further. */
export const processRateBudget: RateBudget = {
	take: (key, ratePerSecond, clock) =>
		bucketFor(key.appKey, key.shop, key.api, ratePerSecond, clock).take(),
};
