import nock from 'nock';

import { TikTokApiError } from '../../nodes/shared/tiktok/errors';
import type { HttpTransport } from '../../nodes/shared/tiktok/types';
import { fetchTransport } from '../../dev/harness/fetchTransport';
import {
	ACCESS_TOKEN,
	API,
	APP_KEY,
	APP_SECRET,
	AUTH,
	FakeClock,
	MemoryTokens,
	REFRESH_TOKEN,
	T0,
	makeClient,
	ok,
	record,
	referenceSign,
	rejection,
	setupNock,
} from './helpers';

const PATH = '/order/202309/orders';
const NOW = T0 / 1000;
const WEEK = 7 * 24 * 3600;

function tokenReply(accessToken: string, expiresAt: number, refreshToken = 'ROW_rtok-rotated') {
	return ok({
		access_token: accessToken,
		access_token_expire_in: expiresAt,
		refresh_token: refreshToken,
		refresh_token_expire_in: NOW + 365 * 24 * 3600,
		open_id: 'open-1',
		seller_name: 'Acme US',
		seller_base_region: 'US',
		user_type: 0,
		granted_scopes: ['seller.order.info'],
	});
}

describe('access token refresh', () => {
	setupNock();

	it('refreshes on 105002 and retries once with the new token', async () => {
		const api = nock(API)
			.get(PATH)
			.query(true)
			.reply(200, { code: 105002, message: 'Access token is expired', request_id: 'r-exp' })
			.get(PATH)
			.query(true)
			.reply(200, ok({ orders: [] }));
		const auth = nock(AUTH)
			.get('/api/v2/token/refresh')
			.query(true)
			.reply(200, tokenReply('ROW_atok-new', NOW + WEEK));
		const apiSeen = record(api);
		const authSeen = record(auth);
		const { client, clock } = makeClient();

		await expect(client.get(PATH, { ids: ['1'] })).resolves.toEqual({
			data: { orders: [] },
			requestId: 'req-ok-1',
		});

		expect(authSeen).toHaveLength(1);
		expect(authSeen[0].method).toBe('GET');
		expect(authSeen[0].query).toEqual({
			app_key: APP_KEY,
			app_secret: APP_SECRET,
			refresh_token: REFRESH_TOKEN,
			grant_type: 'refresh_token',
		});
		expect(apiSeen.map((request) => request.headers['x-tts-access-token'])).toEqual([
			ACCESS_TOKEN,
			'ROW_atok-new',
		]);
		for (const request of apiSeen)
			expect(request.query.sign).toBe(referenceSign(APP_SECRET, request.path, request.query));
		// the retry only waits its turn in the 50/s pacing (20 ms); there is no backoff
		expect(clock.sleeps).toEqual([20]);
	});

	it('keeps the new tokens for the next client of the same credential, with the absolute expiry', async () => {
		nock(API)
			.get(PATH)
			.query(true)
			.reply(200, { code: 105002, message: 'Access token is expired', request_id: 'r-exp' })
			.get(PATH)
			.query(true)
			.reply(200, ok({}));
		nock(AUTH)
			.get('/api/v2/token/refresh')
			.query(true)
			.reply(200, tokenReply('ROW_atok-new', NOW + WEEK));
		const tokens = new MemoryTokens();
		const clock = new FakeClock();
		const first = makeClient({}, { tokens, clock }).client;

		await first.get(PATH, { ids: ['1'] });

		expect([...tokens.map.values()]).toEqual([
			{
				accessToken: 'ROW_atok-new',
				refreshToken: 'ROW_rtok-rotated',
				accessTokenExpiresAt: NOW + WEEK,
			},
		]);

		// six days later a new execution still uses the refreshed token and does not refresh again
		clock.time += 6 * 24 * 3600 * 1000;
		const second = makeClient({}, { tokens, clock }).client;
		const scope = nock(API).get(PATH).query(true).reply(200, ok({}));
		const seen = record(scope);
		await second.get(PATH, { ids: ['1'] });
		expect(seen[0].headers['x-tts-access-token']).toBe('ROW_atok-new');
	});

	it('refreshes before sending when the credential says the access token has expired', async () => {
		const auth = nock(AUTH)
			.get('/api/v2/token/refresh')
			.query(true)
			.reply(200, tokenReply('ROW_atok-new', NOW + WEEK));
		const api = nock(API).get(PATH).query(true).reply(200, ok({}));
		const authSeen = record(auth);
		const apiSeen = record(api);
		const { client } = makeClient({ accessTokenExpiresAt: NOW - 60 });

		await client.get(PATH, { ids: ['1'] });

		expect(authSeen).toHaveLength(1);
		expect(apiSeen.map((request) => request.headers['x-tts-access-token'])).toEqual([
			'ROW_atok-new',
		]);
	});

	it('refreshes within five minutes of the expiry, not earlier', async () => {
		const early = nock(API).get(PATH).query(true).reply(200, ok({}));
		const earlySeen = record(early);
		await makeClient({ accessTokenExpiresAt: NOW + 301 }).client.get(PATH, { ids: ['1'] });
		expect(earlySeen[0].headers['x-tts-access-token']).toBe(ACCESS_TOKEN);

		nock(AUTH)
			.get('/api/v2/token/refresh')
			.query(true)
			.reply(200, tokenReply('ROW_atok-new', NOW + WEEK));
		const late = nock(API).get(PATH).query(true).reply(200, ok({}));
		const lateSeen = record(late);
		await makeClient({ accessTokenExpiresAt: NOW + 300 }).client.get(PATH, { ids: ['1'] });
		expect(lateSeen[0].headers['x-tts-access-token']).toBe('ROW_atok-new');
	});

	it('treats *_expire_in as an absolute time: a refreshed token lasts until it, not for that many seconds', async () => {
		// A client that read access_token_expire_in as a duration would see NOW + WEEK seconds as
		// "1.7 billion seconds from now" and never refresh; one that read a duration as absolute would refresh every call.
		nock(AUTH)
			.get('/api/v2/token/refresh')
			.query(true)
			.reply(200, tokenReply('ROW_atok-2', NOW + WEEK))
			.get('/api/v2/token/refresh')
			.query(true)
			.reply(200, tokenReply('ROW_atok-3', NOW + 2 * WEEK));
		const api = nock(API).get(PATH).query(true).times(3).reply(200, ok({}));
		const seen = record(api);
		const { client, clock } = makeClient({ accessTokenExpiresAt: NOW - 1 });

		await client.get(PATH, { ids: ['1'] });
		clock.time += (WEEK - 600) * 1000;
		await client.get(PATH, { ids: ['1'] });
		clock.time += 301 * 1000;
		await client.get(PATH, { ids: ['1'] });

		expect(seen.map((request) => request.headers['x-tts-access-token'])).toEqual([
			'ROW_atok-2',
			'ROW_atok-2',
			'ROW_atok-3',
		]);
	});

	it('uses a rotated refresh token for the next refresh', async () => {
		const auth = nock(AUTH)
			.get('/api/v2/token/refresh')
			.query(true)
			.reply(200, tokenReply('ROW_atok-2', NOW + 600, 'ROW_rtok-second'))
			.get('/api/v2/token/refresh')
			.query(true)
			.reply(200, tokenReply('ROW_atok-3', NOW + WEEK));
		const authSeen = record(auth);
		nock(API).get(PATH).query(true).times(2).reply(200, ok({}));
		const { client, clock } = makeClient({ accessTokenExpiresAt: NOW - 1 });

		await client.get(PATH, { ids: ['1'] });
		clock.time += 600 * 1000;
		await client.get(PATH, { ids: ['1'] });

		expect(authSeen.map((request) => request.query.refresh_token)).toEqual([
			REFRESH_TOKEN,
			'ROW_rtok-second',
		]);
	});

	it('says to reconnect the shop when the refresh fails', async () => {
		nock(API)
			.get(PATH)
			.query(true)
			.reply(200, { code: 105002, message: 'Access token is expired', request_id: 'r-exp' });
		nock(AUTH)
			.get('/api/v2/token/refresh')
			.query(true)
			.reply(200, { code: 36004004, message: 'refresh_token is invalid', request_id: 'r-ref' });
		const { client } = makeClient();

		const error = (await rejection(client.get(PATH, { ids: ['1'] }))) as TikTokApiError;

		expect(error).toBeInstanceOf(TikTokApiError);
		expect(error.code).toBe(36004004);
		expect(error.requestId).toBe('r-ref');
		expect(error.hint).toMatch(/105002/);
		expect(error.hint).toMatch(/reconnect the shop/);
		expect(error.message).not.toContain(APP_SECRET);
		expect(error.message).not.toContain(REFRESH_TOKEN);
	});

	it('says to reconnect the shop when the refresh answers code 0 without a token', async () => {
		nock(AUTH).get('/api/v2/token/refresh').query(true).reply(200, ok({}));
		const { client } = makeClient({ accessTokenExpiresAt: NOW - 1 });

		const error = (await rejection(client.get(PATH, { ids: ['1'] }))) as TikTokApiError;

		expect(error.hint).toMatch(/reconnect the shop/);
	});

	it('retries only once: a second 105002 after refreshing is an error', async () => {
		nock(API)
			.get(PATH)
			.query(true)
			.times(2)
			.reply(200, { code: 105002, message: 'Access token is expired', request_id: 'r-exp' });
		const auth = nock(AUTH)
			.get('/api/v2/token/refresh')
			.query(true)
			.reply(200, tokenReply('ROW_atok-new', NOW + WEEK));
		const authSeen = record(auth);
		const { client } = makeClient();

		const error = (await rejection(client.get(PATH, { ids: ['1'] }))) as TikTokApiError;

		expect(authSeen).toHaveLength(1);
		expect(error.code).toBe(105002);
		expect(error.hint).toMatch(/reconnect the shop/);
	});

	it('keeps secrets out of the error when the token endpoint cannot be reached', async () => {
		// Transports often quote the URL they failed on, and the refresh URL carries the app secret.
		const failing: HttpTransport = async (request) => {
			if (request.url.startsWith(AUTH))
				throw new Error(`request to ${request.url} failed, reason: getaddrinfo ENOTFOUND`);
			return fetchTransport(request);
		};
		const { client } = makeClient({ accessTokenExpiresAt: NOW - 1 }, { http: failing });

		const error = (await rejection(client.get(PATH, { ids: ['1'] }))) as TikTokApiError;

		expect(error.message).toContain('token refresh did not reach TikTok');
		expect(error.message).not.toContain(APP_SECRET);
		expect(error.message).not.toContain(REFRESH_TOKEN);
	});

	it('keeps secrets out of the error when the token endpoint answers with an echo of the URL', async () => {
		// e.g. a wrong Auth Base URL pointing at a web server whose 404 page repeats the request line
		nock(AUTH)
			.get('/api/v2/token/refresh')
			.query(true)
			.reply(404, function (this: unknown, uri: unknown) {
				return `Cannot GET ${(uri as Request).url ?? uri}`;
			});
		const { client } = makeClient({ accessTokenExpiresAt: NOW - 1 });

		const error = (await rejection(client.get(PATH, { ids: ['1'] }))) as TikTokApiError;

		expect(error.message).toContain('HTTP 404');
		expect(error.message).not.toContain(APP_SECRET);
		expect(error.message).not.toContain(REFRESH_TOKEN);
	});
});

describe('concurrent expiry', () => {
	setupNock();

	it('requests that all meet 105002 at once share one refresh', async () => {
		nock(API)
			.get(PATH)
			.query(true)
			.times(3)
			.reply(200, { code: 105002, message: 'Access token is expired', request_id: 'r' });
		nock(API)
			.get(PATH)
			.query(true)
			.times(3)
			.reply(200, ok({ orders: [] }));
		const refresh = nock(AUTH)
			.get('/api/v2/token/refresh')
			.query(true)
			.reply(200, tokenReply('ROW_atok-shared', NOW + WEEK));
		const { client } = makeClient();
		await Promise.all([client.get(PATH), client.get(PATH), client.get(PATH)]);
		expect(refresh.isDone()).toBe(true);
		expect(nock.pendingMocks()).toEqual([]);
	});
});
