import { useBackends } from './backends';

const DAY_MS = 24 * 60 * 60 * 1000;
const DEDUPE_TTL_MS = 72 * 60 * 60 * 1000;

describe.each(useBackends())('claims on $name', (backend) => {
	it('lets the first claim win until the key is released', async () => {
		const store = await backend.open();

		expect(await store.claim('webhook:shop-1', 'evt-1', DAY_MS)).toBe(true);
		expect(await store.claim('webhook:shop-1', 'evt-1', DAY_MS)).toBe(false);
		expect(await store.claim('webhook:shop-1', 'evt-2', DAY_MS)).toBe(true);
		expect(await store.claim('webhook:shop-2', 'evt-1', DAY_MS)).toBe(true);

		await store.release('webhook:shop-1', 'evt-1');
		expect(await store.claim('webhook:shop-1', 'evt-1', DAY_MS)).toBe(true);
	});

	it('keeps namespaces apart even when their names contain the separator', async () => {
		const store = await backend.open();

		expect(await store.claim('a:b', 'c', DAY_MS)).toBe(true);
		expect(await store.claim('a', 'b:c', DAY_MS)).toBe(true);
	});

	it('frees a key once its TTL has passed', async () => {
		const store = await backend.open();
		await store.claim('webhook', 'evt-1', 200);
		expect(await store.claim('webhook', 'evt-1', 200)).toBe(false);

		await backend.elapse(200);

		expect(await store.claim('webhook', 'evt-1', 200)).toBe(true);
	});

	it('gives exactly one of 100 concurrent identical deliveries the claim', async () => {
		const store = await backend.open();

		const results = await Promise.all(
			Array.from({ length: 100 }, () =>
				store.claim('webhook', 'order-status-576469', DEDUPE_TTL_MS),
			),
		);

		expect(results.filter(Boolean)).toHaveLength(1);
	});

	it('is atomic across two connections to the same storage (two processes)', async () => {
		const first = await backend.open();
		const second = await backend.openAgain();

		const results = await Promise.all(
			Array.from({ length: 100 }, (_, index) =>
				(index % 2 === 0 ? first : second).claim('webhook', 'evt-race', DEDUPE_TTL_MS),
			),
		);

		expect(results.filter(Boolean)).toHaveLength(1);
		expect(await second.claim('webhook', 'evt-race', DEDUPE_TTL_MS)).toBe(false);
	});

	it('remembers claims across a restart', async () => {
		const before = await backend.open();
		await before.claim('webhook', 'evt-1', DEDUPE_TTL_MS);
		await before.close();

		const after = await backend.openAgain();

		expect(await after.claim('webhook', 'evt-1', DEDUPE_TTL_MS)).toBe(false);
	});

	it('refuses a TTL that is not a positive whole number of milliseconds', async () => {
		const store = await backend.open();

		await expect(store.claim('webhook', 'evt-1', 0)).rejects.toThrow(
			'ttlMs must be a positive whole number',
		);
		await expect(store.claim('webhook', 'evt-1', 1.5)).rejects.toThrow(RangeError);
	});

	describe('claimAndPutRecord', () => {
		const record = (id: string) => ({ namespace: 'inbox', id, record: { id }, dueAtMs: 1000 });

		it('claims every key and stores the record in one step, once', async () => {
			const store = await backend.open();
			expect(
				await store.claimAndPutRecord(
					{ namespace: 'seen', keys: ['evt-1', 'order-1@5'], ttlMs: DAY_MS },
					record('evt-1'),
				),
			).toBe(true);
			expect(await store.getRecord('inbox', 'evt-1')).toEqual({
				id: 'evt-1',
				record: { id: 'evt-1' },
				dueAtMs: 1000,
			});
			expect(await store.claim('seen', 'evt-1', DAY_MS)).toBe(false);
			expect(await store.claim('seen', 'order-1@5', DAY_MS)).toBe(false);
		});

		it('changes nothing when any one key is taken: no other key claimed, no record stored', async () => {
			const store = await backend.open();
			expect(await store.claim('seen', 'order-1@5', DAY_MS)).toBe(true);
			expect(
				await store.claimAndPutRecord(
					{ namespace: 'seen', keys: ['evt-2', 'order-1@5'], ttlMs: DAY_MS },
					record('evt-2'),
				),
			).toBe(false);
			expect(await store.getRecord('inbox', 'evt-2')).toBeUndefined();
			expect(await store.claim('seen', 'evt-2', DAY_MS)).toBe(true);
		});

		it('lets exactly one of 100 concurrent identical deliveries in, across two connections', async () => {
			const first = await backend.open();
			const second = await backend.openAgain();
			const results = await Promise.all(
				Array.from({ length: 100 }, (_, index) =>
					(index % 2 === 0 ? first : second).claimAndPutRecord(
						{ namespace: 'seen', keys: ['evt-race'], ttlMs: DEDUPE_TTL_MS },
						record(`evt-race-${index}`),
					),
				),
			);
			expect(results.filter(Boolean)).toHaveLength(1);
			expect(await first.listRecords('inbox')).toHaveLength(1);
		});

		it('takes over keys whose claim expired', async () => {
			const store = await backend.open();
			expect(await store.claim('seen', 'evt-3', 200)).toBe(true);
			await backend.elapse(200);
			expect(
				await store.claimAndPutRecord(
					{ namespace: 'seen', keys: ['evt-3'], ttlMs: 200 },
					record('evt-3'),
				),
			).toBe(true);
		});
	});
});
