import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { closeAllStores } from '../../../nodes/shared/store';
import { TikTokShopTrigger } from '../../../nodes/TikTokShopTrigger/TikTokShopTrigger.node';
import { startRedisServer, type RedisServer } from '../../../dev/harness/redisServer';
import { orderEvent, webhookContext } from './fakeTriggerContexts';

/** TikTok gives up on an answer after 3 s; the trigger must say "try again" well before that. */
const DEADLINE_MS = 1000;

const trigger = new TikTokShopTrigger();
let userFolder = '';
let redis: RedisServer;

beforeAll(async () => {
	userFolder = mkdtempSync(join(tmpdir(), 'trigger-redis-down-'));
	process.env.N8N_USER_FOLDER = userFolder;
	redis = await startRedisServer();
});
afterAll(async () => {
	await closeAllStores();
	await redis.stop();
	rmSync(userFolder, { recursive: true, force: true });
});

describe.each(['guaranteed', 'once'])(
	'TikTok Shop Trigger (%s) with Redis stopped',
	(processing) => {
		const parameters = {
			events: [1],
			processing,
			stateStore: 'redis',
			options: { queueName: `down-${processing}` },
		};
		let sent = 0;
		const deliver = async (keyPrefix: string) => {
			const body = orderEvent({ tts_notification_id: `down-${processing}-${++sent}` });
			const { context, answer, warnings } = webhookContext(body, parameters, {
				redis: { host: redis.host, port: redis.port, database: 0, keyPrefix },
			});
			const started = Date.now();
			const result = await trigger.webhook.call(context);
			return { answer, result, warnings, ms: Date.now() - started };
		};

		it('answers 503 within a second, so that TikTok delivers again, for a store that was connected and for a new one', async () => {
			const connected = await deliver(`${processing}-a:`);
			expect(connected.answer.status).toBe(200);

			await redis.stop();
			try {
				for (const keyPrefix of [`${processing}-a:`, `${processing}-a:`, `${processing}-b:`]) {
					const { answer, result, warnings, ms } = await deliver(keyPrefix);
					expect({ status: answer.status, ended: answer.ended }).toEqual({
						status: 503,
						ended: true,
					});
					expect(result.workflowData).toBeUndefined();
					expect(ms).toBeLessThan(DEADLINE_MS);
					expect(warnings.join('\n')).toMatch(/not stored.*TikTok will deliver it again/);
				}
			} finally {
				redis = await startRedisServer();
			}
		});
	},
);
