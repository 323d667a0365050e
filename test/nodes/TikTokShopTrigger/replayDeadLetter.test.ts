import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { Redis } from 'ioredis';

import { connectRedis } from '../../../nodes/shared/store/redisConnection';
import { RedisStore } from '../../../nodes/shared/store/redisStore';
import { SqliteStore } from '../../../nodes/shared/store/sqliteStore';
import type { DurableStore } from '../../../nodes/shared/store/types';
import {
	deadLettersOf,
	inboxOf,
	replayDeadLetter,
	type QueuedEvent,
} from '../../../nodes/shared/events/eventQueue';
import { startRedisServer, type RedisServer } from '../../../dev/harness/redisServer';

const QUEUE = 'wf-replay';
const ID = 'id:notif-7294819';
const NOW = Date.UTC(2026, 11, 7, 9, 0, 0);
const dead: QueuedEvent & { deadLetteredAt: string } = {
	item: { event: 'ORDER_STATUS_CHANGE', order_id: '576684019603311365', event_key: ID },
	failures: 4,
	firstReceivedAt: '2026-12-07T08:00:00.000Z',
	lastError: 'HTTP Request: 502 from the ERP',
	deadLetteredAt: '2026-12-07T08:06:00.000Z',
};

let dir = '';
let redis: RedisServer;
let prefix = 0;
beforeAll(async () => {
	dir = mkdtempSync(join(tmpdir(), 'replay-test-'));
	redis = await startRedisServer();
});
afterAll(async () => {
	await redis.stop();
	rmSync(dir, { recursive: true, force: true });
});

type Harness = { store: DurableStore; breakInbox(): Promise<void>; close(): Promise<void> };

const backends: Array<[string, () => Promise<Harness>]> = [
	[
		'SQLite',
		async () => {
			const path = join(dir, `store-${++prefix}.sqlite`);
			const store = new SqliteStore({ path });
			return {
				store,
				// Another connection, as a full disk or a second process would: any write to the inbox fails.
				async breakInbox() {
					const db = new DatabaseSync(path);
					db.exec(`CREATE TRIGGER inbox_full BEFORE INSERT ON records WHEN NEW.namespace = '${inboxOf(QUEUE)}'
						BEGIN SELECT RAISE(ABORT, 'database or disk is full'); END`);
					db.close();
				},
				close: () => store.close(),
			};
		},
	],
	[
		'Redis',
		async () => {
			const keyPrefix = `replay-${++prefix}:`;
			const store = new RedisStore(
				await connectRedis({ kind: 'redis', host: redis.host, port: redis.port }),
				keyPrefix,
			);
			return {
				store,
				// The inbox hash holds a string: every write to it fails with WRONGTYPE.
				async breakInbox() {
					const raw = new Redis({ host: redis.host, port: redis.port });
					await raw.set(`${keyPrefix}records:${encodeURIComponent(inboxOf(QUEUE))}`, 'not a hash');
					await raw.quit();
				},
				close: () => store.close(),
			};
		},
	],
];

describe.each(backends)('replaying a dead letter on %s', (_name, open) => {
	let harness: Harness;
	beforeEach(async () => {
		harness = await open();
		await harness.store.putRecord(deadLettersOf(QUEUE), ID, dead);
	});
	afterEach(() => harness.close());

	it('moves it into the queue as a fresh event, once', async () => {
		expect(await replayDeadLetter(harness.store, QUEUE, ID, NOW)).toBe(true);
		expect(await replayDeadLetter(harness.store, QUEUE, ID, NOW)).toBe(false);
		expect(await harness.store.getRecord(deadLettersOf(QUEUE), ID)).toBeUndefined();
		const queued = await harness.store.getRecord<QueuedEvent>(inboxOf(QUEUE), ID);
		expect(queued).toMatchObject({
			dueAtMs: NOW,
			record: {
				failures: 0,
				firstReceivedAt: dead.firstReceivedAt,
				item: { replayed_at: new Date(NOW).toISOString() },
			},
		});
	});

	it('never loses the event when the store fails between taking the dead letter out and queueing it', async () => {
		// Fails every separate write to the queue, as a connection lost right after the dead letter was deleted would.
		const failing = new Proxy(harness.store, {
			get(target, property, receiver) {
				if (property === 'putRecord')
					return async () => Promise.reject(new Error('connection lost'));
				const value = Reflect.get(target, property, receiver) as unknown;
				return typeof value === 'function' ? value.bind(target) : value;
			},
		});
		await replayDeadLetter(failing, QUEUE, ID, NOW).catch(() => undefined);
		const places = [
			await harness.store.getRecord(deadLettersOf(QUEUE), ID),
			await harness.store.getRecord(inboxOf(QUEUE), ID),
		];
		expect(places.filter(Boolean)).toHaveLength(1);
	});

	it('keeps the dead letter, and queues nothing, when the move itself fails', async () => {
		await harness.breakInbox();
		await expect(replayDeadLetter(harness.store, QUEUE, ID, NOW)).rejects.toThrow(
			/disk is full|WRONGTYPE/,
		);
		expect(await harness.store.getRecord(deadLettersOf(QUEUE), ID)).toMatchObject({ record: dead });
	});
});
