import type { IDataObject, IRun, ITriggerFunctions } from 'n8n-workflow';

import { randomUUID } from 'node:crypto';

import { processCache } from '../../shared/processCaches';
import type { DurableStore } from '../../shared/store';
import {
	inboxOf,
	itemForRun,
	recordFailure,
	recordSuccess,
	recordUnknownOutcome,
	withdrawUnknownOutcome,
	type LeasedEvent,
	type QueuedEvent,
	type RetryPolicy,
	type StartedRun,
} from '../../shared/events/eventQueue';
import { onQueueSignal } from '../../shared/events/queueSignal';
import { withRunToken, writeHeartbeat } from '../../shared/events/runClaim';

export interface LoopOptions {
	queue: string;
	policy: RetryPolicy;
	/** How long one run may take before it counts as never reporting back (the lease). */
	processingTimeoutMs: number;
	/**
	 * What happens to an event whose run started (checked in) and never reported back: false sends it to the Failed
	 * output, since the run may have acted already; true runs it again (at least once: the sink must dedupe).
	 */
	rerunUnreported: boolean;
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
			const started = record.record.startedRun;
			if (started && !options.rerunUnreported) {
				const minutes = Math.round(options.processingTimeoutMs / 60_000);
				await deadLetterUnreported(
					context,
					store,
					options,
					record,
					{ ...record.record, startedRun: started },
					`no outcome came back within the processing timeout (${minutes} min); n8n or its worker may have stopped`,
				);
				continue;
			}
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
	let unreported: string | undefined;
	try {
		const run = await done.promise;
		// n8n resolves with nothing when it started no execution (e.g. it skipped it as a duplicate).
		if (!run) failure = 'n8n did not start a run for the event';
		else if (run.data.resultData.error)
			failure = run.data.resultData.error.message || 'the workflow run failed';
	} catch (error) {
		// n8n could not say how the run ended (in queue mode: a worker died or stalled, or main lost the job's result).
		unreported = (error as Error).message || 'n8n gave no reason';
	}
	const lost = () =>
		context.logger.warn(
			`TikTok Shop Trigger: the run of event ${record.id} ended after its processing timeout, when the event had been handed to another run; that run's outcome counts.`,
		);
	try {
		if (unreported !== undefined) {
			const current = await store.getRecord<QueuedEvent>(inboxOf(options.queue), record.id);
			const started = current?.record.startedRun;
			if (started?.lease === record.lease && !options.rerunUnreported) {
				await deadLetterUnreported(
					context,
					store,
					options,
					record,
					{ ...current!.record, startedRun: started },
					`n8n reported "${unreported}"`,
				);
				return;
			}
			// It never started processing (or reruns are chosen): running it again is safe.
			failure = unreported;
		}
		if (!failure) {
			if (await recordSuccess(store, options.queue, record)) return;
			if (await withdrawUnknownOutcome(store, options.queue, record.id, record.lease))
				context.logger.info(
					`TikTok Shop Trigger: the run of event ${record.id} did finish, after its processing timeout; its dead letter is withdrawn.`,
				);
			else lost();
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
		if (outcome.deadLettered) emitDeadLetter(context, options.queue, outcome.event);
	} catch (error) {
		// The lease runs out and the event is handed out again, so nothing is lost; say why it happened.
		context.logger.warn(
			`TikTok Shop Trigger could not record the outcome of event ${record.id}: ${(error as Error).message}`,
		);
	}
}

/** A run started the event and never reported back: the event goes to the Failed output rather than run twice. */
async function deadLetterUnreported(
	context: ITriggerFunctions,
	store: DurableStore,
	options: LoopOptions,
	held: LeasedEvent,
	event: QueuedEvent & { startedRun: StartedRun },
	reason: string,
): Promise<void> {
	try {
		const dead = await recordUnknownOutcome(store, options.queue, held, event, reason, Date.now());
		if (!dead) return;
		context.logger.warn(
			`TikTok Shop Trigger: event ${held.id} went to the Failed output: run ${event.startedRun.executionId} started it and ${reason}.`,
		);
		emitDeadLetter(context, options.queue, dead);
	} catch (error) {
		context.logger.warn(
			`TikTok Shop Trigger could not record the outcome of event ${held.id}: ${(error as Error).message}`,
		);
	}
}

function emitDeadLetter(context: ITriggerFunctions, queue: string, event: QueuedEvent): void {
	const dead: IDataObject = {
		...itemForRun(event),
		attempts: event.failures,
		dead_lettered: true,
		queue,
		...(event.outcomeUnknown
			? { outcome_unknown: true, started_execution_id: event.startedRun?.executionId }
			: {}),
	};
	context.emit([[], [{ json: dead }]]);
}
