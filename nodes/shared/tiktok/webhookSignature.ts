import { createHmac, timingSafeEqual } from 'node:crypto';

/** TikTok's webhook `Authorization` header: hex HMAC-SHA256 keyed with the app secret over app_key + raw body. */
export function signWebhook(appKey: string, appSecret: string, rawBody: Buffer | string): string {
	return createHmac('sha256', appSecret)
		.update(appKey)
		.update(typeof rawBody === 'string' ? Buffer.from(rawBody, 'utf8') : rawBody)
		.digest('hex');
}

/**
 * Constant-time check over the raw bytes; any malformed header is simply "not verified". A blank secret verifies
 * nothing: HMAC with an empty key is a key anyone can use, so it must fail closed.
 */
export function verifyWebhookSignature(
	appKey: string,
	appSecret: string,
	rawBody: Buffer,
	header: string | undefined,
): boolean {
	if (!appSecret || appSecret.trim() === '') return false;
	if (!header || !/^[0-9a-f]{64}$/i.test(header.trim())) return false;
	const expected = Buffer.from(signWebhook(appKey, appSecret, rawBody), 'hex');
	const given = Buffer.from(header.trim().toLowerCase(), 'hex');
	return expected.length === given.length && timingSafeEqual(expected, given);
}
