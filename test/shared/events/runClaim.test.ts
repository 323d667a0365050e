import { inboxOf, type QueuedEvent } from '../../../nodes/shared/events/eventQueue';
import {
	claimRun,
	LOOP_ALIVE_MS,
	RUN_TOKEN_FIELD,
	runTokenOf,
	withoutRunToken,
	withRunToken,
	writeHeartbeat,
	type RunToken,
	type ThisProcess,
} from '../../../nodes/shared/events/runClaim';
import { useBackends } from '../store/backends';

const T0 = Date.UTC(2026, 11, 7, 9, 0, 0);
const QUEUE = 'wf-crash';
const LEASE_MS = 60_000;
const event: QueuedEvent = {
	item: { event_key: 'id:crash-1' },
	failures: 0,
	firstReceivedAt: '2026-12-07T09:00:00.000Z',
};

/** Regular mode: runs execute in the process of the loop that emitted them. */
const regular = (...loops: string[]): ThisProcess => ({
	runsLoop: (loop) => loops.includes(loop),
	queueMode: false,
});
/** A queue-mode worker: no loop runs here. */
const worker: ThisProcess = { runsLoop: () => false, queueMode: true };

describe.each(useBackends())('a run checking in with its loop, on $name', (backend) => {
	const leased = async () => {
		const store = await backend.open();
		await store.putRecord(inboxOf(QUEUE), 'id:crash-1', event, T0);
		const [taken] = await store.takeDue(inboxOf(QUEUE), T0, 1, LEASE_MS);
		const token: RunToken = { queue: QUEUE, id: taken.id, lease: taken.lease, loop: 'loop-a' };
		return { store, token };
	};

	it('goes ahead while its loop runs in this process, and its lease runs from the start of the run', async () => {
		const { store, token } = await leased();
		const startedAt = T0 + 20_000;
		expect(
			await claimRun(
				store,
				token,
				{ executionId: '41', nowMs: startedAt, leaseMs: LEASE_MS },
				regular('loop-a'),
			),
		).toBe('run');
		const claimed = await store.getRecord<QueuedEvent>(inboxOf(QUEUE), token.id);
		expect(claimed?.dueAtMs).toBe(startedAt + LEASE_MS);
		// It notes that it started (which run, under which lease), so a run that never reports back is not rerun blindly.
		expect(claimed?.record).toEqual({
			...event,
			startedRun: {
				lease: token.lease,
				executionId: '41',
				at: new Date(startedAt).toISOString(),
			},
		});
		// The loop still settles it with the lease it took.
		expect(await store.settleLease(inboxOf(QUEUE), token.id, token.lease, { delete: true })).toBe(
			true,
		);
	});

	it('a run n8n starts after a restart, for a loop that died with the old process, hands the event back and is the only one to try', async () => {
		const { store, token } = await leased();
		// The restarted process runs another loop (or none yet): in regular mode the old loop is gone.
		for (const here of [regular('loop-b'), regular()]) {
			const again = await backend.openAgain();
			await again.putRecord(inboxOf(QUEUE), 'id:crash-1', event, T0);
			const [taken] = await again.takeDue(inboxOf(QUEUE), T0, 1, LEASE_MS);
			const orphan = { ...token, lease: taken.lease };
			expect(
				await claimRun(
					again,
					orphan,
					{ executionId: '41', nowMs: T0 + 8000, leaseMs: LEASE_MS },
					here,
				),
			).toBe('returned');
			const record = await again.getRecord<QueuedEvent>(inboxOf(QUEUE), token.id);
			expect(record).toMatchObject({ record: event, dueAtMs: T0 + 8000 });
			// The dead loop's lease is void: its run can neither settle nor claim it any more.
			expect(
				await again.settleLease(inboxOf(QUEUE), token.id, orphan.lease, { delete: true }),
			).toBe(false);
			expect(
				await claimRun(
					again,
					orphan,
					{ executionId: '41', nowMs: T0 + 8001, leaseMs: LEASE_MS },
					here,
				),
			).toBe('stale');
			// The live loop takes it at once and its run goes ahead.
			const [next] = await again.takeDue(inboxOf(QUEUE), T0 + 8000, 10, LEASE_MS);
			expect(next.id).toBe(token.id);
			expect(
				await claimRun(
					again,
					{ ...token, lease: next.lease, loop: 'loop-b' },
					{ executionId: '42', nowMs: T0 + 8100, leaseMs: LEASE_MS },
					regular('loop-b'),
				),
			).toBe('run');
		}
		expect(await store.getRecord(inboxOf(QUEUE), token.id)).toBeDefined();
	});

	it('a run that starts after its lease went to another run, or after the event was settled, skips it', async () => {
		const { store, token } = await leased();
		const [other] = await store.takeDue(inboxOf(QUEUE), T0 + LEASE_MS, 1, LEASE_MS);
		expect(other.lease).not.toBe(token.lease);
		expect(
			await claimRun(
				store,
				token,
				{ executionId: '41', nowMs: T0 + LEASE_MS + 1, leaseMs: LEASE_MS },
				regular('loop-a'),
			),
		).toBe('stale');
		expect(
			await claimRun(
				store,
				token,
				{ executionId: '41', nowMs: T0 + LEASE_MS + 1, leaseMs: LEASE_MS },
				regular(),
			),
		).toBe('stale');
		expect((await store.getRecord(inboxOf(QUEUE), token.id))?.dueAtMs).toBe(T0 + 2 * LEASE_MS);
		await store.settleLease(inboxOf(QUEUE), other.id, other.lease, { delete: true });
		expect(
			await claimRun(
				store,
				token,
				{ executionId: '41', nowMs: T0 + LEASE_MS + 2, leaseMs: LEASE_MS },
				regular(),
			),
		).toBe('stale');
		expect(await store.getRecord(inboxOf(QUEUE), token.id)).toBeUndefined();
	});

	it('in queue mode a worker goes ahead while the loop beats, and hands the event back once it stopped beating', async () => {
		const { store, token } = await leased();
		await writeHeartbeat(store, QUEUE, 'loop-a', T0);
		expect(
			await claimRun(
				store,
				token,
				{ executionId: '41', nowMs: T0 + LOOP_ALIVE_MS - 1, leaseMs: LEASE_MS },
				worker,
			),
		).toBe('run');
		expect(
			await claimRun(
				store,
				token,
				{ executionId: '41', nowMs: T0 + LOOP_ALIVE_MS, leaseMs: LEASE_MS },
				worker,
			),
		).toBe('returned');
	});

	it('in queue mode a worker hands the event back when another loop has taken over the queue', async () => {
		const { store, token } = await leased();
		await writeHeartbeat(store, QUEUE, 'loop-b', T0);
		expect(
			await claimRun(store, token, { executionId: '41', nowMs: T0 + 1, leaseMs: LEASE_MS }, worker),
		).toBe('returned');
	});
});

describe('the run token on an item', () => {
	it('rides on the emitted item and is removed before the next node sees it', () => {
		const token: RunToken = { queue: QUEUE, id: 'id:crash-1', lease: 'l-1', loop: 'loop-a' };
		const item = { json: withRunToken({ event_key: 'id:crash-1', attempt: 1 }, token) };
		expect(runTokenOf(item)).toEqual(token);
		expect(withoutRunToken(item)).toEqual({ json: { event_key: 'id:crash-1', attempt: 1 } });
		expect(item.json[RUN_TOKEN_FIELD]).toEqual(token);
	});

	it('an item without a whole token has none (test events, Simple processing, dead letters)', () => {
		expect(runTokenOf({ json: { event_key: 'id:x' } })).toBeUndefined();
		expect(
			runTokenOf({ json: { [RUN_TOKEN_FIELD]: { queue: QUEUE, id: 'id:x', lease: '' } } }),
		).toBeUndefined();
		const plain = { json: { event_key: 'id:x' } };
		expect(withoutRunToken(plain)).toBe(plain);
	});
});
