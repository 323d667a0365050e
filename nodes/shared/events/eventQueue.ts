import type { IDataObject } from 'n8n-workflow';

import type { DurableStore, StoredRecord } from '../store';

/**
 * Every accepted event is written here before TikTok gets its 200, and leaves only when a workflow run that
 * processed it succeeded, or as a dead letter. So an accepted event is never lost, even across restarts.
 */
export interface QueuedEvent {
	item: IDataObject;
	/** Runs that already failed. */
	failures: number;
	firstReceivedAt: string;
	lastError?: string;
	/** Set by the run that holds the lease when it starts processing (see runClaim.ts); cleared by a retry. */
	startedRun?: StartedRun;
	/** A dead letter whose run started and then no one learned how it ended (see recordUnknownOutcome). */
	outcomeUnknown?: true;
}

/** A run that checked in: from then on it may have acted (shipped, emailed), so it is never started again blindly. */
export interface StartedRun {
	lease: string;
	/** n8n's execution id, to open the run in Executions. */
	executionId: string;
	at: string;
}

export interface RetryPolicy {
	/** Runs in all, the first included. */
	maxAttempts: number;
	/** Pause before each retry: the first retry waits delaysMs[0]; the last value repeats. */
	delaysMs: number[];
}

export const DEFAULT_RETRY_POLICY: RetryPolicy = {
	maxAttempts: 4,
	delaysMs: [30_000, 60_000, 120_000],
};

export const inboxOf = (queue: string) => `events:${queue}`;
export const deadLettersOf = (queue: string) => `dead-letters:${queue}`;
export const seenOf = (queue: string) => `seen:${queue}`;

const newEvent = (item: IDataObject, nowMs: number): QueuedEvent => ({
	item,
	failures: 0,
	firstReceivedAt: new Date(nowMs).toISOString(),
});

export async function enqueue(
	store: DurableStore,
	queue: string,
	id: string,
	item: IDataObject,
	nowMs: number,
): Promise<void> {
	await store.putRecord(inboxOf(queue), id, newEvent(item, nowMs), nowMs);
}

/** Claims the delivery's dedupe keys and queues its event in one commit; false when any key was already seen. */
export async function admit(
	store: DurableStore,
	queue: string,
	dedupe: { keys: string[]; ttlMs: number },
	id: string,
	item: IDataObject,
	nowMs: number,
): Promise<boolean> {
	return await store.claimAndPutRecord(
		{ namespace: seenOf(queue), keys: dedupe.keys, ttlMs: dedupe.ttlMs },
		{ namespace: inboxOf(queue), id, record: newEvent(item, nowMs), dueAtMs: nowMs },
	);
}

export type FailureOutcome =
	| { deadLettered: false; retryAtMs: number }
	| { deadLettered: true; event: QueuedEvent }
	/** The lease ran out before the run ended, and another taker holds the event now: its outcome counts. */
	| { leaseLost: true };

/** A leased event as takeDue() hands it out. */
export type LeasedEvent = StoredRecord<QueuedEvent> & { lease: string };

/** The run succeeded: the event leaves the queue, unless the lease was lost meanwhile (then false). */
export async function recordSuccess(
	store: DurableStore,
	queue: string,
	record: LeasedEvent,
): Promise<boolean> {
	return await store.settleLease(inboxOf(queue), record.id, record.lease, { delete: true });
}

export async function recordFailure(
	store: DurableStore,
	queue: string,
	record: LeasedEvent,
	error: string,
	policy: RetryPolicy,
	nowMs: number,
): Promise<FailureOutcome> {
	// A retry starts afresh: the next run notes its own start.
	const event: QueuedEvent = {
		...record.record,
		startedRun: undefined,
		failures: record.record.failures + 1,
		lastError: error,
	};
	if (event.failures >= policy.maxAttempts) {
		// One step, like a replay: never in both places, never in neither.
		const moved = await store.settleLease(inboxOf(queue), record.id, record.lease, {
			moveTo: {
				namespace: deadLettersOf(queue),
				id: record.id,
				record: { ...event, deadLetteredAt: new Date(nowMs).toISOString() },
			},
		});
		return moved ? { deadLettered: true, event } : { leaseLost: true };
	}
	const delay = policy.delaysMs[Math.min(event.failures - 1, policy.delaysMs.length - 1)] ?? 0;
	const rescheduled = await store.settleLease(inboxOf(queue), record.id, record.lease, {
		put: { record: event, dueAtMs: nowMs + delay },
	});
	return rescheduled ? { deadLettered: false, retryAtMs: nowMs + delay } : { leaseLost: true };
}

/**
 * A run started processing this event (`event.startedRun`) and then no one learned how it ended: a worker died, n8n
 * lost the job's result, the process stopped, or it ran past its processing timeout. Running it again could act
 * twice (ship, email), so it becomes a dead letter, naming the execution to check; a replay runs it again. The
 * lease is the current holder's (the loop that found out). Resolves the dead letter, or undefined if the lease was
 * lost.
 */
export async function recordUnknownOutcome(
	store: DurableStore,
	queue: string,
	held: { id: string; lease: string },
	event: QueuedEvent & { startedRun: StartedRun },
	reason: string,
	nowMs: number,
): Promise<QueuedEvent | undefined> {
	const dead: QueuedEvent = {
		...event,
		lastError: `Run ${event.startedRun.executionId} started this event and ended without an outcome: ${reason}. Open that execution to see how far it got, and replay the event only if it did not finish.`,
		outcomeUnknown: true,
	};
	const moved = await store.settleLease(inboxOf(queue), held.id, held.lease, {
		moveTo: {
			namespace: deadLettersOf(queue),
			id: held.id,
			record: { ...dead, deadLetteredAt: new Date(nowMs).toISOString() },
		},
	});
	return moved ? dead : undefined;
}

/**
 * A run that was dead-lettered for want of an outcome (its lease had run out) did end well after all: its dead
 * letter is withdrawn, so that a replay cannot process the event twice. True when there was one to withdraw.
 */
export async function withdrawUnknownOutcome(
	store: DurableStore,
	queue: string,
	id: string,
	lease: string,
): Promise<boolean> {
	const dead = await store.getRecord<QueuedEvent>(deadLettersOf(queue), id);
	if (dead?.record.startedRun?.lease !== lease) return false;
	return await store.deleteRecord(deadLettersOf(queue), id);
}

export async function listDeadLetters(
	store: DurableStore,
	queue: string,
	limit?: number,
): Promise<Array<StoredRecord<QueuedEvent>>> {
	return await store.listRecords<QueuedEvent>(deadLettersOf(queue), limit);
}

/**
 * Moves a dead letter back into the queue as a fresh event, in one atomic step: a failure leaves the dead letter
 * where it was. False when no such dead letter (already replayed).
 */
export async function replayDeadLetter(
	store: DurableStore,
	queue: string,
	id: string,
	nowMs: number,
): Promise<boolean> {
	const dead = await store.getRecord<QueuedEvent>(deadLettersOf(queue), id);
	if (!dead) return false;
	const event: QueuedEvent = {
		item: { ...dead.record.item, replayed_at: new Date(nowMs).toISOString() },
		failures: 0,
		firstReceivedAt: dead.record.firstReceivedAt,
	};
	return await store.moveRecord(
		{ namespace: deadLettersOf(queue), id },
		{ namespace: inboxOf(queue), id, record: event, dueAtMs: nowMs },
	);
}

export function itemForRun(event: QueuedEvent): IDataObject {
	return {
		...event.item,
		attempt: event.failures + 1,
		first_received_at: event.firstReceivedAt,
		...(event.lastError ? { last_error: event.lastError } : {}),
	};
}
