import { Redis, type RedisOptions } from 'ioredis';

import type { RedisStoreConfig } from './types';

/**
 * Connects before the first command, so a wrong host or password fails here with a message the
 * user can act on, instead of as a timeout on whatever command came first.
 */
export async function connectRedis(config: RedisStoreConfig): Promise<Redis> {
	let connected = false;
	const options: RedisOptions = {
		lazyConnect: true,
		// Until the first connection succeeds a failure is final: openStore() reports it now and the
		// next execution tries again. Afterwards ioredis' usual back-off rides out Redis restarts.
		retryStrategy: (attempt) => (connected ? Math.min(attempt * 50, 2000) : null),
		...(config.failAfterMs !== undefined ? failFast(config.failAfterMs) : {}),
	};
	const client = config.url
		? new Redis(config.url, options)
		: new Redis({
				...options,
				host: config.host ?? '127.0.0.1',
				port: config.port ?? 6379,
				username: config.username,
				password: config.password,
				db: config.db ?? 0,
				tls: config.tls ? {} : undefined,
			});

	// connect() itself only rejects with "Connection is closed"; the cause arrives as an error event.
	let cause = 'connection closed';
	const recordCause = (error: Error) => (cause = error.message);
	client.on('error', recordCause);
	connected = await client.connect().then(
		() => true,
		() => false,
	);
	client.off('error', recordCause);
	if (!connected) {
		const where = config.url
			? 'the configured URL'
			: `${config.host ?? '127.0.0.1'}:${config.port ?? 6379}`;
		throw new Error(
			`Could not connect to Redis at ${where} (${cause}). Check that Redis is running and reachable, ` +
				'and the host, port, password and TLS setting of the store configuration.',
		);
	}
	return client;
}

/** Reconnects in the background as usual, but no command waits for it. */
function failFast(ms: number): RedisOptions {
	return {
		connectTimeout: ms,
		commandTimeout: ms,
		enableOfflineQueue: false,
		maxRetriesPerRequest: 0,
	};
}
