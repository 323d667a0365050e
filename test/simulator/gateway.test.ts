import { TikTokApiError } from '../../nodes/shared/tiktok/errors';
import { clientFor, rawCall } from '../../dev/harness/simulatorClient';
import { startSimulator, type RunningSimulator } from '../../dev/simulator/index';

let sim: RunningSimulator;

beforeAll(async () => {
	sim = await startSimulator({ orders: 40 });
});
afterAll(() => sim.close());
beforeEach(() => sim.reset());

const now = () => Math.floor(Date.now() / 1000);
const search = {
	method: 'POST' as const,
	path: '/order/202309/orders/search',
	query: { page_size: '5' },
	body: '{"order_status":"AWAITING_SHIPMENT"}',
};

describe('request validation (reference §1, §9)', () => {
	it('answers a correct request with the envelope, a request_id and string ids', async () => {
		const answer = await rawCall(sim, search);
		expect(answer.status).toBe(200);
		expect(answer.envelope).toMatchObject({ code: 0, message: 'Success' });
		expect(answer.envelope.request_id).toMatch(/^\d{14}[0-9A-F]{20}$/);
		expect(answer.text).toMatch(/"id":"\d{18,19}"/);
	});

	it('rejects a wrong signature with 106001 and HTTP 401', async () => {
		const answer = await rawCall(sim, { ...search, appSecret: 'not-the-secret' });
		expect(answer).toMatchObject({ status: 401, envelope: { code: 106001 } });
	});

	it('rejects a body changed after signing (signature covers the raw bytes)', async () => {
		const answer = await rawCall(sim, { ...search, signedBody: '{"order_status":"UNPAID"}' });
		expect(answer.envelope.code).toBe(106001);
		const reformatted = await rawCall(sim, {
			...search,
			body: '{ "order_status": "AWAITING_SHIPMENT" }',
			signedBody: search.body,
		});
		expect(reformatted.envelope.code).toBe(106001);
	});

	it.each([
		['more than 5 minutes old', now() - 301],
		['more than 30 seconds ahead', now() + 60],
	])('rejects a timestamp %s with 36009004', async (_label, timestamp) => {
		const answer = await rawCall(sim, { ...search, timestamp: String(timestamp) });
		expect(answer).toMatchObject({ status: 401, envelope: { code: 36009004 } });
	});

	it('accepts timestamps inside the window', async () => {
		expect((await rawCall(sim, { ...search, timestamp: String(now() - 240) })).envelope.code).toBe(
			0,
		);
		expect((await rawCall(sim, { ...search, timestamp: String(now() + 10) })).envelope.code).toBe(
			0,
		);
	});

	it.each([
		['no app_key', { omit: ['app_key' as const] }],
		['no timestamp', { omit: ['timestamp' as const] }],
		['a millisecond timestamp', { timestamp: String(Date.now()) }],
		['no sign', { omit: ['sign' as const] }],
		['no x-tts-access-token header', { omit: ['token' as const] }],
		['an unknown access token', { accessToken: 'TTP_not-issued' }],
	])('rejects %s with 36009004', async (_label, change) => {
		expect((await rawCall(sim, { ...search, ...change })).envelope.code).toBe(36009004);
	});

	it('rejects an unknown app_key with 36009004', async () => {
		const answer = await rawCall(sim, {
			...search,
			query: { ...search.query, app_key: '6unknownapp01' },
			omit: ['app_key'],
		});
		expect(answer.envelope.code).toBe(36009004);
	});

	it('requires shop_cipher on shop APIs (106013) and refuses it elsewhere (36009004)', async () => {
		expect((await rawCall(sim, { ...search, omit: ['shop_cipher'] })).envelope.code).toBe(106013);
		const unexpected = await rawCall(sim, {
			path: '/authorization/202309/shops',
			shopCipher: sim.shop.cipher,
		});
		expect(unexpected.envelope).toMatchObject({ code: 36009004 });
		expect(unexpected.envelope.message).toMatch(/Unexpected identifier/);
		expect(
			(await rawCall(sim, { ...search, shopCipher: 'TTP_someone-elses-shop' })).envelope.code,
		).toBe(101000);
	});

	it('checks content types, paths, methods and versions', async () => {
		expect((await rawCall(sim, { ...search, contentType: 'text/plain' })).envelope.code).toBe(
			36009022,
		);
		expect((await rawCall(sim, { ...search, omit: ['content-type'] })).envelope.code).toBe(
			36009022,
		);
		expect((await rawCall(sim, { path: '/order/202309/nothing-here' })).envelope.code).toBe(
			36009009,
		);
		expect((await rawCall(sim, { ...search, method: 'GET', body: undefined })).envelope.code).toBe(
			36009010,
		);
		expect(
			(await rawCall(sim, { ...search, path: '/order/202212/orders/search' })).envelope.code,
		).toBe(36009014);
		expect(
			(
				await rawCall(sim, {
					path: '/finance/202309/statements/7312000000000000001/statement_transactions',
				})
			).envelope.code,
		).toBe(36009014);
	});

	it('records every request with its status and code', async () => {
		await rawCall(sim, search);
		await rawCall(sim, { ...search, appSecret: 'wrong' });
		expect(sim.requests.map((r) => [r.path, r.status, r.code])).toEqual([
			['/order/202309/orders/search', 200, 0],
			['/order/202309/orders/search', 401, 106001],
		]);
		expect(sim.requests[0].body).toEqual({ order_status: 'AWAITING_SHIPMENT' });
	});
});

describe('tokens (reference §2)', () => {
	it('answers 105002 after expiry; the client refreshes, gets a rotated refresh token and retries', async () => {
		const client = clientFor(sim);
		sim.expireAccessToken();
		expect((await rawCall(sim, search)).envelope.code).toBe(105002);
		const { data } = await client.post<{ orders: unknown[] }>(
			'/order/202309/orders/search',
			{},
			{ page_size: 1 },
		);
		expect(data.orders).toHaveLength(1);
		const refreshes = sim.requests.filter((r) => r.path === '/api/v2/token/refresh');
		expect(refreshes).toHaveLength(1);
		expect(refreshes[0].code).toBe(0);
		// The seeded refresh token was rotated away: using it again fails.
		const again = await fetch(
			`${sim.url}/api/v2/token/refresh?${new URLSearchParams({ app_key: sim.app.appKey, app_secret: sim.app.appSecret, refresh_token: sim.tokens.refreshToken, grant_type: 'refresh_token' })}`,
		);
		expect(((await again.json()) as { code: number }).code).not.toBe(0);
	});

	it('exchanges the auth code once, with absolute *_expire_in times', async () => {
		const url = `${sim.url}/api/v2/token/get?${new URLSearchParams({ app_key: sim.app.appKey, app_secret: sim.app.appSecret, auth_code: sim.authCode, grant_type: 'authorized_code' })}`;
		const first = (await (await fetch(url)).json()) as {
			code: number;
			data: {
				access_token: string;
				access_token_expire_in: number;
				refresh_token_expire_in: number;
			};
		};
		expect(first.code).toBe(0);
		expect(first.data.access_token_expire_in).toBeGreaterThan(now() + 6 * 86400);
		expect(first.data.access_token_expire_in).toBeLessThanOrEqual(now() + 7 * 86400);
		expect(first.data.refresh_token_expire_in).toBeGreaterThan(first.data.access_token_expire_in);
		expect(
			(await rawCall(sim, { ...search, accessToken: first.data.access_token })).envelope.code,
		).toBe(0);
		const second = (await (await fetch(url)).json()) as { code: number };
		expect(second.code).not.toBe(0);
	});

	it('surfaces a failed refresh as a TikTokApiError telling the user to reconnect', async () => {
		const own = await startSimulator({ orders: 5 });
		try {
			await clientFor(own).refreshAccessToken({
				accessToken: own.tokens.accessToken,
				refreshToken: own.tokens.refreshToken,
			});
			own.expireAccessToken();
			// A second client still holding the seeded (now rotated) refresh token cannot recover.
			const stale = clientFor(own);
			const failure = await stale
				.post('/order/202309/orders/search', {}, { page_size: 1 })
				.catch((error: unknown) => error);
			expect(failure).toBeInstanceOf(TikTokApiError);
			expect((failure as TikTokApiError).hint).toMatch(/reconnect the shop/);
		} finally {
			await own.close();
		}
	});
});
