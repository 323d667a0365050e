import nock from 'nock';
import {
	NodeApiError,
	NodeOperationError,
	type IExecuteFunctions,
	type IHttpRequestOptions,
	type INode,
} from 'n8n-workflow';

import { CredentialFieldError, TikTokApiError } from '../../nodes/shared/tiktok/errors';
import { credentialRequests } from '../../dev/harness/credentialRequests';
import { CREDENTIAL_NAME, getTikTokClient, toNodeError } from '../../nodes/shared/tiktok/index';
import type { HttpTransport, TikTokShopCredentials } from '../../nodes/shared/tiktok/types';
import { fetchTransport } from '../../dev/harness/fetchTransport';
import {
	ACCESS_TOKEN,
	API,
	APP_KEY,
	APP_SECRET,
	AUTH,
	REFRESH_TOKEN,
	credentials,
	makeClient,
	ok,
	record,
	referenceSign,
	rejection,
	setupNock,
} from './helpers';

const node: INode = {
	id: 'node-1',
	name: 'TikTok Shop',
	type: 'n8n-nodes-tiktok-shop-ops.tikTokShop',
	typeVersion: 1,
	position: [0, 0],
	parameters: {},
};

/** Everything n8n would show or store about an error. */
function everything(error: Error): string {
	const nodeError = error as NodeApiError;
	return JSON.stringify({
		json: nodeError,
		message: nodeError.message,
		description: nodeError.description,
		messages: nodeError.messages,
		context: nodeError.context,
		errorResponse: (nodeError as unknown as { errorResponse?: unknown }).errorResponse,
		stack: nodeError.stack,
	});
}

describe('toNodeError', () => {
	it('turns a TikTokApiError into a NodeApiError carrying code, message, request_id, hint and item', () => {
		const apiError = new TikTokApiError({
			code: 106001,
			message: 'Invalid sign',
			requestId: '202311142213200101',
			httpStatus: 401,
			method: 'POST',
			path: '/order/202309/orders/search',
		});

		const nodeError = toNodeError(node, apiError, 3) as NodeApiError;

		expect(nodeError).toBeInstanceOf(NodeApiError);
		expect(nodeError.message).toBe('TikTok: Invalid sign (code 106001)');
		expect(nodeError.description).toContain('App Key and App Secret');
		expect(nodeError.description).toContain('request_id 202311142213200101');
		expect(nodeError.description).toContain('POST /order/202309/orders/search');
		expect(nodeError.context.itemIndex).toBe(3);
		expect(nodeError.httpCode).toBe('401');
		expect(nodeError).toMatchObject({ tiktokCode: 106001, requestId: '202311142213200101' });
		expect(nodeError.node).toBe(node);
	});

	it.each([
		[105002, /reconnect the shop/],
		[36009004, /clock/],
		[105005, /scope/],
		[106013, /Shop Cipher/],
		[36009002, /rate limit/],
	])('puts the next step for %d into the description', (code, hint) => {
		const nodeError = toNodeError(
			node,
			new TikTokApiError({ code, message: 'x', requestId: 'r', method: 'GET', path: '/p' }),
			0,
		) as NodeApiError;
		expect(nodeError.description).toMatch(hint);
		expect(nodeError.message).toContain(`code ${code}`);
	});

	it('keeps its own message when the TikTok message mentions a Node error code such as ECONNREFUSED', () => {
		const apiError = new TikTokApiError(
			{
				code: -1,
				message: 'could not reach TikTok after 6 attempts: connect ECONNREFUSED 10.0.0.1:443',
				method: 'GET',
				path: '/order/202309/orders',
			},
			'Check the base URL',
		);

		const nodeError = toNodeError(node, apiError, 1) as NodeApiError;

		expect(nodeError.message).toContain('after 6 attempts');
		expect(nodeError.message).toContain('code -1');
		expect(nodeError.description).toContain('Check the base URL');
	});

	it('turns a CredentialFieldError into a NodeOperationError naming the field', () => {
		const nodeError = toNodeError(
			node,
			new CredentialFieldError('shop', 'is empty but this token covers several shops.'),
			2,
		);

		expect(nodeError).toBeInstanceOf(NodeOperationError);
		expect(nodeError).not.toBeInstanceOf(NodeApiError);
		expect(nodeError.message).toContain('"shop"');
		expect(nodeError.description).toMatch(/credential/);
		expect(nodeError.context.itemIndex).toBe(2);
	});

	it('wraps anything else in a NodeOperationError and passes n8n errors through', () => {
		const wrapped = toNodeError(node, new Error('boom'), 4);
		expect(wrapped).toBeInstanceOf(NodeOperationError);
		expect(wrapped.message).toBe('boom');
		expect(wrapped.context.itemIndex).toBe(4);
		expect(toNodeError(node, 'plain string').message).toBe('plain string');

		const existing = new NodeOperationError(node, 'already');
		expect(toNodeError(node, existing)).toBe(existing);
	});
});

describe('getTikTokClient (the n8n adapter)', () => {
	setupNock();

	function context(
		creds: Partial<TikTokShopCredentials>,
		calls: IHttpRequestOptions[] = [],
	): IExecuteFunctions {
		// n8n's helper, played by fetch: answers with a Buffer as `encoding: 'arraybuffer'` does
		const httpRequest = async (options: IHttpRequestOptions) => {
			calls.push(options);
			const url = new URL(options.url);
			for (const [key, value] of Object.entries(options.qs ?? {}))
				url.searchParams.set(key, String(value));
			const response = await fetch(url, {
				method: options.method,
				headers: options.headers as Record<string, string>,
				body: options.body as string | undefined,
			});
			return { statusCode: response.status, body: Buffer.from(await response.arrayBuffer()) };
		};
		return {
			getCredentials: async (name: string) => {
				expect(name).toBe(CREDENTIAL_NAME);
				return creds;
			},
			getNode: () => node,
			helpers: {
				httpRequest,
				httpRequestWithAuthentication: credentialRequests({ ...creds }, httpRequest),
			},
		} as unknown as IExecuteFunctions;
	}

	it('sends signed requests through n8n’s request helper and reads its Buffer answer', async () => {
		const scope = nock(API)
			.post('/order/202309/orders/search')
			.query(true)
			.reply(200, ok({ orders: [{ id: '576684019603311365' }] }));
		const seen = record(scope);
		const calls: IHttpRequestOptions[] = [];
		const client = await getTikTokClient.call(context(credentials(), calls));

		const { data } = await client.post('/order/202309/orders/search', {
			order_status: 'AWAITING_SHIPMENT',
		});

		expect(data).toEqual({ orders: [{ id: '576684019603311365' }] });
		expect(calls[0]).toMatchObject({
			method: 'POST',
			json: false,
			returnFullResponse: true,
			ignoreHttpStatusErrors: true,
			encoding: 'arraybuffer',
		});
		expect(seen[0].query.sign).toBe(
			referenceSign(APP_SECRET, seen[0].path, seen[0].query, seen[0].body),
		);
		expect(seen[0].headers['x-tts-access-token']).toBe(ACCESS_TOKEN);
	});

	it('turns a bad credential into a NodeOperationError naming the field', async () => {
		const error = await rejection(getTikTokClient.call(context({ ...credentials(), appKey: '' })));

		expect(error).toBeInstanceOf(NodeOperationError);
		expect(error.message).toContain('"appKey"');
	});

	it('keeps the app secret and tokens out of everything a failed call shows', async () => {
		nock(API)
			.get('/order/202309/orders')
			.query(true)
			.reply(200, { code: 105002, message: 'Access token is expired', request_id: 'r-exp' });
		nock(AUTH)
			.get('/api/v2/token/refresh')
			.query(true)
			// Refused, and refused again after reading the credential once more (as if another process had renewed).
			.times(2)
			.reply(400, (uri: unknown) => `Bad request: ${(uri as Request).url ?? uri}`);
		const client = await getTikTokClient.call(context(credentials()));

		const error = await rejection(client.get('/order/202309/orders', { ids: ['1'] }));
		const nodeError = toNodeError(node, error, 0);

		expect(everything(nodeError)).toMatch(/authorization link again/);
		for (const text of [error.message, everything(nodeError)]) {
			expect(text).not.toContain(APP_SECRET);
			expect(text).not.toContain(ACCESS_TOKEN);
			expect(text).not.toContain(REFRESH_TOKEN);
		}
		// The echo of the refresh URL is not shown at all: only its status.
		expect(everything(nodeError)).toContain('HTTP 400');
	});

	it('keeps secrets out of errors of every kind the client raises', async () => {
		const echo: HttpTransport = async (request) => {
			if (request.url.includes('/api/v2/token/refresh'))
				throw new Error(`GET ${request.url} failed: ECONNRESET`);
			const reply = await fetchTransport(request);
			return reply;
		};
		nock(API)
			.get('/order/202309/orders')
			.query(true)
			.reply(200, { code: 106001, message: `Invalid sign for ${APP_KEY}`, request_id: 'r-sign' })
			.get('/order/202309/orders')
			.query(true)
			.reply(500, `internal error, token ${ACCESS_TOKEN}`)
			.get('/order/202309/orders')
			.query(true)
			.reply(500, `internal error, token ${ACCESS_TOKEN}`);
		const failures: Error[] = [];
		const signClient = makeClient({}, { http: echo }).client;
		failures.push(await rejection(signClient.get('/order/202309/orders', { ids: ['1'] })));
		const busyClient = makeClient({}, { http: echo, maxRetries: 1 }).client;
		failures.push(await rejection(busyClient.get('/order/202309/orders', { ids: ['1'] })));
		const refreshClient = makeClient({ accessTokenExpiresAt: 1 }, { http: echo }).client;
		failures.push(await rejection(refreshClient.get('/order/202309/orders', { ids: ['1'] })));

		expect(failures.map((error) => error.constructor.name)).toEqual([
			'TikTokApiError',
			'TikTokApiError',
			'TikTokApiError',
		]);
		for (const error of failures) {
			for (const text of [error.message, everything(toNodeError(node, error, 0))]) {
				expect(text).not.toContain(APP_SECRET);
				expect(text).not.toContain(ACCESS_TOKEN);
				expect(text).not.toContain(REFRESH_TOKEN);
			}
		}
	});

	it('keeps the request signature and every other secret-bearing query value out of errors of every kind', async () => {
		// A gateway in front of TikTok that quotes the request URL back, in every shape an error can take.
		let lastUrl = '';
		const sent: string[] = [];
		const gateway =
			(shape: 'html' | 'envelope' | 'thrown'): HttpTransport =>
			async (request) => {
				lastUrl = request.url;
				sent.push(request.url);
				if (shape === 'thrown')
					throw new Error(`request to ${request.url} failed, reason: socket hang up`);
				if (shape === 'envelope') {
					return {
						status: 200,
						body: JSON.stringify({
							code: 36009004,
							message: `Invalid params: ${request.url}`,
							request_id: 'r-echo',
						}),
					};
				}
				return {
					status: 502,
					body: `<html>502 Bad Gateway while proxying GET ${decodeURIComponent(request.url)}</html>`,
				};
			};
		const failures: Error[] = [];
		for (const shape of ['html', 'envelope', 'thrown'] as const) {
			const { client } = makeClient({}, { http: gateway(shape), maxRetries: 0 });
			failures.push(await rejection(client.get('/order/202309/orders', { ids: ['1'] })));
		}
		// An error from anywhere else (a transport, n8n) that quotes a URL carrying secrets in its query.
		failures.push(
			new Error(
				`GET ${lastUrl}&access_token=${ACCESS_TOKEN}&app_secret=${APP_SECRET}&auth_code=TTP_code_77 failed`,
			),
		);

		const signs = sent.map((url) => new URL(url).searchParams.get('sign')!);
		expect(signs.every((sign) => /^[0-9a-f]{64}$/.test(sign))).toBe(true);
		for (const error of failures) {
			const nodeError = toNodeError(node, error, 0);
			for (const text of [
				error instanceof TikTokApiError ? error.message : '',
				everything(nodeError),
			]) {
				for (const sign of signs) expect(text).not.toContain(sign);
				expect(text).not.toMatch(/sign=[0-9a-f]/);
				expect(text).not.toContain('TTP_code_77');
				expect(text).not.toContain(APP_SECRET);
				expect(text).not.toContain(ACCESS_TOKEN);
			}
			expect(everything(nodeError)).toContain('sign=[redacted]');
			expect(everything(nodeError)).toContain(APP_KEY); // the rest of the URL is still there to debug with
		}
	});
});
