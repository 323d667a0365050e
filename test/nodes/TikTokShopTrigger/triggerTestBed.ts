import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { IDataObject } from 'n8n-workflow';

import { closeAllStores, type StoreConfig } from '../../../nodes/shared/store';
import type { TikTokShopTrigger } from '../../../nodes/TikTokShopTrigger/TikTokShopTrigger.node';
import { startRedisServer, type RedisServer } from '../../../dev/harness/redisServer';
import { orderEvent, webhookContext } from './fakeTriggerContexts';

/**
 * What the trigger's tests share: a throwaway n8n user folder (where the embedded store keeps its file) and a real
 * Redis on loopback for the whole test file, and per test a fresh queue on the store under test.
 */
export function triggerTestServers(folderPrefix: string): () => RedisServer {
	let userFolder = '';
	let redis: RedisServer | undefined;
	beforeAll(async () => {
		userFolder = mkdtempSync(join(tmpdir(), folderPrefix));
		process.env.N8N_USER_FOLDER = userFolder;
		redis = await startRedisServer();
	});
	afterAll(async () => {
		await closeAllStores();
		await redis?.stop();
		rmSync(userFolder, { recursive: true, force: true });
	});
	return () => redis!;
}

export async function waitFor(
	condition: () => boolean,
	what: string,
	timeoutMs = 15_000,
): Promise<void> {
	const deadline = Date.now() + timeoutMs;
	while (!condition()) {
		if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
		await new Promise((resolve) => setTimeout(resolve, 20));
	}
}

export interface StoreUnderTest {
	queue: string;
	/** The trigger's parameters: Guaranteed processing of order status changes into `queue`. */
	parameters: IDataObject;
	/** The Redis credential, with a key prefix of this test's own. */
	redisCredential(): IDataObject;
	storeConfig(): StoreConfig;
	/** Delivers an order status change with this notification id to the trigger's webhook, answered 200. */
	deliver(trigger: TikTokShopTrigger, notificationId: string): Promise<void>;
}

/** A fresh queue for each test, on the embedded store or on Redis, with these trigger options. */
export function storeUnderTest(
	kind: 'embedded' | 'redis',
	redis: () => RedisServer,
	name: string,
	options: IDataObject,
): StoreUnderTest {
	let counter = 0;
	const keyPrefix = () => `${name}${counter}:`;
	const bed: StoreUnderTest = {
		queue: '',
		parameters: {},
		redisCredential: () => ({
			host: redis().host,
			port: redis().port,
			database: 0,
			keyPrefix: keyPrefix(),
		}),
		storeConfig: () =>
			kind === 'embedded'
				? { kind: 'embedded' }
				: { kind: 'redis', host: redis().host, port: redis().port, keyPrefix: keyPrefix() },
		deliver: async (trigger, notificationId) => {
			const { context, answer } = webhookContext(
				orderEvent({ tts_notification_id: notificationId }),
				bed.parameters,
				{ redis: bed.redisCredential() },
			);
			await trigger.webhook.call(context);
			expect(answer.status).toBe(200);
		},
	};
	beforeEach(() => {
		counter++;
		bed.queue = `${name}-${kind}-${counter}`;
		bed.parameters = {
			events: [1],
			orderStatuses: [],
			skipOnHold: false,
			processing: 'guaranteed',
			stateStore: kind,
			options: { queueName: bed.queue, ...options },
		};
	});
	return bed;
}
