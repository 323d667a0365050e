import { useBackends } from './backends';

const T0 = Date.UTC(2026, 11, 7, 9, 0, 0);
const LEASE_MS = 1000;
const QUEUE = 'events:wf-crash';
const event = (n: number) => ({
	item: { event_key: `id:crash-${n}` },
	failures: 0,
	firstReceivedAt: '2026-12-07T09:00:00.000Z',
});

describe.each(useBackends())('leases on $name', (backend) => {
	it('two consumers taking at once get disjoint events, each with its own lease', async () => {
		const a = await backend.open();
		const b = await backend.openAgain();
		for (let n = 0; n < 40; n++) await a.putRecord(QUEUE, `id:crash-${n}`, event(n), T0);
		const [takenByA, takenByB] = await Promise.all([
			a.takeDue(QUEUE, T0, 25, LEASE_MS),
			b.takeDue(QUEUE, T0, 25, LEASE_MS),
		]);
		const ids = [...takenByA, ...takenByB].map((record) => record.id);
		expect(ids).toHaveLength(40);
		expect(new Set(ids).size).toBe(40);
		expect(new Set([...takenByA, ...takenByB].map((record) => record.lease)).size).toBe(40);
		expect(await a.takeDue(QUEUE, T0 + LEASE_MS - 1, 100, LEASE_MS)).toHaveLength(0);
	});

	it('a consumer whose lease expired cannot settle the event another consumer holds now', async () => {
		const a = await backend.open();
		const b = await backend.openAgain();
		await a.putRecord(QUEUE, 'id:crash-1', event(1), T0);
		const [first] = await a.takeDue(QUEUE, T0, 1, LEASE_MS);
		await backend.elapse(LEASE_MS);
		const [second] = await b.takeDue<ReturnType<typeof event>>(QUEUE, T0 + LEASE_MS, 1, LEASE_MS);
		expect(second.id).toBe('id:crash-1');

		// The stale holder's outcome, success or retry or dead letter, changes nothing.
		expect(
			await a.settleLease(QUEUE, first.id, first.lease, {
				put: { record: { ...event(1), failures: 1 }, dueAtMs: T0 },
			}),
		).toBe(false);
		expect(
			await a.settleLease(QUEUE, first.id, first.lease, {
				moveTo: { namespace: 'dead-letters:wf-crash', id: first.id, record: event(1) },
			}),
		).toBe(false);
		expect(await a.settleLease(QUEUE, first.id, first.lease, { delete: true })).toBe(false);
		expect(await b.getRecord(QUEUE, 'id:crash-1')).toMatchObject({
			record: event(1),
			dueAtMs: T0 + 2 * LEASE_MS,
		});
		expect(await b.getRecord('dead-letters:wf-crash', 'id:crash-1')).toBeUndefined();
		// Not handed out a third time while the second holder runs it.
		expect(await a.takeDue(QUEUE, T0 + LEASE_MS + 1, 10, LEASE_MS)).toHaveLength(0);

		expect(await b.settleLease(QUEUE, second.id, second.lease, { delete: true })).toBe(true);
		expect(await b.settleLease(QUEUE, second.id, second.lease, { delete: true })).toBe(false);
		expect(await a.getRecord(QUEUE, 'id:crash-1')).toBeUndefined();
	});

	it('after a crash and restart, an event held by the dead process is handed out once, when its lease ends', async () => {
		const crashed = await backend.open();
		for (let n = 0; n < 3; n++) await crashed.putRecord(QUEUE, `id:crash-${n}`, event(n), T0);
		const held = await crashed.takeDue(QUEUE, T0, 3, LEASE_MS);
		expect(held).toHaveLength(3);
		await crashed.close();

		const restarted = await backend.openAgain();
		expect(await restarted.takeDue(QUEUE, T0 + 10, 10, LEASE_MS)).toHaveLength(0);
		await backend.elapse(LEASE_MS);
		const again = await restarted.takeDue(QUEUE, T0 + LEASE_MS, 10, LEASE_MS);
		expect(again.map((record) => record.id).sort()).toEqual([
			'id:crash-0',
			'id:crash-1',
			'id:crash-2',
		]);
		expect(await restarted.takeDue(QUEUE, T0 + LEASE_MS + 1, 10, LEASE_MS)).toHaveLength(0);
		for (const record of again)
			expect(await restarted.settleLease(QUEUE, record.id, record.lease, { delete: true })).toBe(
				true,
			);
		expect(await restarted.listRecords(QUEUE)).toHaveLength(0);
	});

	it('a retry is handed out again at its due time with a new lease; a put (a replay) ends any lease', async () => {
		const store = await backend.open();
		await store.putRecord(QUEUE, 'id:crash-9', event(9), T0);
		const [first] = await store.takeDue(QUEUE, T0, 1, LEASE_MS);
		expect(
			await store.settleLease(QUEUE, first.id, first.lease, {
				put: { record: { ...event(9), failures: 1 }, dueAtMs: T0 },
			}),
		).toBe(true);
		const [retry] = await store.takeDue<ReturnType<typeof event>>(QUEUE, T0, 1, LEASE_MS);
		expect(retry).toMatchObject({ id: 'id:crash-9', record: { failures: 1 } });
		expect(retry.lease).not.toBe(first.lease);
		await store.putRecord(QUEUE, 'id:crash-9', event(9), T0);
		expect(await store.settleLease(QUEUE, retry.id, retry.lease, { delete: true })).toBe(false);
		expect(await store.getRecord(QUEUE, 'id:crash-9')).toBeDefined();
	});
});

describe.each(useBackends())('renewing a lease on $name', (backend) => {
	it('the holder moves its lease end and keeps its token; a stale holder changes nothing', async () => {
		const store = await backend.open();
		await store.putRecord(QUEUE, 'id:crash-3', event(3), T0);
		const [held] = await store.takeDue(QUEUE, T0, 1, LEASE_MS);
		expect(
			await store.settleLease(QUEUE, held.id, held.lease, {
				renew: { dueAtMs: T0 + 10 * LEASE_MS },
			}),
		).toBe(true);
		expect(await store.getRecord(QUEUE, 'id:crash-3')).toMatchObject({
			record: event(3),
			dueAtMs: T0 + 10 * LEASE_MS,
		});
		// Not handed out when the first lease would have ended, and still settled with the same token.
		expect(await store.takeDue(QUEUE, T0 + LEASE_MS, 10, LEASE_MS)).toHaveLength(0);
		expect(
			await store.settleLease(QUEUE, held.id, 'not-the-lease', {
				renew: { dueAtMs: T0 + 100 * LEASE_MS },
			}),
		).toBe(false);
		expect((await store.getRecord(QUEUE, 'id:crash-3'))?.dueAtMs).toBe(T0 + 10 * LEASE_MS);
		expect(await store.settleLease(QUEUE, held.id, held.lease, { delete: true })).toBe(true);
		expect(await store.settleLease(QUEUE, held.id, held.lease, { renew: { dueAtMs: T0 } })).toBe(
			false,
		);
		expect(await store.getRecord(QUEUE, 'id:crash-3')).toBeUndefined();
	});

	it('the holder can store a new record with the renewal (a run notes it started); a stale holder cannot', async () => {
		const store = await backend.open();
		await store.putRecord(QUEUE, 'id:crash-4', event(4), T0);
		const [held] = await store.takeDue(QUEUE, T0, 1, LEASE_MS);
		const started = { ...event(4), startedRun: { lease: held.lease, executionId: '17' } };
		expect(
			await store.settleLease(QUEUE, held.id, 'not-the-lease', {
				renew: { dueAtMs: T0 + 5 * LEASE_MS, record: { overwritten: true } },
			}),
		).toBe(false);
		expect(
			await store.settleLease(QUEUE, held.id, held.lease, {
				renew: { dueAtMs: T0 + 10 * LEASE_MS, record: started },
			}),
		).toBe(true);
		expect(await store.getRecord(QUEUE, 'id:crash-4')).toEqual({
			id: 'id:crash-4',
			record: started,
			dueAtMs: T0 + 10 * LEASE_MS,
		});
		// Still the same lease: the holder settles it.
		expect(await store.settleLease(QUEUE, held.id, held.lease, { delete: true })).toBe(true);
	});
});

describe('an embedded store file made before leases existed', () => {
	it('gains the lease column when opened, keeping its queued events', async () => {
		const { mkdtempSync, rmSync } = await import('node:fs');
		const { tmpdir } = await import('node:os');
		const { join } = await import('node:path');
		const { DatabaseSync } = await import('node:sqlite');
		const { SqliteStore } = await import('../../../nodes/shared/store/sqliteStore');
		const dir = mkdtempSync(join(tmpdir(), 'store-old-'));
		try {
			const path = join(dir, 'tiktok-shop-ops.sqlite');
			const old = new DatabaseSync(path);
			old.exec(`CREATE TABLE records (namespace TEXT NOT NULL, id TEXT NOT NULL, record TEXT NOT NULL, due_at INTEGER,
				PRIMARY KEY (namespace, id)) WITHOUT ROWID;
				INSERT INTO records VALUES ('${QUEUE}', 'id:old-1', '${JSON.stringify(event(1))}', ${T0});`);
			old.close();
			const store = new SqliteStore({ path, now: () => T0 });
			const [taken] = await store.takeDue(QUEUE, T0, 10, LEASE_MS);
			expect(taken).toMatchObject({ id: 'id:old-1', record: event(1) });
			expect(await store.settleLease(QUEUE, taken.id, taken.lease, { delete: true })).toBe(true);
			await store.close();
		} finally {
			rmSync(dir, { recursive: true, force: true });
		}
	});
});
