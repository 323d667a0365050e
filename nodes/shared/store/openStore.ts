import { resolve } from 'node:path';

import { processCache } from '../processCaches';
import { defaultEmbeddedPath } from './embeddedPath';
import { connectRedis } from './redisConnection';
import { RedisStore } from './redisStore';
import { SqliteStore } from './sqliteStore';
import { DEFAULT_KEY_PREFIX, type DurableStore, type StoreConfig } from './types';

/*
 * n8n calls a node once per execution (and a trigger once per delivery), so opening a file or a
 * Redis connection each time would pile them up. One instance per configuration per process is
 * shared instead; the promise is cached so that concurrent first calls share one open too.
 */
const openStores = processCache<string, Promise<DurableStore>>('durableStores');

export function openStore(config: StoreConfig): Promise<DurableStore> {
	const id = cacheId(config);
	const cached = openStores.get(id);
	if (cached) return cached;
	const forget = () => {
		if (openStores.get(id) === opening) openStores.delete(id);
	};
	const opening = create(config, forget);
	openStores.set(id, opening);
	// A failed open is not cached: the next execution tries again (Redis may be back by then).
	opening.catch(forget);
	return opening;
}

/** Closes every store openStore() handed out (tests, shutdown). */
export async function closeAllStores(): Promise<void> {
	const stores = [...openStores.values()];
	openStores.clear();
	await Promise.all(
		stores.map(async (opening) => {
			// A store that failed to open has nothing to close; its caller already got the error.
			const store = await opening.catch(() => undefined);
			await store?.close();
		}),
	);
}

async function create(config: StoreConfig, onClose: () => void): Promise<DurableStore> {
	if (config.kind === 'embedded') {
		return new SqliteStore({ path: embeddedPathOf(config.path), onClose });
	}
	const client = await connectRedis(config);
	return new RedisStore(client, config.keyPrefix ?? DEFAULT_KEY_PREFIX, onClose);
}

function embeddedPathOf(path: string | undefined): string {
	return resolve(path || defaultEmbeddedPath());
}

function cacheId(config: StoreConfig): string {
	if (config.kind === 'embedded') return `embedded:${embeddedPathOf(config.path)}`;
	const { url, host, port, username, password, db, tls, keyPrefix, failAfterMs } = config;
	return `redis:${JSON.stringify([url, host, port, username, password, db, tls, keyPrefix ?? DEFAULT_KEY_PREFIX, failAfterMs])}`;
}
