import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * TikTok's signatures as TikTok's side computes them, written from TikTok's documentation (reference §1 "Signature
 * algorithm", §3 "Verification") and checked against its published test vector. The simulator deliberately does not
 * use the pack's signer (nodes/shared/tiktok/sign.ts): a signing bug in the pack must show up here as 106001.
 */

/** Step 1: every query parameter except `sign` and the access token takes part. */
const NOT_SIGNED = new Set(['sign', 'access_token', 'x-tts-access-token']);

/**
 * The text TikTok's gateway signs for a request as it arrived: the path, then `{key}{value}` for each remaining query
 * parameter in ascending key order (raw, decoded values; an array arrives comma-joined), then the body exactly as
 * sent unless the request is multipart or the body is empty. An empty JSON object `{}` counts as empty, as TikTok's
 * Node SDK signs it.
 */
export function textTikTokSigns(
	path: string,
	query: Record<string, string>,
	body: string | undefined,
): string {
	const pairs = Object.keys(query)
		.filter((key) => !NOT_SIGNED.has(key))
		.sort()
		.map((key) => `${key}${query[key]}`)
		.join('');
	const signedBody = body === undefined || body === '' || body === '{}' ? '' : body;
	return `${path}${pairs}${signedBody}`;
}

/** Steps 5–6: HMAC-SHA256 keyed with the app secret over `secret + text + secret`, lowercase hex. */
export function tiktokRequestSignature(
	appSecret: string,
	path: string,
	query: Record<string, string>,
	body: string | undefined,
): string {
	return createHmac('sha256', appSecret)
		.update(`${appSecret}${textTikTokSigns(path, query, body)}${appSecret}`, 'utf8')
		.digest('hex');
}

/**
 * Whether the `sign` query parameter matches the request as it arrived (decoded query, raw body bytes). Multipart
 * bodies are never signed. Constant-time over the hex text; a missing sign never verifies.
 */
export function requestSignatureIsValid(
	appSecret: string,
	path: string,
	query: Record<string, string>,
	rawBody: Buffer,
	contentType: string,
): boolean {
	if (!query.sign) return false;
	const body =
		/^multipart\/form-data/i.test(contentType) || rawBody.length === 0
			? undefined
			: rawBody.toString('utf8');
	const expected = Buffer.from(tiktokRequestSignature(appSecret, path, query, body), 'utf8');
	const given = Buffer.from(query.sign.toLowerCase(), 'utf8');
	return given.length === expected.length && timingSafeEqual(given, expected);
}

/** The `Authorization` header TikTok puts on a webhook: hex HMAC-SHA256 keyed with the app secret over app_key + raw body. */
export function tiktokWebhookSignature(
	appKey: string,
	appSecret: string,
	rawBody: Buffer | string,
): string {
	const body = typeof rawBody === 'string' ? Buffer.from(rawBody, 'utf8') : rawBody;
	return createHmac('sha256', appSecret)
		.update(Buffer.concat([Buffer.from(appKey, 'utf8'), body]))
		.digest('hex');
}
