import nock from 'nock';

import { signRequest, stringToSign } from '../../nodes/shared/tiktok/sign';
import {
	ACCESS_TOKEN,
	API,
	APP_KEY,
	APP_SECRET,
	CIPHER,
	T0,
	makeClient,
	ok,
	record,
	referenceSign,
	setupNock,
} from './helpers';

describe('signRequest: published vectors', () => {
	it('matches the Partner Center sign-request example', () => {
		expect(
			signRequest('e59af819cc', '/authorization/202309/shops', {
				app_key: '29a39d',
				timestamp: '1623812664',
			}),
		).toBe('b596b73e0cc6de07ac26f036364178ab16b0a907af13d43f0a0cd2345f582dc8');
	});

	it('takes a numeric timestamp the same as its string', () => {
		expect(
			signRequest('e59af819cc', '/authorization/202309/shops', {
				app_key: '29a39d',
				timestamp: 1623812664,
			}),
		).toBe('b596b73e0cc6de07ac26f036364178ab16b0a907af13d43f0a0cd2345f582dc8');
	});

	it('matches the EcomPHP client test vector', () => {
		expect(signRequest('app_secret', '/test-api', { foo: 'bar' })).toBe(
			'd3cb7fe11ecae942802ceeca67e7cf10120cc12f1517d45fbc1c8cfe5413c80f',
		);
	});
});

describe('signRequest: the recipe', () => {
	const path = '/order/202309/orders/search';
	const query = { app_key: APP_KEY, timestamp: '1700000000', shop_cipher: CIPHER, page_size: '20' };

	it('appends a JSON body after the sorted parameters', () => {
		const body = JSON.stringify({
			order_status: 'AWAITING_SHIPMENT',
			create_time_ge: 1699990000,
			note: 'café ✓',
		});
		const expected = referenceSign(APP_SECRET, path, query, body);
		expect(signRequest(APP_SECRET, path, query, body)).toBe(expected);
		// and the body really is part of it
		expect(signRequest(APP_SECRET, path, query, body)).not.toBe(
			signRequest(APP_SECRET, path, query),
		);
		expect(stringToSign(path, query, body)).toBe(
			`${path}app_key${APP_KEY}page_size20shop_cipher${CIPHER}timestamp1700000000${body}`,
		);
	});

	it('sorts keys and uses raw, unencoded values', () => {
		expect(stringToSign('/p', { b: 'x y', a: 'a&b=c', c: '中' })).toBe('/paa&b=cbx yc中');
	});

	it('leaves out sign, access_token and x-tts-access-token', () => {
		const withExtras = {
			...query,
			sign: 'deadbeef',
			access_token: 'tok',
			'x-tts-access-token': 'tok',
		};
		expect(stringToSign(path, withExtras)).toBe(stringToSign(path, query));
		expect(signRequest(APP_SECRET, path, withExtras)).toBe(referenceSign(APP_SECRET, path, query));
	});

	it('leaves out undefined values', () => {
		expect(stringToSign(path, { ...query, page_token: undefined })).toBe(stringToSign(path, query));
	});

	it('comma-joins array values', () => {
		const ids = ['576684019603311365', '576684019603311366'];
		expect(stringToSign('/order/202309/orders', { ids })).toBe(
			'/order/202309/ordersids576684019603311365,576684019603311366',
		);
		expect(signRequest(APP_SECRET, '/order/202309/orders', { ids })).toBe(
			referenceSign(APP_SECRET, '/order/202309/orders', { ids: ids.join(',') }),
		);
	});

	it('skips an empty body and "{}" (as the official SDK does)', () => {
		expect(stringToSign(path, query, '')).toBe(stringToSign(path, query));
		expect(stringToSign(path, query, '{}')).toBe(stringToSign(path, query));
	});

	it('is HMAC-SHA256 keyed with the secret, not a plain hash', () => {
		expect(signRequest('other-secret', path, query)).not.toBe(signRequest(APP_SECRET, path, query));
		expect(signRequest(APP_SECRET, path, query)).toMatch(/^[0-9a-f]{64}$/);
	});
});

describe('the client signs what it sends', () => {
	setupNock();

	it('signs the exact body bytes it sends, and the query TikTok receives', async () => {
		const scope = nock(API)
			.post('/order/202309/orders/search')
			.query(true)
			.reply(200, ok({ orders: [] }));
		const seen = record(scope);
		const { client } = makeClient();
		const body = {
			order_status: 'AWAITING_SHIPMENT',
			buyer_message: 'Leave at door — thanks! "quoted" ✓',
			page: [1, 2],
		};

		await client.post('/order/202309/orders/search', body, {
			page_size: 50,
			sort_field: 'create_time',
		});

		expect(seen).toHaveLength(1);
		const [request] = seen;
		expect(request.body).toBe(JSON.stringify(body));
		expect(request.query).toMatchObject({
			app_key: APP_KEY,
			timestamp: String(T0 / 1000),
			shop_cipher: CIPHER,
			page_size: '50',
			sort_field: 'create_time',
		});
		expect(request.query.sign).toBe(
			referenceSign(APP_SECRET, request.path, request.query, request.body),
		);
		expect(request.headers['x-tts-access-token']).toBe(ACCESS_TOKEN);
		expect(request.headers['content-type']).toBe('application/json');
		expect(request.query).not.toHaveProperty('access_token');
	});

	it('signs a GET without a body and sends array parameters comma-joined', async () => {
		const scope = nock(API)
			.get('/order/202309/orders')
			.query(true)
			.reply(200, ok({ orders: [] }));
		const seen = record(scope);
		const { client } = makeClient();

		await client.get('/order/202309/orders', { ids: ['576684019603311365', '576684019603311366'] });

		const [request] = seen;
		expect(request.body).toBe('');
		expect(request.query.ids).toBe('576684019603311365,576684019603311366');
		expect(request.query.sign).toBe(referenceSign(APP_SECRET, request.path, request.query));
	});

	it('encodes reserved characters in the URL but signs the raw value', async () => {
		const scope = nock(API).get('/product/202309/products/search').query(true).reply(200, ok({}));
		const seen = record(scope);
		const { client } = makeClient();

		await client.get('/product/202309/products/search', { page_token: 'b2Zm+c2V0/PTE=&x' });

		const [request] = seen;
		expect(request.url).toContain('page_token=b2Zm%2Bc2V0%2FPTE%3D%26x');
		expect(request.query.page_token).toBe('b2Zm+c2V0/PTE=&x');
		expect(request.query.sign).toBe(referenceSign(APP_SECRET, request.path, request.query));
	});

	it('takes the timestamp from the injected clock, in seconds, fresh for every attempt', async () => {
		const scope = nock(API)
			.get('/order/202309/orders')
			.query(true)
			.reply(503, 'busy')
			.get('/order/202309/orders')
			.query(true)
			.reply(200, ok({}));
		const seen = record(scope);
		const { client, clock } = makeClient(
			{},
			{ backoffBaseMs: 2000, backoffMaxMs: 2000, random: () => 1 },
		);

		await client.get('/order/202309/orders', { ids: ['1'] });

		expect(clock.sleeps).toEqual([2000]);
		expect(seen.map((request) => request.query.timestamp)).toEqual([
			String(T0 / 1000),
			String(T0 / 1000 + 2),
		]);
		for (const request of seen)
			expect(request.query.sign).toBe(referenceSign(APP_SECRET, request.path, request.query));
	});
});
