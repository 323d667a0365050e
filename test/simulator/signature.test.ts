import { createHmac } from 'node:crypto';

import {
	requestSignatureIsValid,
	textTikTokSigns,
	tiktokRequestSignature,
	tiktokWebhookSignature,
} from '../../dev/simulator/signature';

/**
 * The simulator's own signature check, written from TikTok's documentation rather than taken from the pack, pinned to
 * the documented test vectors (reference §1 and §3) so that it is an independent judge of the pack's signer.
 */

/** DOC sign-request: GET /authorization/202309/shops, app_key 29a39d, timestamp 1623812664, no body. */
const DOC_VECTOR = {
	secret: 'e59af819cc',
	path: '/authorization/202309/shops',
	query: { app_key: '29a39d', timestamp: '1623812664' },
	sign: 'b596b73e0cc6de07ac26f036364178ab16b0a907af13d43f0a0cd2345f582dc8',
};

const noBody = Buffer.alloc(0);

describe("the simulator's request signature check (TikTok's documented algorithm)", () => {
	it("reproduces TikTok's documented test vector", () => {
		expect(
			tiktokRequestSignature(DOC_VECTOR.secret, DOC_VECTOR.path, DOC_VECTOR.query, undefined),
		).toBe(DOC_VECTOR.sign);
	});

	it("reproduces the ECOMPHP client's test vector (path /test-api, foo=bar)", () => {
		expect(tiktokRequestSignature('app_secret', '/test-api', { foo: 'bar' }, undefined)).toBe(
			'd3cb7fe11ecae942802ceeca67e7cf10120cc12f1517d45fbc1c8cfe5413c80f',
		);
	});

	it('accepts the documented request as it arrives, with its sign and an access token in the query', () => {
		const query = {
			...DOC_VECTOR.query,
			sign: DOC_VECTOR.sign,
			access_token: 'ignored-by-the-signature',
		};
		expect(
			requestSignatureIsValid(
				DOC_VECTOR.secret,
				DOC_VECTOR.path,
				query,
				noBody,
				'application/json',
			),
		).toBe(true);
		expect(
			requestSignatureIsValid(
				DOC_VECTOR.secret,
				DOC_VECTOR.path,
				{ ...query, sign: DOC_VECTOR.sign.toUpperCase() },
				noBody,
				'application/json',
			),
		).toBe(true);
	});

	it('refuses the documented request once tampered with', () => {
		const signed = { ...DOC_VECTOR.query, sign: DOC_VECTOR.sign };
		const verifies = (
			path: string,
			query: Record<string, string>,
			body = noBody,
			secret = DOC_VECTOR.secret,
		) => requestSignatureIsValid(secret, path, query, body, 'application/json');
		expect(verifies(DOC_VECTOR.path, { ...signed, timestamp: '1623812665' })).toBe(false);
		expect(verifies(DOC_VECTOR.path, { ...signed, app_key: '29a39e' })).toBe(false);
		expect(verifies(DOC_VECTOR.path, { ...signed, shop_cipher: 'ROW_added' })).toBe(false);
		expect(verifies('/authorization/202309/shop', signed)).toBe(false);
		expect(verifies(DOC_VECTOR.path, signed, Buffer.from('{"page_size":10}'))).toBe(false);
		expect(verifies(DOC_VECTOR.path, signed, noBody, 'e59af819cd')).toBe(false);
		expect(verifies(DOC_VECTOR.path, { ...signed, sign: `${DOC_VECTOR.sign.slice(0, -1)}9` })).toBe(
			false,
		);
		expect(verifies(DOC_VECTOR.path, { ...signed, sign: DOC_VECTOR.sign.slice(0, 32) })).toBe(
			false,
		);
		expect(verifies(DOC_VECTOR.path, DOC_VECTOR.query)).toBe(false);
	});

	it('signs the path, the sorted raw query pairs and the body as sent; not a multipart body, not an empty object', () => {
		const query = {
			timestamp: '1700000000',
			app_key: 'k',
			ids: '576684019603311365,576684019603311366',
			sign: 'x',
			shop_cipher: 'ROW_a b',
		};
		expect(textTikTokSigns('/order/202309/orders', query, '{"a":1}')).toBe(
			'/order/202309/ordersapp_keykids576684019603311365,576684019603311366shop_cipherROW_a btimestamp1700000000{"a":1}',
		);
		expect(textTikTokSigns('/p', { app_key: 'k' }, '{}')).toBe('/papp_keyk');
		const multipart = Buffer.from(
			'--b\r\nContent-Disposition: form-data; name="data"\r\n\r\nx\r\n--b--\r\n',
		);
		const sign = tiktokRequestSignature(
			's',
			'/product/202309/images/upload',
			{ app_key: 'k' },
			undefined,
		);
		expect(
			requestSignatureIsValid(
				's',
				'/product/202309/images/upload',
				{ app_key: 'k', sign },
				multipart,
				'multipart/form-data; boundary=b',
			),
		).toBe(true);
	});

	it('is HMAC-SHA256 keyed with the secret over secret + text + secret, in lowercase hex', () => {
		const text = textTikTokSigns(DOC_VECTOR.path, DOC_VECTOR.query, undefined);
		expect(text).toBe('/authorization/202309/shopsapp_key29a39dtimestamp1623812664');
		expect(
			createHmac('sha256', DOC_VECTOR.secret)
				.update(`${DOC_VECTOR.secret}${text}${DOC_VECTOR.secret}`)
				.digest('hex'),
		).toBe(DOC_VECTOR.sign);
	});
});

describe("the simulator's webhook signature (reference §3)", () => {
	it('gives the reference vector for app_key + raw body', () => {
		const body =
			'{"type":1,"shop_id":"7494726673780148744","timestamp":1664095733,"data":{"order_id":"576684019603311365","order_status":"AWAITING_SHIPMENT","update_time":1664095610}}';
		expect(tiktokWebhookSignature('fake_app_key', 'fake_app_secret', body)).toBe(
			'21109834de72ec53c9959716d8514ae388ce1f123e5ffdcafc46713fcdf62b27',
		);
		expect(tiktokWebhookSignature('fake_app_key', 'fake_app_secret', Buffer.from(body))).toBe(
			'21109834de72ec53c9959716d8514ae388ce1f123e5ffdcafc46713fcdf62b27',
		);
	});
});
