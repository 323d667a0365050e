/**
 * TikTok's limit (reference §9): N requests per second per API for each app + shop. A token bucket with capacity
 * N refilled at N per simulated second; `timeScale` speeds simulated time up relative to the wall clock.
 */
export class RateLimiter {
	private readonly buckets = new Map<string, { tokens: number; updatedAt: number }>();
	rejected = 0;

	constructor(
		private readonly perSecond: number,
		private readonly timeScale: number,
		private readonly nowMs: () => number = Date.now,
	) {}

	/** Takes one token for (app, shop, api); false means "answer 429". */
	allow(appKey: string, shopCipher: string, api: string): boolean {
		const key = `${appKey}\u0000${shopCipher}\u0000${api}`;
		const now = this.nowMs();
		const bucket = this.buckets.get(key) ?? { tokens: this.perSecond, updatedAt: now };
		bucket.tokens = Math.min(
			this.perSecond,
			bucket.tokens + ((now - bucket.updatedAt) / 1000) * this.perSecond * this.timeScale,
		);
		bucket.updatedAt = now;
		this.buckets.set(key, bucket);
		if (bucket.tokens < 1) {
			this.rejected += 1;
			return false;
		}
		bucket.tokens -= 1;
		return true;
	}

	reset(): void {
		this.buckets.clear();
		this.rejected = 0;
	}
}
