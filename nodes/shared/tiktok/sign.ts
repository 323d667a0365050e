import { createHmac } from 'node:crypto';

export type QueryValue = string | number | boolean | Array<string | number>;
export type Query = Record<string, QueryValue | undefined>;

/** Parameters TikTok leaves out of the signed string (docs: sign-request). */
const UNSIGNED_PARAMS = new Set(['sign', 'access_token', 'x-tts-access-token']);

export function queryValueToString(value: QueryValue): string {
	return Array.isArray(value) ? value.join(',') : String(value);
}

/**
 * The string TikTok signs: path, then every query key and raw value in key order, then the body exactly as sent.
 * Multipart bodies are never part of it.
 */
export function stringToSign(path: string, query: Query, body?: string): string {
	const keys = Object.keys(query)
		.filter((key) => !UNSIGNED_PARAMS.has(key) && query[key] !== undefined)
		.sort();
	let text = path;
	for (const key of keys) text += key + queryValueToString(query[key] as QueryValue);
	if (body !== undefined && body !== '' && body !== '{}') text += body;
	return text;
}

/** HMAC-SHA256 keyed with the app secret over `secret + stringToSign + secret`, as lowercase hex. */
export function signRequest(appSecret: string, path: string, query: Query, body?: string): string {
	const wrapped = appSecret + stringToSign(path, query, body) + appSecret;
	return createHmac('sha256', appSecret).update(wrapped).digest('hex');
}
