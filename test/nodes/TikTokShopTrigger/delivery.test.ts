import type { IDataObject } from 'n8n-workflow';

import { openStore } from '../../../nodes/shared/store';
import { TikTokShopTrigger } from '../../../nodes/TikTokShopTrigger/TikTokShopTrigger.node';
import {
	inboxOf,
	listDeadLetters,
	replayDeadLetter,
} from '../../../nodes/shared/events/eventQueue';
import { startRedeliveryLoop } from '../../../nodes/TikTokShopTrigger/delivery/redeliveryLoop';
import { signWebhook } from '../../../nodes/shared/tiktok/webhookSignature';
import {
	APP,
	orderEvent,
	runEnded,
	triggerContext,
	webhookContext,
	type Emitted,
} from './fakeTriggerContexts';
import { storeUnderTest, triggerTestServers, waitFor } from './triggerTestBed';

const trigger = new TikTokShopTrigger();
const redis = triggerTestServers('trigger-test-');

describe.each(['embedded', 'redis'] as const)('TikTok Shop Trigger with the %s store', (kind) => {
	const bed = storeUnderTest(kind, redis, 'queue', { retryDelays: '0' });

	const deliver = async (body: string, overrides: Parameters<typeof webhookContext>[2] = {}) => {
		const { context, answer } = webhookContext(body, bed.parameters, {
			redis: bed.redisCredential(),
			...overrides,
		});
		const result = await trigger.webhook.call(context);
		return { answer, result };
	};

	it('100 concurrent identical deliveries are all acknowledged and queued exactly once', async () => {
		const body = orderEvent();
		const results = await Promise.all(Array.from({ length: 100 }, () => deliver(body)));
		expect(results.every(({ answer }) => answer.status === 200 && answer.ended)).toBe(true);
		expect(
			results.every(
				({ result }) => result.noWebhookResponse === true && result.workflowData === undefined,
			),
		).toBe(true);
		const store = await openStore(bed.storeConfig());
		expect(await store.listRecords(inboxOf(bed.queue))).toHaveLength(1);
	});

	it('reads and verifies a delivery whose content type n8n does not parse, and queues it', async () => {
		expect(
			(await deliver(orderEvent({ tts_notification_id: 'plain-text' }), { bodyReadByN8n: false }))
				.answer.status,
		).toBe(200);
		expect(
			(
				await deliver(orderEvent({ tts_notification_id: 'forged-plain' }), {
					bodyReadByN8n: false,
					authorization: 'b'.repeat(64),
				})
			).answer.status,
		).toBe(401);
		const store = await openStore(bed.storeConfig());
		expect((await store.listRecords(inboxOf(bed.queue))).map((record) => record.id)).toEqual([
			'id:plain-text',
		]);
	});

	it('forged deliveries get 401 and queue nothing; unwanted types get 200 and queue nothing', async () => {
		expect((await deliver(orderEvent(), { authorization: 'a'.repeat(64) })).answer.status).toBe(
			401,
		);
		expect((await deliver(orderEvent(), { authorization: null })).answer.status).toBe(401);
		expect(
			(await deliver(orderEvent({ type: 12, tts_notification_id: 'return-1' }))).answer.status,
		).toBe(200);
		const store = await openStore(bed.storeConfig());
		expect(await store.listRecords(inboxOf(bed.queue))).toHaveLength(0);
	});

	it('a signed body nested 100,000 levels deep gets 400, not 500, and queues nothing', async () => {
		const body = orderEvent({ tts_notification_id: 'deep-1' }, { extra: '@' }).replace(
			'"@"',
			'['.repeat(100_000) + ']'.repeat(100_000),
		);
		for (const processing of ['guaranteed', 'once']) {
			bed.parameters.processing = processing;
			const { answer, result } = await deliver(body);
			expect(answer).toEqual({ status: 400, ended: true });
			expect(result.workflowData).toBeUndefined();
		}
		const store = await openStore(bed.storeConfig());
		expect(await store.listRecords(inboxOf(bed.queue))).toHaveLength(0);
	});

	it('"Run Once" starts the run from the webhook, and only for the first of two duplicates', async () => {
		bed.parameters.processing = 'once';
		const body = orderEvent({ tts_notification_id: 'once-1' });
		const first = await deliver(body);
		const second = await deliver(body);
		expect(first.result.workflowData?.[0][0].json).toMatchObject({
			event: 'ORDER_STATUS_CHANGE',
			order_id: '576684019603311365',
		});
		expect(second.result.workflowData).toBeUndefined();
		expect([first.answer.status, second.answer.status]).toEqual([200, 200]);
	});

	it('a run that fails twice and then succeeds is processed once more each time, then leaves the queue', async () => {
		const { context, emitted } = triggerContext(bed.parameters, { redis: bed.redisCredential() });
		const stop = (await trigger.trigger.call(context)).closeFunction!;
		try {
			await deliver(orderEvent({ tts_notification_id: 'flaky-1' }));
			for (const [index, outcome] of ['boom 1', 'boom 2', undefined].entries()) {
				await waitFor(() => emitted.length === index + 1, `run ${index + 1}`);
				expect(emitted[index].data[0][0].json).toMatchObject({
					attempt: index + 1,
					order_id: '576684019603311365',
				});
				emitted[index].done!.resolve(runEnded(outcome));
			}
			const store = await openStore(bed.storeConfig());
			await new Promise((resolve) => setTimeout(resolve, 1500));
			expect(await store.listRecords(inboxOf(bed.queue))).toHaveLength(0);
			expect(emitted).toHaveLength(3);
		} finally {
			await stop();
		}
	});

	it('a run that fails every time becomes a dead letter on the second output, and a replay processes it once', async () => {
		bed.parameters.options = { ...(bed.parameters.options as IDataObject), maxAttempts: 4 };
		const { context, emitted } = triggerContext(bed.parameters, { redis: bed.redisCredential() });
		const stop = (await trigger.trigger.call(context)).closeFunction!;
		const runs = (list: Emitted[]) => list.filter((entry) => entry.data[0].length);
		try {
			await deliver(orderEvent({ tts_notification_id: 'doomed-1' }));
			for (let attempt = 1; attempt <= 4; attempt++) {
				await waitFor(() => runs(emitted).length === attempt, `attempt ${attempt}`);
				runs(emitted)[attempt - 1].done!.resolve(runEnded(`failure ${attempt}`));
			}
			await waitFor(() => emitted.some((entry) => entry.data[1].length), 'the dead letter');
			const dead = emitted.find((entry) => entry.data[1].length)!.data[1][0].json;
			expect(dead).toMatchObject({
				dead_lettered: true,
				attempts: 4,
				last_error: 'failure 4',
				order_id: '576684019603311365',
			});

			const store = await openStore(bed.storeConfig());
			const letters = await listDeadLetters(store, bed.queue);
			expect(letters.map((letter) => letter.id)).toEqual(['id:doomed-1']);
			expect(await replayDeadLetter(store, bed.queue, 'id:doomed-1', Date.now())).toBe(true);
			expect(await replayDeadLetter(store, bed.queue, 'id:doomed-1', Date.now())).toBe(false);

			await waitFor(() => runs(emitted).length === 5, 'the replayed run');
			expect(runs(emitted)[4].data[0][0].json).toMatchObject({
				attempt: 1,
				replayed_at: expect.any(String),
			});
			runs(emitted)[4].done!.resolve(runEnded());
			await new Promise((resolve) => setTimeout(resolve, 1500));
			expect(runs(emitted)).toHaveLength(5);
			expect(await store.listRecords(inboxOf(bed.queue))).toHaveLength(0);
			expect(await listDeadLetters(store, bed.queue)).toHaveLength(0);
		} finally {
			await stop();
		}
	});

	it('a run that outlives its processing timeout cannot requeue or delete the event the next run holds', async () => {
		const { context, emitted } = triggerContext(bed.parameters, { redis: bed.redisCredential() });
		const store = await openStore(bed.storeConfig());
		const stop = startRedeliveryLoop(context, store, {
			queue: bed.queue,
			policy: { maxAttempts: 4, delaysMs: [0] },
			processingTimeoutMs: 400,
			pollMs: 50,
			maxConcurrentRuns: 5,
			rerunUnreported: false,
			burstQuietMs: 0,
			burstMaxHoldMs: 0,
		});
		try {
			await deliver(orderEvent({ tts_notification_id: 'slow-1' }));
			await waitFor(() => emitted.length === 1, 'the first run');
			// The first run is still going when its lease ends: the event is handed out again (at least once).
			await waitFor(() => emitted.length === 2, 'the run after the timeout');
			// The first run then fails. Its outcome is stale: it must not put the event back for a third run.
			emitted[0].done!.resolve(runEnded('timed out upstream'));
			await new Promise((resolve) => setTimeout(resolve, 300));
			expect(emitted).toHaveLength(2);
			emitted[1].done!.resolve(runEnded());
			await new Promise((resolve) => setTimeout(resolve, 1000));
			expect(emitted).toHaveLength(2);
			expect(await store.listRecords(inboxOf(bed.queue))).toHaveLength(0);
			expect(await listDeadLetters(store, bed.queue)).toHaveLength(0);
		} finally {
			await stop();
		}
	});

	it('a duplicate that arrives after the event was processed is still dropped (dedupe outlives processing)', async () => {
		const { context, emitted } = triggerContext(bed.parameters, { redis: bed.redisCredential() });
		const stop = (await trigger.trigger.call(context)).closeFunction!;
		try {
			const body = orderEvent({ tts_notification_id: 'late-dup' });
			await deliver(body);
			await waitFor(() => emitted.length === 1, 'the run');
			emitted[0].done!.resolve(runEnded());
			await new Promise((resolve) => setTimeout(resolve, 300));
			expect((await deliver(body)).answer.status).toBe(200);
			await new Promise((resolve) => setTimeout(resolve, 1500));
			expect(emitted).toHaveLength(1);
		} finally {
			await stop();
		}
	});
});

describe('concurrency cap', () => {
	it('hands out no more runs at once than Max Concurrent Runs, and the next as each one ends', async () => {
		const parameters = {
			events: [1],
			processing: 'guaranteed',
			stateStore: 'embedded',
			options: { queueName: 'capped', maxConcurrentRuns: 2 },
		};
		const { context, emitted } = triggerContext(parameters);
		const stop = (await trigger.trigger.call(context)).closeFunction!;
		try {
			for (let index = 0; index < 5; index++) {
				const { context: hook } = webhookContext(
					orderEvent(
						{ tts_notification_id: `capped-${index}` },
						{ update_time: 1700000000 + index },
					),
					parameters,
				);
				await trigger.webhook.call(hook);
			}
			await waitFor(() => emitted.length === 2, 'two runs');
			await new Promise((resolve) => setTimeout(resolve, 1500));
			expect(emitted).toHaveLength(2);
			emitted[0].done!.resolve(runEnded());
			await waitFor(() => emitted.length === 3, 'a third run once one ended');
			for (const entry of emitted.slice(1)) entry.done!.resolve(runEnded());
			await waitFor(() => emitted.length === 5, 'all five');
			emitted.slice(3).forEach((entry) => entry.done!.resolve(runEnded()));
		} finally {
			await stop();
		}
	});
});

describe('bursts are answered before they are processed', () => {
	const parameters = {
		events: [1],
		processing: 'guaranteed',
		stateStore: 'embedded',
		options: { queueName: 'burst' },
	};
	const startLoop = async (burstMaxHoldMs: number) => {
		const { context, emitted } = triggerContext(parameters);
		const store = await openStore({ kind: 'embedded' });
		const stop = startRedeliveryLoop(context, store, {
			queue: 'burst',
			policy: { delaysMs: [0], maxAttempts: 2 },
			processingTimeoutMs: 60_000,
			pollMs: 50,
			maxConcurrentRuns: 50,
			rerunUnreported: false,
			burstQuietMs: 400,
			burstMaxHoldMs,
		});
		return { emitted, stop };
	};
	let sent = 0;
	/** Delivers a new event every 40 ms for `ms`; resolves with how many runs had started when the stream ended. */
	const stream = async (ms: number, emitted: Emitted[]) => {
		for (const end = Date.now() + ms; Date.now() < end;) {
			const body = orderEvent(
				{ tts_notification_id: `burst-${++sent}` },
				{ update_time: 1700000000 + sent },
			);
			expect(
				(await trigger.webhook.call(webhookContext(body, parameters).context)).noWebhookResponse,
			).toBe(true);
			await new Promise((resolve) => setTimeout(resolve, 40));
		}
		return emitted.length;
	};

	it('starts no run while deliveries keep arriving, then runs every one of them once they pause', async () => {
		const { emitted, stop } = await startLoop(10_000);
		try {
			const first = sent + 1;
			expect(await stream(1200, emitted)).toBe(0);
			const count = sent - first + 1;
			await waitFor(() => emitted.length === count, `${count} runs after the burst`);
			emitted.forEach((entry) => entry.done!.resolve(runEnded()));
		} finally {
			await stop();
		}
	});

	it('does not hold runs back longer than the limit when deliveries never pause', async () => {
		const { emitted, stop } = await startLoop(600);
		try {
			expect(await stream(2000, emitted)).toBeGreaterThan(0);
			emitted.forEach((entry) => entry.done?.resolve(runEnded()));
		} finally {
			await stop();
		}
	});
});

describe('an incomplete credential', () => {
	it.each([
		['empty', ''],
		['whitespace-only', '   '],
	])(
		'refuses every delivery with 401 and says which field to fill in when the App Secret is %s',
		async (_case, blank) => {
			const parameters = {
				events: [1],
				processing: 'guaranteed',
				stateStore: 'embedded',
				options: { queueName: `blank-secret-${blank.length}` },
			};
			const body = orderEvent({ tts_notification_id: `blank-secret-${blank.length}` });
			// Signed with the empty key: before the fix this passed verification.
			for (const authorization of [
				signWebhook(APP.appKey, '', body),
				signWebhook(APP.appKey, blank, body),
			]) {
				const { context, answer, warnings } = webhookContext(body, parameters, {
					authorization,
					app: { appKey: APP.appKey, appSecret: blank },
					workflowId: `wf-blank-secret-${blank.length}`,
				});
				const result = await trigger.webhook.call(context);
				expect(answer).toEqual({ status: 401, ended: true });
				expect(result.workflowData).toBeUndefined();
				expect(warnings.join('\n')).toMatch(/TikTok Shop API credential.*"App Secret" is empty/);
			}
			const store = await openStore({ kind: 'embedded' });
			expect(await store.listRecords(inboxOf(parameters.options.queueName))).toHaveLength(0);
		},
	);
});

describe('manual test mode', () => {
	it('returns the verified event straight to the editor', async () => {
		const { context } = webhookContext(
			orderEvent(),
			{ events: [], processing: 'guaranteed', stateStore: 'embedded', options: {} },
			{ mode: 'manual' },
		);
		const result = await trigger.webhook.call(context);
		expect(result.workflowData?.[0][0].json).toMatchObject({ event: 'ORDER_STATUS_CHANGE' });
	});
});
