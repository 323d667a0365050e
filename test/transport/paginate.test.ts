import nock from 'nock';

import { collectPages, pages } from '../../nodes/shared/tiktok/paginate';
import { API, APP_SECRET, makeClient, ok, record, referenceSign, setupNock } from './helpers';

const PATH = '/order/202309/orders/search';

function orders(from: number, count: number): Array<{ id: string }> {
	return Array.from({ length: count }, (_, i) => ({
		id: String(576684019603311365n + BigInt(from + i)),
	}));
}

describe('pagination', () => {
	setupNock();

	function threePages() {
		const scope = nock(API)
			.post(PATH)
			.query((q) => q.page_token === undefined)
			.reply(200, ok({ orders: orders(0, 3), next_page_token: 'tok-page-2', total_count: 7 }))
			.post(PATH)
			.query((q) => q.page_token === 'tok-page-2')
			.reply(200, ok({ orders: orders(3, 3), next_page_token: 'tok-page-3', total_count: 7 }))
			.post(PATH)
			.query((q) => q.page_token === 'tok-page-3')
			.reply(200, ok({ orders: orders(6, 1), next_page_token: '', total_count: 7 }));
		return record(scope);
	}

	it('follows next_page_token until it is empty', async () => {
		const seen = threePages();
		const { client } = makeClient();

		const all = await collectPages<{ id: string }>(
			client,
			{
				method: 'POST',
				path: PATH,
				query: { sort_field: 'create_time' },
				body: { order_status: 'AWAITING_SHIPMENT' },
			},
			'orders',
			{ pageSize: 3 },
		);

		expect(all).toEqual(orders(0, 7));
		expect(seen.map((request) => request.query.page_token)).toEqual([
			undefined,
			'tok-page-2',
			'tok-page-3',
		]);
		for (const request of seen) {
			expect(request.query.page_size).toBe('3');
			expect(request.query.sort_field).toBe('create_time');
			expect(request.body).toBe('{"order_status":"AWAITING_SHIPMENT"}');
			expect(request.query.sign).toBe(
				referenceSign(APP_SECRET, request.path, request.query, request.body),
			);
		}
	});

	it('yields page by page', async () => {
		threePages();
		const { client } = makeClient();

		const sizes: number[] = [];
		for await (const page of pages(client, { method: 'POST', path: PATH, body: {} }, 'orders', {
			pageSize: 3,
		}))
			sizes.push(page.length);

		expect(sizes).toEqual([3, 3, 1]);
	});

	it('stops at maxItems, mid-page, without asking for more pages', async () => {
		const scope = nock(API)
			.post(PATH)
			.query((q) => q.page_token === undefined)
			.reply(200, ok({ orders: orders(0, 3), next_page_token: 'tok-page-2' }))
			.post(PATH)
			.query((q) => q.page_token === 'tok-page-2')
			.reply(200, ok({ orders: orders(3, 3), next_page_token: 'tok-page-3' }));
		const seen = record(scope);
		const { client } = makeClient();

		const all = await collectPages(client, { method: 'POST', path: PATH, body: {} }, 'orders', {
			pageSize: 3,
			maxItems: 5,
		});

		expect(all).toEqual(orders(0, 5));
		expect(seen).toHaveLength(2);
	});

	it('stops at maxItems on a page boundary', async () => {
		const scope = nock(API)
			.post(PATH)
			.query(true)
			.reply(200, ok({ orders: orders(0, 3), next_page_token: 'tok-page-2' }));
		const seen = record(scope);
		const { client } = makeClient();

		const all = await collectPages(client, { method: 'POST', path: PATH, body: {} }, 'orders', {
			pageSize: 3,
			maxItems: 3,
		});

		expect(all).toHaveLength(3);
		expect(seen).toHaveLength(1);
	});

	it('treats a missing list or token as the end', async () => {
		nock(API)
			.post(PATH)
			.query(true)
			.reply(200, ok({ total_count: 0 }));
		const { client } = makeClient();

		await expect(
			collectPages(client, { method: 'POST', path: PATH, body: {} }, 'orders', { pageSize: 50 }),
		).resolves.toEqual([]);
	});
});

describe('a page token that does not move', () => {
	setupNock();

	it('stops with an error instead of looping forever', async () => {
		nock(API)
			.post(PATH)
			.query(true)
			.times(2)
			.reply(200, ok({ orders: orders(0, 1), next_page_token: 'same' }));
		const { client } = makeClient();
		await expect(
			collectPages(client, { method: 'POST', path: PATH, body: {} }, 'orders', { pageSize: 1 }),
		).rejects.toThrow('same page token twice');
	});
});
