import { processCache } from '../../../shared/processCaches';
import { TikTokApiError, type TikTokShopClient } from '../../../shared/tiktok';
import type { ShippingProvider } from './interfaces';
import { logistics } from '../../../shared/tiktok/resources';

/** TikTok answers this for delivery options it ships itself: there is no provider to choose (reference §5). */
export const TIKTOK_FULFILLED_OPTION = logistics.TIKTOK_FULFILLED_OPTION;
/** Providers of a delivery option change rarely; a few minutes spares each run a call per option. */
const PROCESS_TTL_MS = 10 * 60 * 1000;

export type ProviderList = { providers: ShippingProvider[] } | { fulfilledByTikTok: true };

const providerCache = processCache<string, { expiresAt: number; list: ProviderList }>(
	'shippingProviders',
);

/**
 * Get Shipping Providers for each delivery option once per execution (concurrent callers share the call) and
 * from a short in-process cache across executions.
 */
export class ShippingProviderCache {
	private readonly inFlight = new Map<string, Promise<ProviderList>>();

	constructor(
		private readonly client: TikTokShopClient,
		/** Keeps shops apart in the process-wide cache. */
		private readonly shopKey: string,
		private readonly now: () => number = Date.now,
	) {}

	forOption(optionId: string): Promise<ProviderList> {
		let pending = this.inFlight.get(optionId);
		if (!pending) {
			pending = this.load(optionId);
			this.inFlight.set(optionId, pending);
		}
		return pending;
	}

	private async load(optionId: string): Promise<ProviderList> {
		const key = `${this.shopKey}\u0000${optionId}`;
		const cached = providerCache.get(key);
		if (cached && cached.expiresAt > this.now()) return cached.list;
		let list: ProviderList;
		try {
			const providers = await logistics.getShippingProviders(this.client, optionId);
			list = {
				providers: providers.map((provider) => ({
					id: String(provider.id),
					name: provider.name,
				})),
			};
		} catch (error) {
			if (!(error instanceof TikTokApiError && error.code === TIKTOK_FULFILLED_OPTION)) {
				this.inFlight.delete(optionId);
				// eslint-disable-next-line @n8n/community-nodes/require-node-api-error -- TikTok's error reaches the item's outcome intact; the router converts whatever stops the node
				throw error;
			}
			list = { fulfilledByTikTok: true };
		}
		providerCache.set(key, { expiresAt: this.now() + PROCESS_TTL_MS, list });
		return list;
	}
}

export function clearShippingProviderCache(): void {
	providerCache.clear();
}
