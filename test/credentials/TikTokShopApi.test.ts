import nock from 'nock';
import type {
	ICredentialDataDecryptedObject,
	IDataObject,
	IHttpRequestOptions,
} from 'n8n-workflow';

import { TikTokShopApi } from '../../credentials/TikTokShopApi.credentials';
import {
	ACCESS_TOKEN,
	API,
	APP_KEY,
	APP_SECRET,
	CIPHER,
	T0,
	ok,
	record,
	referenceSign,
} from '../transport/helpers';

const credential = new TikTokShopApi();
const secrets: ICredentialDataDecryptedObject = {
	appKey: APP_KEY,
	appSecret: APP_SECRET,
	accessToken: ACCESS_TOKEN,
	refreshToken: '',
	accessTokenExpiresAt: 0,
	shopCipher: CIPHER,
	shop: '',
	baseUrl: API,
	authBaseUrl: 'https://auth.tiktok-shops.com',
};

function authenticate(options: IHttpRequestOptions, creds = secrets): Promise<IHttpRequestOptions> {
	return (
		credential.authenticate as (
			c: ICredentialDataDecryptedObject,
			o: IHttpRequestOptions,
		) => Promise<IHttpRequestOptions>
	)(creds, options);
}

/** The query as the signature sees it: every value a string, arrays comma-joined. */
function flat(qs: IDataObject): Record<string, string> {
	return Object.fromEntries(
		Object.entries(qs).map(([key, value]) => [
			key,
			Array.isArray(value) ? value.join(',') : String(value),
		]),
	);
}

describe('TikTokShopApi credential: authenticate', () => {
	beforeEach(() => jest.spyOn(Date, 'now').mockReturnValue(T0));
	afterEach(() => jest.restoreAllMocks());

	it('signs the credential test request: app_key, timestamp, sign, token header, no shop_cipher', async () => {
		const result = await authenticate({
			baseURL: `${API}/`,
			url: '/authorization/202309/shops',
			method: 'GET',
		});

		expect(result.url).toBe(`${API}/authorization/202309/shops`);
		expect(result.baseURL).toBeUndefined();
		const qs = result.qs as IDataObject;
		expect(qs).toEqual({
			app_key: APP_KEY,
			timestamp: T0 / 1000,
			sign: expect.stringMatching(/^[0-9a-f]{64}$/),
		});
		expect(qs.sign).toBe(
			referenceSign(APP_SECRET, '/authorization/202309/shops', {
				app_key: APP_KEY,
				timestamp: String(T0 / 1000),
			}),
		);
		expect(result.headers).toMatchObject({
			'x-tts-access-token': ACCESS_TOKEN,
			'content-type': 'application/json',
		});
		expect(JSON.stringify(result)).not.toContain(APP_SECRET);
	});

	it('stringifies a JSON body once, signs that string and adds shop_cipher on shop paths', async () => {
		const body = { order_status: 'AWAITING_SHIPMENT', note: 'café ✓' };
		const result = await authenticate({
			url: `${API}/order/202309/orders/search`,
			method: 'POST',
			body,
			qs: { page_size: 20 },
		});

		expect(result.body).toBe(JSON.stringify(body));
		const qs = result.qs as IDataObject;
		expect(qs.shop_cipher).toBe(CIPHER);
		expect(qs.page_size).toBe(20);
		expect(qs.sign).toBe(
			referenceSign(APP_SECRET, '/order/202309/orders/search', flat(qs), result.body as string),
		);
	});

	it('signs a body that is already a string as it is', async () => {
		const body = '{"order_status": "AWAITING_SHIPMENT"}';
		const result = await authenticate({
			url: `${API}/order/202309/orders/search`,
			method: 'POST',
			body,
		});

		expect(result.body).toBe(body);
		expect((result.qs as IDataObject).sign).toBe(
			referenceSign(
				APP_SECRET,
				'/order/202309/orders/search',
				flat(result.qs as IDataObject),
				body,
			),
		);
	});

	it.each([
		['GET', '/seller/202309/shops'],
		['POST', '/product/202309/brands'],
		['POST', '/product/202309/images/upload'],
		['GET', '/product/202309/global_products/1729592969712207008'],
	])('leaves shop_cipher out of %s %s', async (method, path) => {
		const result = await authenticate({ url: `${API}${path}`, method: method as 'GET' | 'POST' });
		expect(result.qs).not.toHaveProperty('shop_cipher');
	});

	it('adds no shop_cipher when the credential has none', async () => {
		const result = await authenticate(
			{ url: `${API}/order/202309/orders`, method: 'GET' },
			{ ...secrets, shopCipher: '  ' },
		);
		expect(result.qs).not.toHaveProperty('shop_cipher');
	});

	it('signs query parameters given in the URL and in qs, and sends arrays comma-joined as signed', async () => {
		const result = await authenticate({
			url: `${API}/order/202309/orders?sort_field=create_time`,
			method: 'GET',
			qs: { ids: ['576684019603311365', '576684019603311366'] },
		});

		expect(result.url).toBe(`${API}/order/202309/orders`);
		const qs = result.qs as IDataObject;
		expect(qs.sort_field).toBe('create_time');
		// n8n would serialise an array as ids[0]=…&ids[1]=…, which TikTok would not match against the signature
		expect(qs.ids).toBe('576684019603311365,576684019603311366');
		expect(qs.sign).toBe(referenceSign(APP_SECRET, '/order/202309/orders', flat(qs)));
	});

	it('replaces a stale sign, timestamp and app_key given by the caller', async () => {
		const result = await authenticate({
			url: `${API}/order/202309/orders`,
			method: 'GET',
			qs: { sign: 'stale', timestamp: 1, app_key: 'other' },
		});
		const qs = result.qs as IDataObject;
		expect(qs.app_key).toBe(APP_KEY);
		expect(qs.timestamp).toBe(T0 / 1000);
		expect(qs.sign).toBe(referenceSign(APP_SECRET, '/order/202309/orders', flat(qs)));
	});

	describe('over the wire', () => {
		beforeAll(() => nock.disableNetConnect());
		afterEach(() => nock.cleanAll());
		afterAll(() => nock.enableNetConnect());

		it('what n8n sends with the authenticated options verifies on the server', async () => {
			const scope = nock(API)
				.post('/order/202309/orders/search')
				.query(true)
				.reply(200, ok({ orders: [] }));
			const seen = record(scope);
			const result = await authenticate({
				url: `${API}/order/202309/orders/search`,
				method: 'POST',
				body: { order_status: 'AWAITING_SHIPMENT', buyer_user_id: '7494726673780148744' },
				qs: { page_size: 10 },
			});

			const search = new URLSearchParams(flat(result.qs as IDataObject));
			await fetch(`${result.url}?${search}`, {
				method: result.method,
				headers: result.headers as Record<string, string>,
				body: result.body as string,
			});

			const [request] = seen;
			expect(request.headers['x-tts-access-token']).toBe(ACCESS_TOKEN);
			expect(request.query.sign).toBe(
				referenceSign(APP_SECRET, request.path, request.query, request.body),
			);
		});
	});
});

describe('TikTokShopApi credential: description', () => {
	it('is tested by a function that names the shops and the expiry (not a fixed request)', () => {
		expect(credential.name).toBe('tikTokShopApi');
		expect((credential as { test?: unknown }).test).toBeUndefined();
	});

	it('declares the hidden expirable field n8n watches to run preAuthentication', () => {
		const expirable = credential.properties.filter(
			(property) => property.type === 'hidden' && property.typeOptions?.expirable === true,
		);
		expect(expirable.map((property) => property.name)).toEqual(['connection']);
		expect(typeof credential.preAuthentication).toBe('function');
	});

	it('hides the secret and the tokens', () => {
		const byName = Object.fromEntries(
			credential.properties.map((property) => [property.name, property]),
		);
		for (const name of ['appSecret', 'authCode', 'accessToken', 'refreshToken', 'connection'])
			expect(byName[name].typeOptions?.password).toBe(true);
		for (const name of ['appKey', 'appSecret']) expect(byName[name].required).toBe(true);
		// A code or tokens: neither is required on its own.
		for (const name of ['authCode', 'accessToken']) expect(byName[name].required).toBeFalsy();
		expect(byName.baseUrl.default).toBe('https://open-api.tiktokglobalshop.com');
		expect(byName.authBaseUrl.default).toBe('https://auth.tiktok-shops.com');
	});
});
