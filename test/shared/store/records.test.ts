import { useBackends } from './backends';

type RetryState = { eventId: string; attempts: number; lastError: string };

const T0 = Date.UTC(2026, 10, 25, 9, 0, 0);
const MINUTE = 60_000;

function retry(eventId: string, attempts = 1): RetryState {
	return { eventId, attempts, lastError: 'TikTok answered 503 (36009004 service unavailable)' };
}

describe.each(useBackends())('records on $name', (backend) => {
	it('puts, gets, lists and deletes records', async () => {
		const store = await backend.open();
		await store.putRecord('dead:wf-12', 'evt-b', retry('evt-b', 5));
		await store.putRecord('dead:wf-12', 'evt-a', retry('evt-a', 5));
		await store.putRecord('retry:wf-12', 'evt-c', retry('evt-c'), T0 + MINUTE);

		expect(await store.getRecord('dead:wf-12', 'evt-a')).toEqual({
			id: 'evt-a',
			record: retry('evt-a', 5),
			dueAtMs: null,
		});
		expect(await store.getRecord('retry:wf-12', 'evt-c')).toEqual({
			id: 'evt-c',
			record: retry('evt-c'),
			dueAtMs: T0 + MINUTE,
		});
		expect((await store.listRecords('dead:wf-12')).map((entry) => entry.id)).toEqual([
			'evt-a',
			'evt-b',
		]);
		expect(await store.listRecords('dead:wf-12', 1)).toHaveLength(1);

		expect(await store.deleteRecord('dead:wf-12', 'evt-a')).toBe(true);
		expect(await store.deleteRecord('dead:wf-12', 'evt-a')).toBe(false);
		expect(await store.getRecord('dead:wf-12', 'evt-a')).toBeUndefined();
		expect(await store.listRecords('dead:wf-12')).toEqual([
			{ id: 'evt-b', record: retry('evt-b', 5), dueAtMs: null },
		]);
	});

	it('lists scheduled records by due time, unscheduled ones last', async () => {
		const store = await backend.open();
		await store.putRecord('retry', 'parked', retry('parked'));
		await store.putRecord('retry', 'later', retry('later'), T0 + 2 * MINUTE);
		await store.putRecord('retry', 'sooner', retry('sooner'), T0 + MINUTE);

		expect((await store.listRecords('retry')).map((entry) => entry.id)).toEqual([
			'sooner',
			'later',
			'parked',
		]);
	});

	it('hands out only records that are due, oldest first, and leases them', async () => {
		const store = await backend.open();
		await store.putRecord('retry', 'evt-2', retry('evt-2'), T0 + 2 * MINUTE);
		await store.putRecord('retry', 'evt-1', retry('evt-1'), T0 + MINUTE);
		await store.putRecord('retry', 'evt-3', retry('evt-3'), T0 + 10 * MINUTE);
		await store.putRecord('retry', 'parked', retry('parked'));

		const taken = await store.takeDue<RetryState>('retry', T0 + 5 * MINUTE, 10, MINUTE);

		expect(taken).toEqual([
			{ id: 'evt-1', record: retry('evt-1'), dueAtMs: T0 + 6 * MINUTE, lease: expect.any(String) },
			{ id: 'evt-2', record: retry('evt-2'), dueAtMs: T0 + 6 * MINUTE, lease: expect.any(String) },
		]);
		expect(await store.takeDue('retry', T0 + 5 * MINUTE, 10, MINUTE)).toEqual([]);
	});

	it('hands a record out again when its taker never finished it', async () => {
		const store = await backend.open();
		await store.putRecord('retry', 'evt-1', retry('evt-1'), T0);
		await store.takeDue('retry', T0, 10, MINUTE);

		const retaken = await store.takeDue('retry', T0 + MINUTE, 10, MINUTE);

		expect(retaken.map((entry) => entry.id)).toEqual(['evt-1']);
	});

	it('respects the limit and reschedules on putRecord', async () => {
		const store = await backend.open();
		for (const id of ['evt-1', 'evt-2', 'evt-3']) await store.putRecord('retry', id, retry(id), T0);

		expect(await store.takeDue('retry', T0, 2, MINUTE)).toHaveLength(2);
		await store.putRecord('retry', 'evt-1', retry('evt-1', 2), T0 + 30 * MINUTE);

		const next = await store.takeDue<RetryState>('retry', T0 + 30 * MINUTE, 10, MINUTE);
		// evt-3 was never taken (due T0), evt-2's lease ran out at T0 + 1 min, evt-1 was rescheduled.
		expect(next.map((entry) => [entry.id, entry.record.attempts])).toEqual([
			['evt-3', 1],
			['evt-2', 1],
			['evt-1', 2],
		]);
	});

	it('never hands the same record to two concurrent takers on two connections', async () => {
		const first = await backend.open();
		const second = await backend.openAgain();
		const ids = Array.from({ length: 50 }, (_, index) => `evt-${String(index).padStart(2, '0')}`);
		for (const id of ids) await first.putRecord('retry', id, retry(id), T0 + ids.indexOf(id));

		const batches = await Promise.all(
			Array.from({ length: 20 }, (_, index) =>
				(index % 2 ? first : second).takeDue('retry', T0 + MINUTE, 4, MINUTE),
			),
		);

		const taken = batches.flat().map((entry) => entry.id);
		expect(taken).toHaveLength(ids.length);
		expect(new Set(taken)).toEqual(new Set(ids));
	});

	it('lets only one of several concurrent replays delete a dead letter', async () => {
		const first = await backend.open();
		const second = await backend.openAgain();
		await first.putRecord('dead', 'evt-1', retry('evt-1', 5));

		const deleted = await Promise.all(
			Array.from({ length: 10 }, (_, index) =>
				(index % 2 ? first : second).deleteRecord('dead', 'evt-1'),
			),
		);

		expect(deleted.filter(Boolean)).toHaveLength(1);
	});

	it('keeps records across a restart', async () => {
		const before = await backend.open();
		await before.putRecord('dead', 'evt-1', retry('evt-1', 5));
		await before.putRecord('retry', 'evt-2', retry('evt-2'), T0);
		await before.close();

		const after = await backend.openAgain();

		expect(await after.listRecords('dead')).toEqual([
			{ id: 'evt-1', record: retry('evt-1', 5), dueAtMs: null },
		]);
		expect((await after.takeDue('retry', T0, 1, MINUTE)).map((entry) => entry.id)).toEqual([
			'evt-2',
		]);
	});
});
