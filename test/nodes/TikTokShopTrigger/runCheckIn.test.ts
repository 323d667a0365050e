import { inboxOf } from '../../../nodes/shared/events/eventQueue';
import { claimRun, RUN_TOKEN_FIELD, runTokenOf } from '../../../nodes/shared/events/runClaim';
import { openStore } from '../../../nodes/shared/store';
import { TikTokShopTrigger } from '../../../nodes/TikTokShopTrigger/TikTokShopTrigger.node';
import { executeContext, runEnded, triggerContext } from './fakeTriggerContexts';
import { storeUnderTest, triggerTestServers, waitFor } from './triggerTestBed';

/**
 * A run n8n itself starts again after a crash (n8n 2.x re-runs, at boot, the executions it had created but not
 * started) must not process an event a second time: the item reaches the trigger's execute() first, which lets it
 * through only for a loop that is still alive.
 */
const redis = triggerTestServers('trigger-checkin-');

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** A second n8n process: the pack's modules loaded afresh, with none of this process's loops or open stores. */
function loadInAnotherProcess(): { trigger: TikTokShopTrigger; closeStores(): Promise<void> } {
	let loaded: typeof TikTokShopTrigger | undefined;
	let closeStores: (() => Promise<void>) | undefined;
	jest.isolateModules(() => {
		/* eslint-disable @typescript-eslint/no-require-imports -- a fresh module registry is the point */
		loaded = (
			require('../../../nodes/TikTokShopTrigger/TikTokShopTrigger.node') as {
				TikTokShopTrigger: typeof TikTokShopTrigger;
			}
		).TikTokShopTrigger;
		closeStores = (require('../../../nodes/shared/store') as { closeAllStores(): Promise<void> })
			.closeAllStores;
		/* eslint-enable @typescript-eslint/no-require-imports */
	});
	return { trigger: new loaded!(), closeStores: closeStores! };
}

describe.each(['embedded', 'redis'] as const)('runs checking in, %s store', (kind) => {
	const bed = storeUnderTest(kind, redis, 'checkin', {
		retryDelays: '0',
		processingTimeoutMinutes: 1,
	});

	it('a run of the live loop goes ahead, without the token, and the loop settles the event', async () => {
		const trigger = new TikTokShopTrigger();
		const { context, emitted } = triggerContext(bed.parameters, { redis: bed.redisCredential() });
		const stop = (await trigger.trigger.call(context)).closeFunction!;
		try {
			await bed.deliver(trigger, 'live-1');
			await waitFor(() => emitted.length === 1, 'the run');
			expect(emitted[0].data[0][0].json[RUN_TOKEN_FIELD]).toBeDefined();
			const run = executeContext(bed.parameters, emitted[0].data, { redis: bed.redisCredential() });
			const [events, failed] = await trigger.execute.call(run.context);
			expect(events).toHaveLength(1);
			expect(events[0].json).toMatchObject({ event_key: 'id:live-1', attempt: 1 });
			expect(events[0].json[RUN_TOKEN_FIELD]).toBeUndefined();
			expect(failed).toEqual([]);
			emitted[0].done!.resolve(runEnded());
			const store = await openStore(bed.storeConfig());
			await sleep(300);
			expect(await store.listRecords(inboxOf(bed.queue))).toHaveLength(0);
		} finally {
			await stop();
		}
	});

	it('after a crash, the run n8n starts again for the dead process processes nothing, and the new loop runs the event once, at once', async () => {
		// Process A takes the event and asks n8n for a run; n8n stored it but had not started it when A was killed.
		const before = new TikTokShopTrigger();
		const a = triggerContext(bed.parameters, { redis: bed.redisCredential() });
		const stopA = (await before.trigger.call(a.context)).closeFunction!;
		await bed.deliver(before, 'crash-1');
		await waitFor(() => a.emitted.length === 1, "the dead process's run");
		await stopA();

		// Process B: n8n starts again, activates the trigger and re-runs the stored execution.
		const restarted = loadInAnotherProcess();
		const after = restarted.trigger;
		const b = triggerContext(bed.parameters, { redis: bed.redisCredential() });
		const stopB = (await after.trigger.call(b.context)).closeFunction!;
		try {
			const resumed = executeContext(bed.parameters, a.emitted[0].data, {
				redis: bed.redisCredential(),
			});
			expect(await after.execute.call(resumed.context)).toEqual([[], []]);
			expect(resumed.logged.join('\n')).toMatch(/went back to the queue/);

			// Long before the 1-minute lease of the dead process would have run out.
			await waitFor(() => b.emitted.length === 1, 'the run of the new loop', 5000);
			const run = executeContext(bed.parameters, b.emitted[0].data, {
				redis: bed.redisCredential(),
			});
			const [events] = await after.execute.call(run.context);
			expect(events.map((item) => item.json.event_key)).toEqual(['id:crash-1']);
			b.emitted[0].done!.resolve(runEnded());
			await sleep(1500);
			expect(b.emitted).toHaveLength(1);
			const store = await openStore(bed.storeConfig());
			expect(await store.listRecords(inboxOf(bed.queue))).toHaveLength(0);

			// The dead process's run, started once more, still processes nothing.
			expect(await after.execute.call(resumed.context)).toEqual([[], []]);
		} finally {
			await stopB();
			await restarted.closeStores();
		}
	});

	it('in queue mode a worker, where no loop runs, lets the run go ahead while the loop beats, and not after it stopped', async () => {
		const trigger = new TikTokShopTrigger();
		const { context, emitted } = triggerContext(bed.parameters, { redis: bed.redisCredential() });
		const stop = (await trigger.trigger.call(context)).closeFunction!;
		const worker = { runsLoop: () => false, queueMode: true };
		try {
			await bed.deliver(trigger, 'worker-1');
			await waitFor(() => emitted.length === 1, 'the run');
			const token = runTokenOf(emitted[0].data[0][0])!;
			const store = await openStore(bed.storeConfig());
			expect(
				await claimRun(
					store,
					token,
					{ executionId: '41', nowMs: Date.now(), leaseMs: 60_000 },
					worker,
				),
			).toBe('run');
			await stop();
			// The loop's last heartbeat runs out 5 s after it was written.
			expect(
				await claimRun(
					store,
					token,
					{ executionId: '41', nowMs: Date.now() + 6000, leaseMs: 60_000 },
					worker,
				),
			).toBe('returned');
		} finally {
			await stop();
		}
	});

	it('items without a token (test events, Simple processing) and dead letters pass through unchanged', async () => {
		const trigger = new TikTokShopTrigger();
		const event = { json: { event_key: 'id:plain-1' } };
		const dead = { json: { event_key: 'id:dead-1', dead_lettered: true } };
		const run = executeContext(bed.parameters, [[event], [dead]], { redis: bed.redisCredential() });
		expect(await trigger.execute.call(run.context)).toEqual([[event], [dead]]);
		const webhookRun = executeContext(bed.parameters, [[event]], { redis: bed.redisCredential() });
		expect(await trigger.execute.call(webhookRun.context)).toEqual([[event], []]);
	});
});
