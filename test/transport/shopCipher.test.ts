import nock from 'nock';

import { CredentialFieldError } from '../../nodes/shared/tiktok/errors';
import { apiOfPath, pathTakesShopCipher } from '../../nodes/shared/tiktok/shopCipher';
import {
	API,
	APP_SECRET,
	CIPHER,
	makeClient,
	ok,
	record,
	referenceSign,
	rejection,
	setupNock,
} from './helpers';

describe('pathTakesShopCipher', () => {
	it.each([
		['GET', '/order/202309/orders'],
		['POST', '/order/202309/orders/search'],
		['POST', '/fulfillment/202309/packages/1152921504606846976/ship'],
		['GET', '/product/202309/products/1729592969712207008'],
		['POST', '/product/202309/products/search'],
		['POST', '/product/202309/products/1729592969712207008/inventory/update'],
		['GET', '/finance/202309/statements'],
		['GET', '/finance/202501/transactions'],
		['GET', '/return_refund/202309/returns/search'],
		['PUT', '/event/202309/webhooks'],
		['GET', '/product/202309/brands'],
	])('adds shop_cipher to %s %s', (method, path) => {
		expect(pathTakesShopCipher(method, path)).toBe(true);
	});

	it.each([
		['GET', '/authorization/202309/shops'],
		['DELETE', '/authorization/202403/shops'],
		['GET', '/seller/202309/shops'],
		['GET', '/seller/202309/permissions'],
		['POST', '/product/202309/images/upload'],
		['POST', '/product/202309/files/upload'],
		['POST', '/product/202309/global_products'],
		['GET', '/product/202309/global_products/1729592969712207008'],
		['POST', '/product/202309/compliance/manufacturers'],
		['POST', '/product/202309/brands'],
		['post', '/product/202309/brands'],
	])('leaves shop_cipher out of %s %s', (method, path) => {
		expect(pathTakesShopCipher(method, path)).toBe(false);
	});
});

describe('apiOfPath', () => {
	it('maps ids in paths to one API and keeps category and version', () => {
		expect(apiOfPath('/product/202309/products/1729592969712207008/inventory/update')).toBe(
			'/product/202309/products/{id}/inventory/update',
		);
		expect(apiOfPath('/product/202309/products/1729592969712207009/inventory/update')).toBe(
			apiOfPath('/product/202309/products/1729592969712207008/inventory/update'),
		);
		expect(apiOfPath('/fulfillment/202309/packages/TT1152921504606846976/ship')).toBe(
			'/fulfillment/202309/packages/{id}/ship',
		);
		expect(apiOfPath('/order/202309/orders')).toBe('/order/202309/orders');
		expect(apiOfPath('/order/202309/orders/search')).toBe('/order/202309/orders/search');
		expect(apiOfPath('/order/202507/orders')).toBe('/order/202507/orders');
		expect(apiOfPath('/order/202309/orders')).not.toBe(apiOfPath('/order/202309/orders/search'));
	});
});

describe('the client and shop_cipher', () => {
	setupNock();

	it('sends the credential cipher on shop paths and never on authorization or seller paths', async () => {
		const scope = nock(API)
			.get('/order/202309/orders')
			.query(true)
			.reply(200, ok({}))
			.get('/seller/202309/shops')
			.query(true)
			.reply(200, ok({}))
			.post('/product/202309/images/upload')
			.query(true)
			.reply(200, ok({}))
			.post('/product/202309/brands')
			.query(true)
			.reply(200, ok({}));
		const seen = record(scope);
		const { client } = makeClient();

		await client.get('/order/202309/orders', { ids: ['1'] });
		await client.get('/seller/202309/shops');
		await client.request({
			method: 'POST',
			path: '/product/202309/images/upload',
			multipart: {
				file: {
					fieldName: 'data',
					fileName: 'a.png',
					contentType: 'image/png',
					data: Buffer.from([1, 2, 3]),
				},
			},
		});
		await client.post('/product/202309/brands', { brand_name: 'Acme' });

		expect(seen.map((request) => [request.path, request.query.shop_cipher])).toEqual([
			['/order/202309/orders', CIPHER],
			['/seller/202309/shops', undefined],
			['/product/202309/images/upload', undefined],
			['/product/202309/brands', undefined],
		]);
	});

	const shops = [
		{
			id: '7494726673780148744',
			name: 'Acme US',
			region: 'US',
			seller_type: 'LOCAL',
			cipher: 'ROW_acme',
			code: 'USLCACME',
		},
		{
			id: '7494726673780148745',
			name: 'Beta Goods',
			region: 'US',
			seller_type: 'LOCAL',
			cipher: 'ROW_beta',
			code: 'USLCBETA',
		},
	];

	it('discovers the cipher once through Get Authorized Shops when the credential has none', async () => {
		const scope = nock(API)
			.get('/authorization/202309/shops')
			.query(true)
			.reply(200, ok({ shops: [shops[0]] }))
			.get('/order/202309/orders')
			.query(true)
			.times(2)
			.reply(200, ok({}));
		const seen = record(scope);
		const { client } = makeClient({ shopCipher: '' });

		await client.get('/order/202309/orders', { ids: ['1'] });
		await client.get('/order/202309/orders', { ids: ['2'] });

		expect(seen.map((request) => request.path)).toEqual([
			'/authorization/202309/shops',
			'/order/202309/orders',
			'/order/202309/orders',
		]);
		expect(seen[0].query).not.toHaveProperty('shop_cipher');
		expect(seen[0].query.sign).toBe(referenceSign(APP_SECRET, seen[0].path, seen[0].query));
		expect(seen[1].query.shop_cipher).toBe('ROW_acme');
		expect(seen[2].query.shop_cipher).toBe('ROW_acme');
	});

	it.each([
		['id', '7494726673780148745'],
		['name, any case', 'beta goods'],
	])('picks the shop named in the credential by %s', async (_how, shop) => {
		const scope = nock(API)
			.get('/authorization/202309/shops')
			.query(true)
			.reply(200, ok({ shops }))
			.get('/order/202309/orders')
			.query(true)
			.reply(200, ok({}));
		const seen = record(scope);
		const { client } = makeClient({ shopCipher: '', shop });

		await client.get('/order/202309/orders', { ids: ['1'] });

		expect(seen[1].query.shop_cipher).toBe('ROW_beta');
	});

	it('asks for the "shop" field when the token covers several shops and none is chosen', async () => {
		nock(API).get('/authorization/202309/shops').query(true).reply(200, ok({ shops }));
		const { client } = makeClient({ shopCipher: '', shop: '' });

		const error = await rejection(client.get('/order/202309/orders', { ids: ['1'] }));

		expect(error).toBeInstanceOf(CredentialFieldError);
		expect((error as CredentialFieldError).field).toBe('shop');
		expect(error.message).toContain('"shop"');
		expect(error.message).toContain('Acme US (id 7494726673780148744)');
		expect(error.message).toContain('Beta Goods (id 7494726673780148745)');
	});

	it('names the "shop" field when the chosen shop is not covered by the token', async () => {
		nock(API).get('/authorization/202309/shops').query(true).reply(200, ok({ shops }));
		const { client } = makeClient({ shopCipher: '', shop: 'Gamma' });

		const error = await rejection(client.get('/order/202309/orders', { ids: ['1'] }));

		expect(error).toBeInstanceOf(CredentialFieldError);
		expect((error as CredentialFieldError).field).toBe('shop');
		expect(error.message).toContain('"Gamma"');
	});

	it('says the token covers no shop, and tries discovery again on the next call', async () => {
		nock(API)
			.get('/authorization/202309/shops')
			.query(true)
			.reply(200, ok({ shops: [] }))
			.get('/authorization/202309/shops')
			.query(true)
			.reply(200, ok({ shops: [shops[0]] }))
			.get('/order/202309/orders')
			.query(true)
			.reply(200, ok({ orders: [] }));
		const { client } = makeClient({ shopCipher: '' });

		const error = await rejection(client.get('/order/202309/orders', { ids: ['1'] }));
		expect((error as CredentialFieldError).field).toBe('accessToken');

		await expect(client.get('/order/202309/orders', { ids: ['1'] })).resolves.toEqual({
			data: { orders: [] },
			requestId: 'req-ok-1',
		});
	});

	it('does not look up a cipher for paths that take none', async () => {
		const scope = nock(API)
			.get('/seller/202309/shops')
			.query(true)
			.reply(200, ok({ shops: [] }));
		const seen = record(scope);
		const { client } = makeClient({ shopCipher: '' });

		await client.get('/seller/202309/shops');

		expect(seen.map((request) => request.path)).toEqual(['/seller/202309/shops']);
	});
});
