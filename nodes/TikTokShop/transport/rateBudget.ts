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

export class TokenBucket {
	private tokens: number;
	private updatedAt: number;
	private queue: Promise<void> = Promise.resolve();

	constructor(
		readonly ratePerSecond: number,
		readonly capacity: number,
		private readonly clock: Clock = realClock,
	) {
		if (!(ratePerSecond > 0)) throw new RangeError(`Requests per second must be above 0 (got ${ratePerSecond})`);
		this.tokens = capacity;
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
		this.tokens = Math.min(this.capacity, this.tokens + ((now - this.updatedAt) * this.ratePerSecond) / 1000);
		this.updatedAt = now;
	}

	private async waitForToken(): Promise<void> {
		this.refill();
		while (this.tokens < 1) {
			await this.clock.sleep(Math.ceil(((1 - this.tokens) * 1000) / this.ratePerSecond));
			this.refill();
		}
		this.tokens -= 1;
	}
}

const buckets = new Map<string, TokenBucket>();

/**
 * The process-wide bucket for one (app, shop, API); a changed rate replaces it. Capacity 1 paces requests evenly,
 * so no one-second window ever holds more than the rate: a burst allowance would let twice the rate through in
 * the first second, and TikTok does not document a burst.
 */
export function bucketFor(appKey: string, shop: string, api: string, ratePerSecond: number, clock?: Clock): TokenBucket {
	const key = `${appKey}\u0000${shop}\u0000${api}`;
	let bucket = buckets.get(key);
	if (!bucket || bucket.ratePerSecond !== ratePerSecond) {
		bucket = new TokenBucket(ratePerSecond, 1, clock);
		buckets.set(key, bucket);
	}
	return bucket;
}

export function resetBuckets(): void {
	buckets.clear();
}
