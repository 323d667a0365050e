import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { connectRedis } from '../../../nodes/shared/store/redisConnection';
import { RedisStore } from '../../../nodes/shared/store/redisStore';
import { SqliteStore } from '../../../nodes/shared/store/sqliteStore';
import type { DurableStore } from '../../../nodes/shared/store/types';
import { startRedisServer, type RedisServer } from '../../../dev/harness/redisServer';

/**
 * One backend under test. Every test file runs the same behaviour against each, via
 * `describe.each(useBackends())`.
 */
export type Backend = {
	name: string;
	/** A store over fresh, empty storage. */
	open(): Promise<DurableStore>;
	/** Another connection to the storage of the last open(): a second process, or a restart. */
	openAgain(): Promise<DurableStore>;
	/** Lets `ms` pass for TTLs: an injected clock for SQLite, real time for Redis. */
	elapse(ms: number): Promise<void>;
};

/** Registers the hooks that start Redis and a temp dir for this file, and close stores after each test. */
export function useBackends(): Backend[] {
	const opened: DurableStore[] = [];
	const track = (store: DurableStore) => {
		opened.push(store);
		return store;
	};
	let dir = '';
	let redis: RedisServer | undefined;
	let generation = 0;

	beforeAll(async () => {
		dir = mkdtempSync(join(tmpdir(), 'store-test-'));
		redis = await startRedisServer();
	});
	afterEach(async () => {
		await Promise.all(opened.splice(0).map((store) => store.close()));
	});
	afterAll(async () => {
		await redis?.stop();
		rmSync(dir, { recursive: true, force: true });
	});

	const clock = { now: 1_700_000_000_000 };
	const openSqlite = () =>
		new SqliteStore({ path: join(dir, `store-${generation}.sqlite`), now: () => clock.now });
	const sqlite: Backend = {
		name: 'embedded (SQLite)',
		async open() {
			generation++;
			return track(openSqlite());
		},
		async openAgain() {
			return track(openSqlite());
		},
		async elapse(ms) {
			clock.now += ms;
		},
	};

	const openRedis = async () => {
		if (!redis)
			throw new Error(
				'redis-server is not running: open stores inside tests, not at describe time',
			);
		const client = await connectRedis({ kind: 'redis', host: redis.host, port: redis.port });
		return track(new RedisStore(client, `test-${generation}:`));
	};
	const realRedis: Backend = {
		name: 'Redis',
		async open() {
			generation++;
			return openRedis();
		},
		openAgain: openRedis,
		// Redis expires keys by its own clock; the margin covers timer rounding, not a duration check.
		elapse: (ms) => new Promise((resolve) => setTimeout(resolve, ms + 25)),
	};

	return [sqlite, realRedis];
}
