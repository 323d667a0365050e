import nock from 'nock';

import {
	ERROR_HINTS,
	TikTokApiError,
	isRetryable,
	redactSecretParams,
} from '../../nodes/shared/tiktok/errors';
import { API, makeClient, ok, record, rejection, setupNock } from './helpers';

describe('envelope errors', () => {
	setupNock();

	it.each([
		[105002, 'Access token is expired', /reconnect the shop/],
		[106001, 'Invalid sign', /App Key and App Secret/],
		[36009004, 'Invalid credentials: timestamp', /clock/],
		[105005, 'Access denied: scope not granted', /scope/],
		[106013, 'shop_cipher is required', /Shop Cipher/],
	])(
		'code %d becomes a TikTokApiError with code, message, request_id and a next step',
		async (code, message, hint) => {
			// 105002 without a refresh token cannot be renewed, so it surfaces like any other error
			nock(API)
				.get('/order/202309/orders')
				.query(true)
				.reply(200, { code, message, request_id: `2023111422132${code}`, data: {} });
			const { client } = makeClient({ refreshToken: '' });

			const error = await rejection(client.get('/order/202309/orders', { ids: ['1'] }));

			expect(error).toBeInstanceOf(TikTokApiError);
			const apiError = error as TikTokApiError;
			expect(apiError.code).toBe(code);
			expect(apiError.tiktokMessage).toBe(message);
			expect(apiError.requestId).toBe(`2023111422132${code}`);
			expect(apiError.httpStatus).toBe(200);
			expect(apiError.method).toBe('GET');
			expect(apiError.path).toBe('/order/202309/orders');
			expect(apiError.hint).toMatch(hint);
			expect(apiError.message).toContain(message);
			expect(apiError.message).toContain(`code ${code}`);
		},
	);

	it('gives the rate-limit hint for 36009002 once retries run out', async () => {
		nock(API)
			.get('/order/202309/orders')
			.query(true)
			.times(2)
			.reply(429, { code: 36009002, message: 'Too many requests', request_id: 'r429' });
		const { client } = makeClient({}, { maxRetries: 1 });

		const error = (await rejection(
			client.get('/order/202309/orders', { ids: ['1'] }),
		)) as TikTokApiError;

		expect(error.code).toBe(36009002);
		expect(error.httpStatus).toBe(429);
		expect(error.requestId).toBe('r429');
		expect(error.hint).toBe(ERROR_HINTS[36009002]);
		expect(error.hint).toMatch(/rate limit/);
	});

	it('checks the code, not only the HTTP status: HTTP 200 with a non-zero code fails', async () => {
		nock(API).post('/fulfillment/202309/packages/1152921504606846976/ship').query(true).reply(200, {
			code: 21011001,
			message: 'Package status does not allow shipping',
			request_id: 'r-ship',
		});
		const { client } = makeClient();

		const error = (await rejection(
			client.post('/fulfillment/202309/packages/1152921504606846976/ship', {
				tracking_number: '1Z999AA10123456784',
			}),
		)) as TikTokApiError;

		expect(error.code).toBe(21011001);
		expect(error.tiktokMessage).toBe('Package status does not allow shipping');
		expect(error.hint).toBeUndefined();
	});

	it('describes a non-JSON answer by its HTTP status', async () => {
		nock(API).get('/order/202309/orders').query(true).reply(404, '<html>Not Found</html>');
		const { client } = makeClient();

		const error = (await rejection(
			client.get('/order/202309/orders', { ids: ['1'] }),
		)) as TikTokApiError;

		expect(error.code).toBe(-1);
		expect(error.httpStatus).toBe(404);
		expect(error.tiktokMessage).toContain('HTTP 404 from GET /order/202309/orders');
	});

	it('returns partial per-item errors of a code-0 answer to the caller intact', async () => {
		const data = {
			errors: [
				{
					code: 21001001,
					message: 'Order 576684019603311366 is not AWAITING_SHIPMENT',
					detail: { order_id: '576684019603311366' },
				},
			],
			packages: [{ id: '1152921504606846976', order_id: '576684019603311365' }],
		};
		const scope = nock(API)
			.post('/fulfillment/202309/packages/ship')
			.query(true)
			.reply(200, ok(data, 'r-partial'));
		record(scope);
		const { client } = makeClient();

		const result = await client.post('/fulfillment/202309/packages/ship', { packages: [] });

		expect(result).toEqual({ data, requestId: 'r-partial' });
	});
});

describe('isRetryable', () => {
	it('retries rate limits, overloads and TikTok-side timeouts only', () => {
		expect(isRetryable(36009002, 429)).toBe(true);
		expect(isRetryable(undefined, 429)).toBe(true);
		expect(isRetryable(-1, 503)).toBe(true);
		expect(isRetryable(36009003, 200)).toBe(true);
		expect(isRetryable(36009007, 200)).toBe(true);
		expect(isRetryable(106001, 401)).toBe(false);
		expect(isRetryable(36009004, 200)).toBe(false);
		expect(isRetryable(105005, 200)).toBe(false);
		expect(isRetryable(undefined, 400)).toBe(false);
	});
});

describe('redactSecretParams', () => {
	it.each([
		[
			'a URL',
			'GET https://h/p?app_key=k&sign=abc123&timestamp=1',
			'GET https://h/p?app_key=k&sign=[redacted]&timestamp=1',
		],
		[
			'a URL-encoded URL',
			'url=https%3A%2F%2Fh%2Fp%3Fsign%3Dabc123%26timestamp%3D1',
			'url=https%3A%2F%2Fh%2Fp%3Fsign%3D[redacted]%26timestamp%3D1',
		],
		[
			'JSON',
			'{"sign":"abc123","access_token":"tok","page_token":"next"}',
			'{"sign":"[redacted]","access_token":"[redacted]","page_token":"next"}',
		],
		[
			'the token endpoint',
			'?app_secret=s3&refresh_token=r1&auth_code=c1&grant_type=x',
			'?app_secret=[redacted]&refresh_token=[redacted]&auth_code=[redacted]&grant_type=x',
		],
		[
			'look-alike names',
			'design=blue&signature_version=2&x-tts-access-token=t',
			'design=blue&signature_version=2&x-tts-access-token=[redacted]',
		],
	])('redacts secret-bearing parameters in %s and nothing else', (_case, text, expected) => {
		expect(redactSecretParams(text)).toBe(expected);
	});
});
