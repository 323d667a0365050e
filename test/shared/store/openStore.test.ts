import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { Redis } from 'ioredis';

import { closeAllStores, defaultEmbeddedPath, openStore } from '../../../nodes/shared/store';
import { startRedisServer, type RedisServer } from '../../../dev/harness/redisServer';

describe('openStore', () => {
	let dir: string;
	let redis: RedisServer;
	beforeAll(async () => {
		dir = mkdtempSync(join(tmpdir(), 'open-store-'));
		redis = await startRedisServer();
	});
	afterEach(() => closeAllStores());
	afterAll(async () => {
		await redis.stop();
		rmSync(dir, { recursive: true, force: true });
	});

	it('shares one embedded store per file, also between concurrent first calls', async () => {
		const path = join(dir, 'shared.sqlite');

		const [first, second] = await Promise.all([
			openStore({ kind: 'embedded', path }),
			openStore({ kind: 'embedded', path }),
		]);

		expect(second).toBe(first);
		expect(await openStore({ kind: 'embedded', path: join(dir, 'other.sqlite') })).not.toBe(first);
	});

	it('opens a new instance over the same data after close()', async () => {
		const path = join(dir, 'reopened.sqlite');
		const first = await openStore({ kind: 'embedded', path });
		await first.claim('webhook', 'evt-1', 60_000);
		await first.close();

		const second = await openStore({ kind: 'embedded', path });

		expect(second).not.toBe(first);
		expect(await second.claim('webhook', 'evt-1', 60_000)).toBe(false);
	});

	it('puts the embedded file in the n8n folder when no path is given', async () => {
		const previous = process.env.N8N_USER_FOLDER;
		process.env.N8N_USER_FOLDER = join(dir, 'n8n-user');
		try {
			await openStore({ kind: 'embedded' });

			expect(existsSync(join(dir, 'n8n-user', '.n8n', 'tiktok-shop-ops.sqlite'))).toBe(true);
		} finally {
			if (previous === undefined) delete process.env.N8N_USER_FOLDER;
			else process.env.N8N_USER_FOLDER = previous;
		}
	});

	it('resolves the n8n folder the way n8n does', () => {
		expect(defaultEmbeddedPath({ N8N_USER_FOLDER: '/srv/n8n', HOME: '/home/node' })).toBe(
			'/srv/n8n/.n8n/tiktok-shop-ops.sqlite',
		);
		expect(defaultEmbeddedPath({ HOME: '/home/node' })).toBe(
			'/home/node/.n8n/tiktok-shop-ops.sqlite',
		);
	});

	it('shares one Redis connection per configuration and writes under the key prefix', async () => {
		const config = {
			kind: 'redis',
			host: redis.host,
			port: redis.port,
			keyPrefix: 'shop-a:',
		} as const;
		const store = await openStore(config);

		expect(await openStore({ ...config })).toBe(store);
		expect(await openStore({ ...config, keyPrefix: undefined })).not.toBe(store);
		expect(await openStore({ kind: 'redis', url: `redis://${redis.host}:${redis.port}` })).not.toBe(
			store,
		);

		await store.claim('webhook', 'evt-1', 60_000);
		const raw = new Redis({ host: redis.host, port: redis.port });
		try {
			expect(await raw.keys('*')).toEqual(['shop-a:entry:webhook:evt-1']);
		} finally {
			raw.disconnect();
		}
	});

	it('uses tiktok-shop-ops: as the default key prefix', async () => {
		const store = await openStore({ kind: 'redis', url: `redis://${redis.host}:${redis.port}/1` });
		await store.setValue('cases', '7491022365', { status: 'OPEN' });

		const raw = new Redis({ host: redis.host, port: redis.port, db: 1 });
		try {
			expect(await raw.keys('*')).toEqual(['tiktok-shop-ops:entry:cases:7491022365']);
		} finally {
			raw.disconnect();
		}
	});

	it('says what to check when Redis is unreachable, and tries again on the next call', async () => {
		const config = { kind: 'redis', host: '127.0.0.1', port: 1 } as const;

		await expect(openStore(config)).rejects.toThrow(
			/Could not connect to Redis at 127\.0\.0\.1:1 \(connect ECONNREFUSED.*\)\. Check that Redis/,
		);
		await expect(openStore(config)).rejects.toThrow('Could not connect to Redis');
	});
});
