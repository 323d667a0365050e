import { createHmac } from 'node:crypto';
import nock from 'nock';

import { TikTokShopClient, type ClientOptions } from '../../nodes/shared/tiktok/client';
import type { Clock } from '../../nodes/shared/tiktok/rateBudget';
import { resetBuckets } from '../../nodes/shared/tiktok/rateBudget';
import type { TokenCache } from '../../nodes/shared/tiktok/tokenCache';
import type { TikTokShopCredentials, TokenSet } from '../../nodes/shared/tiktok/types';
import { fetchTransport } from '../../dev/harness/fetchTransport';

export const API = 'https://open-api.tiktokglobalshop.test';
export const AUTH = 'https://auth.tiktok-shops.test';

/** Distinctive values so that a leak into an error message is easy to spot. */
export const APP_KEY = '6d3k1c9p0qlfa';
export const APP_SECRET = 'secret-9f2c7a1e5b3d4068aa17';
export const ACCESS_TOKEN = 'ROW_atok-4b1d9e7c2a6f8035';
export const REFRESH_TOKEN = 'ROW_rtok-0c8e2f5a9d1b7364';
export const CIPHER = 'ROW_cipher_Jm8kQ2';

/** 2023-11-14T22:13:20Z, in ms. */
export const T0 = 1_700_000_000_000;

export function credentials(overrides: Partial<TikTokShopCredentials> = {}): TikTokShopCredentials {
	return {
		appKey: APP_KEY,
		appSecret: APP_SECRET,
		accessToken: ACCESS_TOKEN,
		refreshToken: REFRESH_TOKEN,
		accessTokenExpiresAt: 0,
		shopCipher: CIPHER,
		shop: '',
		baseUrl: API,
		authBaseUrl: AUTH,
		...overrides,
	};
}

/** Virtual time: `sleep` advances it instead of waiting, and records every pause. */
export class FakeClock implements Clock {
	readonly sleeps: number[] = [];

	constructor(public time = T0) {}

	now(): number {
		return this.time;
	}

	async sleep(ms: number): Promise<void> {
		this.sleeps.push(ms);
		this.time += ms;
	}
}

export class MemoryTokens implements TokenCache {
	readonly map = new Map<string, TokenSet>();
	get(key: string): TokenSet | undefined {
		return this.map.get(key);
	}
	set(key: string, tokens: TokenSet): void {
		this.map.set(key, tokens);
	}
}

export function makeClient(
	overrides: Partial<TikTokShopCredentials> = {},
	options: Partial<ClientOptions> = {},
): { client: TikTokShopClient; clock: FakeClock; tokens: MemoryTokens } {
	const clock = (options.clock as FakeClock | undefined) ?? new FakeClock();
	const tokens = (options.tokens as MemoryTokens | undefined) ?? new MemoryTokens();
	const client = new TikTokShopClient(credentials(overrides), {
		http: fetchTransport,
		random: () => 0.5,
		...options,
		clock,
		tokens,
	});
	return { client, clock, tokens };
}

export function ok<T>(
	data: T,
	requestId = 'req-ok-1',
): { code: 0; message: string; request_id: string; data: T } {
	return { code: 0, message: 'Success', request_id: requestId, data };
}

export function fail(
	code: number,
	message: string,
	requestId = `req-${code}`,
): { code: number; message: string; request_id: string } {
	return { code, message, request_id: requestId };
}

/** The documented recipe, written out independently of the client's own sign.ts. */
export function referenceSign(
	secret: string,
	path: string,
	params: Record<string, string>,
	body = '',
): string {
	const keys = Object.keys(params)
		.filter((key) => key !== 'sign' && key !== 'access_token')
		.sort();
	const joined = path + keys.map((key) => key + params[key]).join('') + body;
	return createHmac('sha256', secret)
		.update(secret + joined + secret)
		.digest('hex');
}

/** Query parameters exactly as the server received them (decoded). */
export function receivedQuery(url: string): Record<string, string> {
	return Object.fromEntries(new URL(url).searchParams);
}

/**
 * One place to capture what reached the fake TikTok: the decoded URL, the headers and the raw body string,
 * taken from nock's `request` event (the body before any JSON parsing).
 */
export interface Seen {
	method: string;
	url: string;
	path: string;
	query: Record<string, string>;
	headers: Record<string, string>;
	body: string;
}

export function record(scope: nock.Scope): Seen[] {
	const seen: Seen[] = [];
	// nock 15 hands over a fetch Request, nock 14 a ClientRequest with `path` and plain `headers`.
	scope.on('request', (req: unknown, _interceptor: unknown, body: string) => {
		const request = req as {
			url?: string;
			path?: string;
			method: string;
			headers: Headers | Record<string, unknown>;
		};
		const url =
			typeof request.url === 'string' && /^https?:/.test(request.url)
				? new URL(request.url)
				: new URL(request.path ?? '/', (scope as unknown as { basePath: string }).basePath);
		const headers =
			typeof (request.headers as Headers).get === 'function'
				? Object.fromEntries((request.headers as Headers).entries())
				: Object.fromEntries(
						Object.entries(request.headers).map(([key, value]) => [
							key.toLowerCase(),
							String(value),
						]),
					);
		seen.push({
			method: request.method,
			url: url.toString(),
			path: url.pathname,
			query: Object.fromEntries(url.searchParams),
			headers,
			body,
		});
	});
	return seen;
}

export function setupNock(): void {
	beforeAll(() => nock.disableNetConnect());
	beforeEach(() => resetBuckets());
	afterEach(() => {
		const pending = nock.pendingMocks();
		nock.cleanAll();
		expect(pending).toEqual([]);
	});
	afterAll(() => nock.enableNetConnect());
}

/** The rejection of a promise, for several assertions on one error. */
export async function rejection(promise: Promise<unknown>): Promise<Error> {
	try {
		await promise;
	} catch (error) {
		return error as Error;
	}
	throw new Error('expected the promise to reject, but it resolved');
}
