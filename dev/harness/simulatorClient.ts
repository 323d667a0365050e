import { TikTokShopClient, type ClientOptions } from '../../nodes/shared/tiktok/client';
import { pathTakesShopCipher } from '../../nodes/shared/tiktok/shopCipher';
import { signRequest } from '../../nodes/shared/tiktok/sign';
import type { TokenSet } from '../../nodes/shared/tiktok/types';
import { fetchTransport } from './fetchTransport';
import type { RunningSimulator } from '../simulator/index';

/** A client wired to the simulator with its own token cache, so one test's refresh never leaks into the next. */
export function clientFor(
	sim: RunningSimulator,
	options: Partial<ClientOptions> = {},
): TikTokShopClient {
	const cache = new Map<string, TokenSet>();
	return new TikTokShopClient(
		{
			appKey: sim.app.appKey,
			appSecret: sim.app.appSecret,
			accessToken: sim.tokens.accessToken,
			refreshToken: sim.tokens.refreshToken,
			accessTokenExpiresAt: sim.tokens.accessTokenExpiresAt,
			baseUrl: sim.url,
			authBaseUrl: sim.url,
		},
		{
			http: fetchTransport,
			backoffBaseMs: 1,
			backoffMaxMs: 5,
			tokens: { get: (key) => cache.get(key), set: (key, value) => void cache.set(key, value) },
			...options,
		},
	);
}

export interface RawCall {
	method?: 'GET' | 'POST' | 'PUT' | 'DELETE';
	path: string;
	query?: Record<string, string>;
	body?: string | Buffer;
	contentType?: string;
	/** Sign this text instead of the body sent (tampering). */
	signedBody?: string;
	/** Parts of a correct request to leave out or replace. */
	omit?: Array<'app_key' | 'timestamp' | 'sign' | 'token' | 'shop_cipher' | 'content-type'>;
	timestamp?: string;
	shopCipher?: string;
	accessToken?: string;
	appSecret?: string;
}

export interface RawAnswer {
	status: number;
	text: string;
	envelope: { code: number; message: string; request_id: string; data?: Record<string, unknown> };
}

/** A hand-built request, correct unless told otherwise: for proving what the simulator rejects. */
export async function rawCall(sim: RunningSimulator, call: RawCall): Promise<RawAnswer> {
	const method = call.method ?? 'GET';
	const omit = new Set(call.omit ?? []);
	const query: Record<string, string> = { ...call.query };
	if (!omit.has('app_key')) query.app_key = sim.app.appKey;
	if (!omit.has('timestamp'))
		query.timestamp = call.timestamp ?? String(Math.floor(Date.now() / 1000));
	const cipher =
		call.shopCipher ?? (pathTakesShopCipher(method, call.path) ? sim.shop.cipher : undefined);
	if (cipher !== undefined && !omit.has('shop_cipher')) query.shop_cipher = cipher;
	const bodyText = call.signedBody ?? (typeof call.body === 'string' ? call.body : undefined);
	if (!omit.has('sign'))
		query.sign = signRequest(call.appSecret ?? sim.app.appSecret, call.path, query, bodyText);
	const headers: Record<string, string> = {};
	if (!omit.has('token'))
		headers['x-tts-access-token'] = call.accessToken ?? sim.tokens.accessToken;
	if (!omit.has('content-type')) headers['content-type'] = call.contentType ?? 'application/json';
	const response = await fetch(`${sim.url}${call.path}?${new URLSearchParams(query)}`, {
		method,
		headers,
		body: call.body as string | Uint8Array | undefined,
	});
	const text = await response.text();
	let envelope: RawAnswer['envelope'];
	try {
		envelope = JSON.parse(text) as RawAnswer['envelope'];
	} catch {
		envelope = { code: -1, message: text, request_id: '' };
	}
	return { status: response.status, text, envelope };
}

/** A 1×1 PNG, the smallest image TikTok's upload accepts. */
export const TINY_PNG = Buffer.from(
	'89504e470d0a1a0a0000000d4948445200000001000000010806000000' +
		'1f15c4890000000d49444154789c6360000002000154a24f5d0000000049454e44ae426082',
	'hex',
);
