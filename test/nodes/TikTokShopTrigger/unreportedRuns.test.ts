import type { IDataObject } from 'n8n-workflow';

import {
	inboxOf,
	listDeadLetters,
	replayDeadLetter,
} from '../../../nodes/shared/events/eventQueue';
import { openStore } from '../../../nodes/shared/store';
import { TikTokShopTrigger } from '../../../nodes/TikTokShopTrigger/TikTokShopTrigger.node';
import {
	startRedeliveryLoop,
	type LoopOptions,
} from '../../../nodes/TikTokShopTrigger/delivery/redeliveryLoop';
import { readSettings } from '../../../nodes/TikTokShopTrigger/settings';
import { executeContext, runEnded, triggerContext, type Emitted } from './fakeTriggerContexts';
import { storeUnderTest, triggerTestServers, waitFor } from './triggerTestBed';

/**
 * A run that checked in (started processing) and then never reported back may already have acted: in n8n's queue
 * mode a killed or stalled worker makes main reject the run's promise, and after a crash nobody reports at all. From
 * version 1.2 such an event goes to the Failed output, naming the execution, instead of running a second time.
 */
const trigger = new TikTokShopTrigger();
const redis = triggerTestServers('trigger-unreported-');
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const runs = (emitted: Emitted[]) => emitted.filter((entry) => entry.data[0].length);
const failed = (emitted: Emitted[]) => emitted.filter((entry) => entry.data[1].length);

describe.each(['embedded', 'redis'] as const)(
	'a started run that never reports back, %s store',
	(kind) => {
		const bed = storeUnderTest(kind, redis, 'unreported', { retryDelays: '0' });

		const start = async (options: Partial<LoopOptions> = {}) => {
			const { context, emitted } = triggerContext(bed.parameters, { redis: bed.redisCredential() });
			const store = await openStore(bed.storeConfig());
			const stop = startRedeliveryLoop(context, store, {
				queue: bed.queue,
				policy: { maxAttempts: 4, delaysMs: [0] },
				processingTimeoutMs: 60_000,
				pollMs: 50,
				maxConcurrentRuns: 5,
				rerunUnreported: false,
				burstQuietMs: 0,
				burstMaxHoldMs: 0,
				...options,
			});
			return { emitted, store, stop };
		};
		/** The run's first step in n8n (the trigger's execute()), as execution `executionId`. */
		const checkIn = async (entry: Emitted, executionId: string) => {
			const run = executeContext(bed.parameters, entry.data, {
				redis: bed.redisCredential(),
				executionId,
			});
			const [events] = await trigger.execute.call(run.context);
			expect(events).toHaveLength(1);
		};

		it('n8n loses a run that had started (a worker killed): Failed output names the execution, nothing runs twice, a replay runs it once', async () => {
			const { emitted, store, stop } = await start();
			try {
				await bed.deliver(trigger, 'killed-1');
				await waitFor(() => runs(emitted).length === 1, 'the run');
				await checkIn(emitted[0], '201');
				emitted[0].done!.reject(new Error('job stalled more than maxStalledCount'));
				await waitFor(() => failed(emitted).length === 1, 'the Failed output');
				const dead = failed(emitted)[0].data[1][0].json;
				expect(dead).toMatchObject({
					event_key: 'id:killed-1',
					dead_lettered: true,
					outcome_unknown: true,
					started_execution_id: '201',
				});
				expect(dead.last_error).toMatch(
					/Run 201 started this event.*job stalled more than maxStalledCount/,
				);
				await sleep(500);
				expect(runs(emitted)).toHaveLength(1);
				expect(await store.listRecords(inboxOf(bed.queue))).toEqual([]);
				const letters = await listDeadLetters(store, bed.queue);
				expect(letters.map((letter) => [letter.id, letter.record.outcomeUnknown])).toEqual([
					['id:killed-1', true],
				]);

				expect(await replayDeadLetter(store, bed.queue, 'id:killed-1', Date.now())).toBe(true);
				await waitFor(() => runs(emitted).length === 2, 'the replayed run');
				await checkIn(runs(emitted)[1], '202');
				runs(emitted)[1].done!.resolve(runEnded());
				await sleep(300);
				expect(await store.listRecords(inboxOf(bed.queue))).toEqual([]);
				expect(await listDeadLetters(store, bed.queue)).toEqual([]);
				expect(runs(emitted)).toHaveLength(2);
			} finally {
				await stop();
			}
		});

		it('n8n loses a run before it started: the event simply runs again', async () => {
			const { emitted, store, stop } = await start();
			try {
				await bed.deliver(trigger, 'unstarted-1');
				await waitFor(() => runs(emitted).length === 1, 'the run');
				emitted[0].done!.reject(new Error('Could not find execution with id "9"'));
				await waitFor(() => runs(emitted).length === 2, 'the second run');
				expect(runs(emitted)[1].data[0][0].json).toMatchObject({
					attempt: 2,
					last_error: 'Could not find execution with id "9"',
				});
				runs(emitted)[1].done!.resolve(runEnded());
				await sleep(300);
				expect(failed(emitted)).toEqual([]);
				expect(await store.listRecords(inboxOf(bed.queue))).toEqual([]);
			} finally {
				await stop();
			}
		});

		it('a started run past its processing timeout goes to Failed instead of a second run; when it then succeeds, its dead letter is withdrawn', async () => {
			// The check-in renews the lease from the trigger's own Processing Timeout: 0.01 min here.
			bed.parameters.options = {
				...(bed.parameters.options as IDataObject),
				processingTimeoutMinutes: 0.01,
			};
			const { emitted, store, stop } = await start({ processingTimeoutMs: 600 });
			try {
				await bed.deliver(trigger, 'slow-1');
				await waitFor(() => runs(emitted).length === 1, 'the run');
				await checkIn(emitted[0], '301');
				await waitFor(() => failed(emitted).length === 1, 'the Failed output', 5000);
				expect(failed(emitted)[0].data[1][0].json).toMatchObject({
					outcome_unknown: true,
					started_execution_id: '301',
					last_error: expect.stringMatching(/within the processing timeout/),
				});
				await sleep(800);
				expect(runs(emitted)).toHaveLength(1);
				expect(await listDeadLetters(store, bed.queue)).toHaveLength(1);

				emitted[0].done!.resolve(runEnded());
				await sleep(300);
				expect(await listDeadLetters(store, bed.queue)).toEqual([]);
				expect(await store.listRecords(inboxOf(bed.queue))).toEqual([]);
			} finally {
				await stop();
			}
		});

		it('with Run It Again, a started run that n8n lost runs again', async () => {
			const { emitted, stop } = await start({ rerunUnreported: true });
			try {
				await bed.deliver(trigger, 'rerun-1');
				await waitFor(() => runs(emitted).length === 1, 'the run');
				await checkIn(emitted[0], '401');
				emitted[0].done!.reject(new Error('job stalled more than maxStalledCount'));
				await waitFor(() => runs(emitted).length === 2, 'the second run');
				runs(emitted)[1].done!.resolve(runEnded());
				await sleep(300);
				expect(failed(emitted)).toEqual([]);
			} finally {
				await stop();
			}
		});
	},
);

describe('When a Started Run Never Reports Back', () => {
	const settingsOf = (typeVersion: number, options: IDataObject = {}) => {
		const { context } = triggerContext({ options });
		const node = context.getNode();
		return readSettings({ ...context, getNode: () => ({ ...node, typeVersion }) } as never);
	};

	it('is Send to Failed Output from version 1.2, Run It Again before, and the option wins over both', () => {
		expect(settingsOf(1.2).rerunUnreported).toBe(false);
		expect(settingsOf(1.1).rerunUnreported).toBe(true);
		expect(settingsOf(1).rerunUnreported).toBe(true);
		expect(settingsOf(1.1, { unreportedRuns: 'failedOutput' }).rerunUnreported).toBe(false);
		expect(settingsOf(1.2, { unreportedRuns: 'runAgain' }).rerunUnreported).toBe(true);
	});
});
