import type { IWebhookFunctions } from 'n8n-workflow';

import { processCache } from '../../shared/processCaches';
import { CREDENTIAL_NAME } from '../../shared/tiktok';

export interface AppSecret {
	appKey: string;
	appSecret: string;
}

/**
 * n8n 2.41 takes about 100 ms to load and decrypt a credential, which alone would put a burst of deliveries past
 * TikTok's 3-second deadline. The app key and secret are kept for a minute per credential, so an edited secret
 * applies within a minute.
 */
export const APP_SECRET_TTL_MS = 60_000;

/** Promises, so that a burst arriving before the first load finishes shares that one load. */
const cache = processCache<string, { value: Promise<AppSecret>; expiresAt: number }>(
	'triggerAppSecrets',
);

export async function appSecretOf(
	context: IWebhookFunctions,
	nowMs = Date.now(),
): Promise<AppSecret> {
	const node = context.getNode();
	const key = node.credentials?.[CREDENTIAL_NAME]?.id ?? `${context.getWorkflow().id}:${node.id}`;
	const cached = cache.get(key);
	if (cached && cached.expiresAt > nowMs) return await cached.value;
	const value = loadAppSecret(context);
	cache.set(key, { value, expiresAt: nowMs + APP_SECRET_TTL_MS });
	// A failed load is not kept: the next delivery tries again.
	value.catch(() => cache.get(key)?.value === value && cache.delete(key));
	return await value;
}

async function loadAppSecret(context: IWebhookFunctions): Promise<AppSecret> {
	const credentials = await context.getCredentials(CREDENTIAL_NAME);
	return {
		appKey: String(credentials.appKey ?? '').trim(),
		appSecret: String(credentials.appSecret ?? '').trim(),
	};
}
