import { useBackends } from './backends';

type CaseMark = { status: string; emittedAt: string };

describe.each(useBackends())('values and watermarks on $name', (backend) => {
	it('stores JSON values and forgets them on release', async () => {
		const store = await backend.open();
		const mark: CaseMark = {
			status: 'AWAITING_SELLER_RESPONSE',
			emittedAt: '2026-11-25T09:14:03Z',
		};

		await store.setValue('cases', '7491022365', mark);

		expect(await store.getValue<CaseMark>('cases', '7491022365')).toEqual(mark);
		expect(await store.getValue('cases', 'unknown')).toBeUndefined();
		await store.release('cases', '7491022365');
		expect(await store.getValue('cases', '7491022365')).toBeUndefined();
	});

	it('overwrites a value and lets it expire after its TTL', async () => {
		const store = await backend.open();
		await store.setValue('cases', '7491022365', { status: 'OPEN' });
		await store.setValue('cases', '7491022365', { status: 'CLOSED' }, 200);
		expect(await store.getValue('cases', '7491022365')).toEqual({ status: 'CLOSED' });

		await backend.elapse(200);

		expect(await store.getValue('cases', '7491022365')).toBeUndefined();
	});

	it('refuses a value JSON cannot hold', async () => {
		const store = await backend.open();

		await expect(store.setValue('cases', 'x', undefined)).rejects.toThrow('JSON values');
	});

	it('moves a watermark forward only', async () => {
		const store = await backend.open();

		expect(await store.advanceWatermark('imap:orders@shop.example', 'INBOX', 4_294_967_000)).toBe(
			4_294_967_000,
		);
		expect(await store.advanceWatermark('imap:orders@shop.example', 'INBOX', 17)).toBe(
			4_294_967_000,
		);
		expect(await store.advanceWatermark('imap:orders@shop.example', 'INBOX', 4_294_967_295)).toBe(
			4_294_967_295,
		);
		expect(await store.advanceWatermark('imap:orders@shop.example', 'Archive', 3)).toBe(3);
	});

	it('ends at the highest of many concurrent advances from two connections', async () => {
		const first = await backend.open();
		const second = await backend.openAgain();
		const uids = Array.from({ length: 60 }, (_, index) => (index * 7919) % 1000);

		await Promise.all(
			uids.map((uid, index) => (index % 2 ? first : second).advanceWatermark('imap', 'INBOX', uid)),
		);

		expect(await first.advanceWatermark('imap', 'INBOX', 0)).toBe(Math.max(...uids));
	});

	it('keeps values and watermarks across a restart', async () => {
		const before = await backend.open();
		await before.setValue('cases', '7491022365', { status: 'OPEN' });
		await before.advanceWatermark('imap', 'INBOX', 812);
		await before.close();

		const after = await backend.openAgain();

		expect(await after.getValue('cases', '7491022365')).toEqual({ status: 'OPEN' });
		expect(await after.advanceWatermark('imap', 'INBOX', 1)).toBe(812);
	});
});
