import type { IDataObject, INodeExecutionData } from 'n8n-workflow';

import type { DurableStore } from '../store';
import { inboxOf, type QueuedEvent } from './eventQueue';

/**
 * Ties each run of a queued event to the redelivery loop that handed it out.
 *
 * The loop leases an event and asks n8n for a run, and only that loop learns how the run ended (it settles the lease
 * from the run's outcome). n8n 2.x (regular mode) also starts, at boot, every execution it had created but not yet
 * started before the process died (status "new"): such a run carries an event whose loop died with the process, so
 * nobody would settle it, and the event would run again when its lease ran out. So the run itself checks in first:
 * it goes ahead only while the loop that handed it out is alive (its lease is then renewed from the run's start);
 * a run whose loop is gone hands the event straight back to the queue and processes nothing, and the new loop hands
 * the event to a run it can follow. Either way the event runs once.
 */

/** The hidden field that carries the token on the item the trigger emits; the run removes it before anything sees it. */
export const RUN_TOKEN_FIELD = '__tiktokShopRun';

export interface RunToken {
	queue: string;
	/** The event's id in the queue. */
	id: string;
	lease: string;
	/** The redelivery loop that took the lease. */
	loop: string;
}

/** What a loop says about itself in the store, so that runs in other processes (queue mode) can check it. */
export interface LoopHeartbeat {
	loop: string;
	aliveUntil: number;
}

/** A loop that has not written its heartbeat for this long counts as dead (it writes one each poll, every second). */
export const LOOP_ALIVE_MS = 5000;

const loopsOf = 'event-loops';

export async function writeHeartbeat(
	store: DurableStore,
	queue: string,
	loop: string,
	nowMs: number,
): Promise<void> {
	await store.setValue<LoopHeartbeat>(loopsOf, queue, { loop, aliveUntil: nowMs + LOOP_ALIVE_MS });
}

export interface ThisProcess {
	/** Whether a loop with this id runs in this process (or still has runs in flight here). */
	runsLoop(loop: string): boolean;
	/**
	 * n8n's queue mode: runs execute in worker processes, never beside the loop, so a loop elsewhere is alive while
	 * its heartbeat is. In regular mode every run executes in the process that emitted it.
	 */
	queueMode: boolean;
}

export type RunClaim =
	/** The loop that handed the event out is alive and this run holds the lease: process the event. */
	| 'run'
	/** The lease is no longer this run's (it ran out and the event went to another run, or the event is settled). */
	| 'stale'
	/** The loop that handed it out is gone: the event is back in the queue, due now, for the live loop. */
	| 'returned';

export async function claimRun(
	store: DurableStore,
	token: RunToken,
	run: { executionId: string; nowMs: number; leaseMs: number },
	here: ThisProcess,
): Promise<RunClaim> {
	const inbox = inboxOf(token.queue);
	const current = await store.getRecord<QueuedEvent>(inbox, token.id);
	if (!current) return 'stale';
	if (await loopAlive(store, token, run.nowMs, here)) {
		// The run notes that it started, with the lease: if no outcome ever comes back, the event is not run again
		// blindly (see recordUnknownOutcome in eventQueue.ts).
		const started: QueuedEvent = {
			...current.record,
			startedRun: {
				lease: token.lease,
				executionId: run.executionId,
				at: new Date(run.nowMs).toISOString(),
			},
		};
		const renewed = await store.settleLease(inbox, token.id, token.lease, {
			renew: { dueAtMs: run.nowMs + run.leaseMs, record: started },
		});
		return renewed ? 'run' : 'stale';
	}
	// Only while this run's lease is still the event's lease: otherwise another run has it already.
	const returned = await store.settleLease(inbox, token.id, token.lease, {
		put: { record: current.record, dueAtMs: run.nowMs },
	});
	return returned ? 'returned' : 'stale';
}

async function loopAlive(
	store: DurableStore,
	token: RunToken,
	nowMs: number,
	here: ThisProcess,
): Promise<boolean> {
	if (here.runsLoop(token.loop)) return true;
	if (!here.queueMode) return false;
	const heartbeat = await store.getValue<LoopHeartbeat>(loopsOf, token.queue);
	return heartbeat?.loop === token.loop && heartbeat.aliveUntil > nowMs;
}

/** The run's token, if the item carries one (items from a loop do; test events and dead letters do not). */
export function runTokenOf(item: INodeExecutionData): RunToken | undefined {
	const token = item.json[RUN_TOKEN_FIELD] as IDataObject | undefined;
	if (!token || typeof token !== 'object') return undefined;
	const { queue, id, lease, loop } = token;
	if (![queue, id, lease, loop].every((part) => typeof part === 'string' && part !== ''))
		return undefined;
	return { queue, id, lease, loop } as RunToken;
}

export function withRunToken(json: IDataObject, token: RunToken): IDataObject {
	return { ...json, [RUN_TOKEN_FIELD]: { ...token } };
}

export function withoutRunToken(item: INodeExecutionData): INodeExecutionData {
	if (!(RUN_TOKEN_FIELD in item.json)) return item;
	const json = { ...item.json };
	delete json[RUN_TOKEN_FIELD];
	return { ...item, json };
}
