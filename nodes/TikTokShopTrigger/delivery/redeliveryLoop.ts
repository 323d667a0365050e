import type { IDataObject, IRun, ITriggerFunctions } from 'n8n-workflow';

import { randomUUID } from 'node:crypto';

import { processCache } from '../../shared/processCaches';
import type { DurableStore } from '../../shared/store';
import {
	inboxOf,
	itemForRun,
	recordFailure,
	recordSuccess,
	type LeasedEvent,
	type QueuedEvent,
	type RetryPolicy,
} from '../../shared/events/eventQueue';
import { onQueueSignal } from '../../shared/events/queueSignal';
import { withRunToken, writeHeartbeat } from '../../shared/events/runClaim';

export interface LoopOptions {
	queue: string;
	policy: RetryPolicy;
	/** How long one run may take before its event is handed out again (the lease). */
	processingTimeoutMs: number;
	pollMs: number;
	/** Runs in flight at once: each run competes with the webhook for the CPU, and TikTok wants its answer in 3 s. */
	maxConcurrentRuns: number;
	/** New runs wait until deliveries in this process have paused this long, so that a burst is answered first… */
	burstQuietMs: number;
	/** …but never wait longer than this after the burst began. */
	burstMaxHoldMs: number;
}

/**
 * Runs in the n8n process that owns the trigger (the main process, also in queue mode): hands each due event to
 * one workflow run, learns from n8n whether that run failed, and retries or dead-letters it.
 */
export function startRedeliveryLoop(
	context: ITriggerFunctions,
	store: DurableStore,
	options: LoopOptions,
): () => Promise<void> {
	// One loop per queue in a process: an activation n8n did not close first must not leave a second poller behind.
	void loops.get(options.queue)?.();
	let stopped = false;
	let running: Promise<void> | undefined;
	let timer: NodeJS.Timeout | undefined;
	let inFlight = 0;
	const burst = burstHold(options, () => tick());
	// Runs check in with the loop that handed their event out (see runClaim.ts): this one, while it is registered.
	const loop = randomUUID();
	liveLoops.set(loop, true);
	const forgetWhenIdle = () => {
		if (stopped && inFlight === 0) liveLoops.delete(loop);
	};
	let heartbeatDueAt = 0;

	const runOnce = async () => {
		const now = Date.now();
		if (now >= heartbeatDueAt) {
			await writeHeartbeat(store, options.queue, loop, now);
			heartbeatDueAt = now + options.pollMs;
		}
		if (burst.holding(now)) return false;
		const room = options.maxConcurrentRuns - inFlight;
		if (room <= 0) return false;
		const due = await store.takeDue<QueuedEvent>(
			inboxOf(options.queue),
			Date.now(),
			room,
			options.processingTimeoutMs,
		);
		for (const record of due) {
			inFlight++;
			void dispatch(context, store, options, loop, record).finally(() => {
				inFlight--;
				forgetWhenIdle();
				tick();
			});
		}
		return due.length === room;
	};
	const tick = () => {
		if (stopped || running) return;
		running = runOnce()
			.then((mayHaveMore) => {
				if (mayHaveMore) setImmediate(tick);
			})
			.catch((error: unknown) =>
				context.logger.warn(
					`TikTok Shop Trigger could not read its event queue: ${(error as Error).message}`,
				),
			)
			.finally(() => {
				running = undefined;
			});
	};
	const unsubscribe = onQueueSignal(options.queue, () => {
		burst.deliveryArrived(Date.now());
		tick();
	});
	timer = setInterval(tick, options.pollMs);
	tick();
	const stop = async () => {
		if (loops.get(options.queue) === stop) loops.delete(options.queue);
		stopped = true;
		unsubscribe();
		burst.stop();
		if (timer) clearInterval(timer);
		timer = undefined;
		await running;
		// Runs already handed out still go ahead and are still settled here; the loop is forgotten after the last.
		forgetWhenIdle();
	};
	loops.set(options.queue, stop);
	return stop;
}

const loops = processCache<string, () => Promise<void>>('triggerRedeliveryLoops');
const liveLoops = processCache<string, true>('triggerLiveLoops');

/** Whether the loop with this id runs in this process, or still has runs in flight here. */
export function runsLoop(loop: string): boolean {
	return liveLoops.has(loop);
}

/** Tracks bursts of deliveries in this process and wakes the loop when a hold ends. */
function burstHold(
	options: Pick<LoopOptions, 'burstQuietMs' | 'burstMaxHoldMs'>,
	wake: () => void,
) {
	let startedAt: number | undefined;
	let lastAt = 0;
	let timer: NodeJS.Timeout | undefined;
	const wakeIn = (ms: number) => {
		if (timer) clearTimeout(timer);
		timer = setTimeout(() => {
			timer = undefined;
			wake();
		}, ms);
	};
	return {
		deliveryArrived(now: number) {
			startedAt ??= now;
			lastAt = now;
		},
		holding(now: number): boolean {
			if (startedAt === undefined) return false;
			const quietFor = now - lastAt;
			const heldFor = now - startedAt;
			if (quietFor >= options.burstQuietMs || heldFor >= options.burstMaxHoldMs) {
				startedAt = undefined;
				return false;
			}
			wakeIn(Math.min(options.burstQuietMs - quietFor, options.burstMaxHoldMs - heldFor));
			return true;
		},
		stop() {
			if (timer) clearTimeout(timer);
		},
	};
}

async function dispatch(
	context: ITriggerFunctions,
	store: DurableStore,
	options: LoopOptions,
	loop: string,
	record: LeasedEvent,
): Promise<void> {
	const done = context.helpers.createDeferredPromise<IRun | undefined>();
	const token = { queue: options.queue, id: record.id, lease: record.lease, loop };
	context.emit(
		[[{ json: withRunToken(itemForRun(record.record), token) }], []],
		undefined,
		done as Parameters<ITriggerFunctions['emit']>[2],
	);
	let failure: string | undefined;
	try {
		const run = await done.promise;
		// n8n resolves with nothing when it started no execution (e.g. it skipped it as a duplicate).
		if (!run) failure = 'n8n did not start a run for the event';
		else if (run.data.resultData.error)
			failure = run.data.resultData.error.message || 'the workflow run failed';
	} catch (error) {
		failure = (error as Error).message || 'the workflow run could not start';
	}
	const lost = () =>
		context.logger.warn(
			`TikTok Shop Trigger: the run of event ${record.id} ended after its processing timeout, when the event had been handed to another run; that run's outcome counts.`,
		);
	try {
		if (!failure) {
			if (!(await recordSuccess(store, options.queue, record))) lost();
			return;
		}
		const outcome = await recordFailure(
			store,
			options.queue,
			record,
			failure,
			options.policy,
			Date.now(),
		);
		if ('leaseLost' in outcome) {
			lost();
			return;
		}
		if (outcome.deadLettered) {
			const dead: IDataObject = {
				...itemForRun(outcome.event),
				attempts: outcome.event.failures,
				dead_lettered: true,
				queue: options.queue,
			};
			context.emit([[], [{ json: dead }]]);
		}
	} catch (error) {
		// The lease runs out and the event is handed out again, so nothing is lost; say why it happened.
		context.logger.warn(
			`TikTok Shop Trigger could not record the outcome of event ${record.id}: ${(error as Error).message}`,
		);
	}
}
