/**
 * Every piece of state the pack keeps in the n8n process between executions, in one list: what it holds, its key,
 * how long an entry lives and what bounds it. n8n runs all executions of a main or worker process in one Node.js
 * process, so these are shared by every workflow that process runs; nothing here survives a restart, and a second
 * worker (queue mode) has its own. State that must be shared across processes lives in the durable store
 * (`shared/store`), not here.
 *
 * A keyed cache is made with `processCache(name)`, so its owner cannot forget to declare it here. Per-execution
 * maps (a ShipRun's package queues, a ShippingProviderCache's in-flight calls, a TikTokShopClient's discovered shop
 * cipher, which lives as long as the client of one execution) are not process state and are not listed.
 */
export interface ProcessCacheSpec {
	/** The file that reads and writes it. */
	owner: string;
	holds: string;
	key: string;
	lifetime: string;
	bound: string;
}

export const PROCESS_CACHES = {
	tiktokTokens: {
		owner: 'nodes/shared/tiktok/tokenCache.ts',
		holds:
			'Access and refresh tokens the client refreshed when it runs outside n8n (dev harness, benchmarks); inside n8n the credential renews itself and n8n saves the tokens',
		key: "app key + the credential's refresh token (or access token when it has none)",
		lifetime:
			"the process; an entry is replaced by the next refresh; editing the credential's tokens starts a new entry (the old one stays)",
		bound: 'one entry per credential (and per edit of its tokens) the process has used',
	},
	tiktokTokenRefreshes: {
		owner: 'nodes/shared/tiktok/client.ts',
		holds: 'The token refresh in flight, so concurrent executions of one credential refresh once',
		key: 'app key + refresh token, as tiktokTokens',
		lifetime: 'until that refresh settles',
		bound: 'one per credential refreshing at that moment',
	},
	tiktokSettledGrants: {
		owner: 'nodes/shared/tiktok/authorization.ts',
		holds:
			"TikTok's answer to an authorization-code exchange or a token refresh, so a second caller with the same code or refresh token (the credential test, then the first run; two executions renewing at once) gets the same tokens instead of a refusal",
		key: 'exchange or refresh + app key + fingerprint of the code or refresh token',
		lifetime:
			'30 minutes per entry (an auth code lives 30 minutes); expired entries are dropped on the next grant',
		bound: 'the grants of the last 30 minutes: one per credential connection or renewal',
	},
	tiktokGrantsInFlight: {
		owner: 'nodes/shared/tiktok/authorization.ts',
		holds: 'The exchange or refresh call in flight, so concurrent callers share it',
		key: 'as tiktokSettledGrants',
		lifetime: 'until that call settles',
		bound: 'one per credential renewing at that moment',
	},
	tiktokRejectedAccessTokens: {
		owner: 'nodes/shared/tiktok/authorization.ts',
		holds:
			'Fingerprints of access tokens TikTok answered 105002 for, so the credential renews them though the clock says they are valid',
		key: 'SHA-256 fingerprint of the access token',
		lifetime: 'the process; the oldest entry goes first',
		bound: '256 entries',
	},
	tiktokSentTokens: {
		owner: 'nodes/shared/tiktok/credentialAuthorization.ts',
		holds:
			'Which access token the credential signed a tagged request with, until that request has its answer',
		key: 'the request id the transport sends in x-tiktok-shop-ops-request (never sent to TikTok)',
		lifetime: 'until the answer arrives; the oldest entry goes first',
		bound: '1024 entries',
	},
	tiktokRateBuckets: {
		owner: 'nodes/shared/tiktok/rateBudget.ts',
		holds:
			'The token bucket pacing requests to one TikTok API for one shop (50 requests per second by default)',
		key: 'app key + shop cipher + API path with ids generalised',
		lifetime: 'the process; replaced when a node asks for a different rate',
		bound: 'one per (app, shop, API) the process has called: a few dozen per shop',
	},
	sharedRateBudgets: {
		owner: 'nodes/shared/tiktok/sharedRateBudget.ts',
		holds:
			'The Redis-backed rate budget (and its connection) shared by every process that uses one Redis configuration',
		key: 'the Redis configuration (address, database, user, TLS, key prefix)',
		lifetime: 'the process; closeSharedRateBudgets() closes them (tests, shutdown)',
		bound: 'one per Redis configuration in use',
	},
	durableStores: {
		owner: 'nodes/shared/store/openStore.ts',
		holds:
			'The open SQLite file or Redis connection of a store configuration, as a promise so concurrent first opens share one',
		key: 'the store configuration (backend, path or Redis address, key prefix)',
		lifetime:
			'the process; a failed open is dropped so the next execution retries; closeAllStores() closes them (tests, shutdown)',
		bound: 'one per store configuration in use',
	},
	shipCollectors: {
		owner: 'nodes/ShipBatcher/v1/shipping/shipCollector.ts',
		holds: 'The Ship Batcher collector that batches shipments of executions overlapping in time',
		key: 'shop + batching window + batch size',
		lifetime: 'while at least one execution uses it; dropped when the last one is done',
		bound: 'one per shop and setting with a Ship Batcher execution running',
	},
	shippingProviders: {
		owner: 'nodes/ShipBatcher/v1/shipping/shippingProviders.ts',
		holds: 'Get Shipping Providers answers for a delivery option',
		key: 'shop + delivery option id',
		lifetime: '10 minutes per entry (an expired entry is refetched and overwritten)',
		bound: 'one per (shop, delivery option): a handful per shop',
	},
	triggerStoreConfigs: {
		owner: 'nodes/TikTokShopTrigger/webhook/webhookStore.ts',
		holds:
			'The Redis settings a webhook stores deliveries with (from the Redis credential), as a promise so a burst shares one credential load',
		key: 'Redis credential id + the store deadline',
		lifetime: '1 minute per entry (STORE_CONFIG_TTL_MS); a failed load is dropped',
		bound: 'one per Redis credential used by a trigger',
	},
	triggerAppSecrets: {
		owner: 'nodes/TikTokShopTrigger/webhook/appCredentials.ts',
		holds:
			'The app key and secret a webhook verifies deliveries with, as a promise so a burst shares one credential load',
		key: 'credential id (or workflow id + node id)',
		lifetime: '1 minute per entry (APP_SECRET_TTL_MS); a failed load is dropped',
		bound: 'one per trigger credential in use',
	},
	triggerRedeliveryLoops: {
		owner: 'nodes/TikTokShopTrigger/delivery/redeliveryLoop.ts',
		holds: 'The stop function of the redelivery loop running for an event queue',
		key: 'queue name',
		lifetime: 'from activation until the loop is stopped (deactivation)',
		bound: 'one per active trigger queue',
	},
	triggerLiveLoops: {
		owner: 'nodes/TikTokShopTrigger/delivery/redeliveryLoop.ts',
		holds:
			'The ids of the redelivery loops running in this process, so that a run can tell whether the loop that handed its event out is still here',
		key: 'loop id (a fresh random id per activation)',
		lifetime: 'from activation until the loop is stopped and its last run in flight has ended',
		bound: 'one per active trigger queue, plus stopped loops with runs still in flight',
	},
	settlementDates: {
		owner: 'nodes/SettlementReconciler/v1/reconciliation/dates.ts',
		holds: 'Report date texts already parsed to yyyymmdd',
		key: 'seller zone (+ source zone), then the date text',
		lifetime: 'the process',
		bound: '4096 dates per zone pair (DATE_CACHE_LIMIT); zone pairs are the few the reports name',
	},
	evidenceFontCheck: {
		owner: 'nodes/EvidenceSubmit/v1/disputes/summary/renderPng.ts',
		holds: 'Whether this machine can draw text into the summary PNG (a single promise, not keyed)',
		key: 'none',
		lifetime: 'the process',
		bound: 'one value',
	},
} as const satisfies Record<string, ProcessCacheSpec>;

export type ProcessCacheName = keyof typeof PROCESS_CACHES;

const caches = new Map<ProcessCacheName, Map<unknown, unknown>>();

/** The process-wide map declared as `name` above; every caller asking for one name gets the same map. */
export function processCache<K, V>(name: ProcessCacheName): Map<K, V> {
	let cache = caches.get(name);
	if (!cache) caches.set(name, (cache = new Map()));
	return cache as Map<K, V>;
}
