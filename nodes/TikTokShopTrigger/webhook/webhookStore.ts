import type { IWebhookFunctions } from 'n8n-workflow';

import { processCache } from '../../shared/processCaches';
import { openStore, type DurableStore, type StoreConfig } from '../../shared/store';
import {
	openSelectedStore,
	REDIS_CREDENTIAL_NAME,
	storeConfigOf,
} from '../../shared/storeSelection';

/**
 * The Redis store's settings are a credential, and n8n takes about 100 ms of CPU to load and decrypt one: loaded for
 * every delivery, a burst of 40 queued behind those loads and answered TikTok after 15 s instead of 5 (measured in
 * the crash e2e on a loaded 2-core machine, embedded store 5 s). So they are kept for a minute per credential, like the
 * app secret; an edited Redis credential applies to deliveries within a minute.
 */
export const STORE_CONFIG_TTL_MS = 60_000;

const cache = processCache<string, { value: Promise<StoreConfig>; expiresAt: number }>(
	'triggerStoreConfigs',
);

export async function webhookStoreOf(
	context: IWebhookFunctions,
	failAfterMs: number,
	nowMs = Date.now(),
): Promise<DurableStore> {
	if (context.getNodeParameter('stateStore', 'embedded') !== 'redis')
		return await openSelectedStore(context, 0, { failAfterMs });
	const credentialId = context.getNode().credentials?.[REDIS_CREDENTIAL_NAME]?.id;
	// n8n always names the credential a node uses; without a name there is nothing to tell two apart by.
	if (!credentialId) return await openSelectedStore(context, 0, { failAfterMs });
	const key = `${credentialId}:${failAfterMs}`;
	const cached = cache.get(key);
	if (cached && cached.expiresAt > nowMs) return await openStore(await cached.value);
	const value = storeConfigOf(context, 0, { failAfterMs });
	cache.set(key, { value, expiresAt: nowMs + STORE_CONFIG_TTL_MS });
	// A failed load is not kept: the next delivery tries again.
	value.catch(() => cache.get(key)?.value === value && cache.delete(key));
	return await openStore(await value);
}
