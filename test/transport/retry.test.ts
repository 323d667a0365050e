import nock from 'nock';

import { TikTokApiError } from '../../nodes/shared/tiktok/errors';
import type { HttpTransport } from '../../nodes/shared/tiktok/types';
import { fetchTransport } from '../../dev/harness/fetchTransport';
import { API, makeClient, ok, record, rejection, setupNock } from './helpers';

const PATH = '/order/202309/orders';

describe('retries with backoff', () => {
	setupNock();

	it.each([
		[
			'HTTP 429 with 36009002',
			429,
			{ code: 36009002, message: 'Too many requests', request_id: 'r1' },
		],
		['HTTP 429 with a non-JSON body', 429, 'Too Many Requests'],
		['HTTP 503', 503, 'Service Unavailable'],
		[
			'36009003 internal error',
			200,
			{ code: 36009003, message: 'Internal error', request_id: 'r2' },
		],
		['36009007 timeout', 200, { code: 36009007, message: 'Request timeout', request_id: 'r3' }],
	])('retries %s, then returns the data', async (_name, status, body) => {
		const scope = nock(API)
			.get(PATH)
			.query(true)
			.times(2)
			.reply(status, body as never)
			.get(PATH)
			.query(true)
			.reply(200, ok({ orders: [{ id: '576684019603311365' }] }));
		const seen = record(scope);
		const { client, clock } = makeClient(
			{},
			{ backoffBaseMs: 100, backoffMaxMs: 10_000, random: () => 0 },
		);

		const result = await client.get(PATH, { ids: ['576684019603311365'] });

		expect(result.data).toEqual({ orders: [{ id: '576684019603311365' }] });
		expect(seen).toHaveLength(3);
		// full jitter between cap/2 and cap; random 0 gives the lower bound: 100/2, then 200/2
		expect(clock.sleeps).toEqual([50, 100]);
	});

	it('retries network errors, then returns the data', async () => {
		let calls = 0;
		const flaky: HttpTransport = async (request) => {
			calls++;
			if (calls <= 2) throw new Error('socket hang up');
			return fetchTransport(request);
		};
		nock(API)
			.get(PATH)
			.query(true)
			.reply(200, ok({ orders: [] }));
		const { client, clock } = makeClient({}, { http: flaky, backoffBaseMs: 100 });

		await expect(client.get(PATH, { ids: ['1'] })).resolves.toEqual({
			data: { orders: [] },
			requestId: 'req-ok-1',
		});
		expect(calls).toBe(3);
		expect(clock.sleeps).toHaveLength(2);
	});

	it('backs off exponentially with jitter, capped at backoffMaxMs', async () => {
		nock(API)
			.get(PATH)
			.query(true)
			.times(6)
			.reply(503, 'busy')
			.get(PATH)
			.query(true)
			.reply(200, ok({}));
		const { client, clock } = makeClient(
			{},
			{ maxRetries: 6, backoffBaseMs: 500, backoffMaxMs: 4000, random: () => 1 },
		);

		await client.get(PATH, { ids: ['1'] });

		expect(clock.sleeps).toEqual([500, 1000, 2000, 4000, 4000, 4000]);
	});

	it('keeps the jitter between half the step and the whole step', async () => {
		nock(API)
			.get(PATH)
			.query(true)
			.times(3)
			.reply(503, 'busy')
			.get(PATH)
			.query(true)
			.reply(200, ok({}));
		const { client, clock } = makeClient(
			{},
			{ backoffBaseMs: 1000, backoffMaxMs: 60_000, random: () => 0.5 },
		);

		await client.get(PATH, { ids: ['1'] });

		expect(clock.sleeps).toEqual([750, 1500, 3000]);
	});

	it('gives up after maxRetries and says how many attempts were made', async () => {
		const scope = nock(API)
			.get(PATH)
			.query(true)
			.times(4)
			.reply(429, { code: 36009002, message: 'Too many requests', request_id: 'r-last' });
		const seen = record(scope);
		const { client, clock } = makeClient({}, { maxRetries: 3 });

		const error = (await rejection(client.get(PATH, { ids: ['1'] }))) as TikTokApiError;

		expect(seen).toHaveLength(4);
		expect(clock.sleeps).toHaveLength(3);
		expect(error).toBeInstanceOf(TikTokApiError);
		expect(error.code).toBe(36009002);
		expect(error.message).toContain('after 4 attempts');
		expect(error.requestId).toBe('r-last');
	});

	it('gives up on a network that stays down, naming the attempts and the base URL', async () => {
		let calls = 0;
		const down: HttpTransport = async () => {
			calls++;
			throw new Error('connect ECONNREFUSED 10.0.0.1:443');
		};
		const { client } = makeClient({}, { http: down, maxRetries: 2 });

		const error = (await rejection(client.get(PATH, { ids: ['1'] }))) as TikTokApiError;

		expect(calls).toBe(3);
		expect(error.code).toBe(-1);
		expect(error.message).toContain('could not reach TikTok after 3 attempts');
		expect(error.message).toContain('ECONNREFUSED');
		expect(error.hint).toContain(API);
	});

	it.each([
		[106001, 401, 'Invalid sign'],
		[36009004, 200, 'Invalid timestamp'],
		[105005, 200, 'Scope not granted'],
	])('does not retry %d', async (code, status, message) => {
		const scope = nock(API)
			.get(PATH)
			.query(true)
			.reply(status, { code, message, request_id: 'r-once' });
		const seen = record(scope);
		const { client, clock } = makeClient();

		const error = (await rejection(client.get(PATH, { ids: ['1'] }))) as TikTokApiError;

		expect(seen).toHaveLength(1);
		expect(clock.sleeps).toEqual([]);
		expect(error.code).toBe(code);
		expect(error.message).not.toContain('attempts');
	});

	it('defaults to five retries (six attempts)', async () => {
		const scope = nock(API).get(PATH).query(true).times(6).reply(503, 'busy');
		const seen = record(scope);
		const { client } = makeClient();

		const error = await rejection(client.get(PATH, { ids: ['1'] }));

		expect(seen).toHaveLength(6);
		expect(error.message).toContain('after 6 attempts');
	});
});
