import type { IWebhookFunctions } from 'n8n-workflow';

import { inboxOf } from '../../../nodes/shared/events/eventQueue';
import { openStore } from '../../../nodes/shared/store';
import { TikTokShopTrigger } from '../../../nodes/TikTokShopTrigger/TikTokShopTrigger.node';
import { STORE_CONFIG_TTL_MS } from '../../../nodes/TikTokShopTrigger/webhook/webhookStore';
import { orderEvent, webhookContext } from './fakeTriggerContexts';
import { triggerTestServers } from './triggerTestBed';

/**
 * Loading a credential costs n8n about 100 ms of CPU: a burst of deliveries must not load the Redis credential once
 * each (it put the crash e2e's Redis acks at 15 s, against 5 s for the embedded store).
 */
const trigger = new TikTokShopTrigger();
const redis = triggerTestServers('trigger-webhook-store-');

it('a burst of 40 deliveries loads the Redis credential once, and again only after a minute', async () => {
	const queue = 'burst-redis';
	const parameters = {
		events: [1],
		processing: 'guaranteed',
		stateStore: 'redis',
		options: { queueName: queue },
	};
	const credential = { host: redis().host, port: redis().port, database: 0, keyPrefix: 'burst:' };
	let redisLoads = 0;
	let sent = 0;
	const deliver = async (id: string) => {
		// Each its own order update: the trigger also drops a second delivery of one order's same update.
		const body = orderEvent({ tts_notification_id: id }, { update_time: 1_765_000_000 + sent++ });
		const { context, answer } = webhookContext(body, parameters, {
			redis: credential,
			redisCredentialId: 'redis-cred-1',
		});
		const counting = Object.assign(Object.create(context) as IWebhookFunctions, {
			getCredentials: async (name: string) => {
				if (name === 'tikTokShopRedis') redisLoads++;
				return await context.getCredentials(name);
			},
		});
		await trigger.webhook.call(counting);
		return answer.status;
	};

	const statuses = await Promise.all(Array.from({ length: 40 }, (_, n) => deliver(`burst-${n}`)));
	expect(statuses).toEqual(Array.from({ length: 40 }, () => 200));
	expect(redisLoads).toBe(1);
	const store = await openStore({
		kind: 'redis',
		host: redis().host,
		port: redis().port,
		keyPrefix: 'burst:',
	});
	expect(await store.listRecords(inboxOf(queue))).toHaveLength(40);

	const realNow = Date.now;
	Date.now = () => realNow() + STORE_CONFIG_TTL_MS + 1;
	try {
		expect(await deliver('burst-late')).toBe(200);
	} finally {
		Date.now = realNow;
	}
	expect(redisLoads).toBe(2);
});
