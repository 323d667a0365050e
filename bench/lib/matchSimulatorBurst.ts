import { bucketFor } from '../../nodes/TikTokShop/transport/rateBudget';
import { apiOfPath } from '../../nodes/TikTokShop/transport/shopCipher';

/**
 * The client's token bucket holds one second of its rate. TikTok's (and the simulator's) holds 50 calls. At
 * timeScale 1 those are the same; time-scaled, the client's rate is 50 × timeScale and so is its burst, while the
 * simulator still allows 50, and the difference would bounce as 429s on the first call of each API. Spending the
 * difference up front starts both buckets level, as they are against the real shop.
 */
export async function matchSimulatorBurst(appKey: string, shopCipher: string, ratePerSecond: number, samplePaths: string[], burst = 50): Promise<void> {
	for (const path of samplePaths) {
		const bucket = bucketFor(appKey, shopCipher, apiOfPath(path), ratePerSecond);
		for (let spent = burst; spent < Math.floor(ratePerSecond); spent++) await bucket.take();
	}
}
