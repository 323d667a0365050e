import { createHash } from 'node:crypto';

import { parseJsonKeepingBigIds } from '../../shared/tiktok/json';
import type { WebhookEnvelope } from '../../shared/events/webhookEnvelope';
import { verifyWebhookSignature } from '../../shared/tiktok/webhookSignature';

export type Delivery =
	| { accepted: true; envelope: WebhookEnvelope; dedupeKey: string }
	| { accepted: false; status: 400 | 401; reason: string; credentialIncomplete?: true };

/**
 * TikTok's envelopes nest 4 or 5 levels. JSON.parse accepts any depth, but storing, cloning or running a deeper
 * value overflows the stack (a 500, which TikTok retries for 16 h), so such a body is refused as malformed.
 */
export const MAX_JSON_DEPTH = 64;

/* 401 is final for TikTok (no retry), so forged and stale deliveries get it; only a malformed body gets 400. */

export interface DeliveryCheck {
	appKey: string;
	appSecret: string;
	/** 0 disables the check. */
	maxAgeSeconds: number;
	nowSeconds: number;
}

/**
 * Verify first, parse second: the HMAC runs over the raw bytes before any JSON parsing, so nothing from an
 * unverified body is ever interpreted.
 */
export function parseDelivery(
	rawBody: Buffer | undefined,
	authorization: string | undefined,
	check: DeliveryCheck,
): Delivery {
	const body = rawBody ?? Buffer.alloc(0);
	// Nothing can be verified without the secret: refuse every delivery, and say so, instead of checking against ''.
	if (check.appSecret.trim() === '') {
		return {
			accepted: false,
			status: 401,
			credentialIncomplete: true,
			reason:
				'the TikTok Shop API credential is incomplete: "App Secret" is empty. Paste the app secret from Partner Center into the credential.',
		};
	}
	if (!verifyWebhookSignature(check.appKey, check.appSecret, body, authorization)) {
		return {
			accepted: false,
			status: 401,
			reason: authorization ? 'signature does not match' : 'no Authorization header',
		};
	}
	if (nestingExceeds(body, MAX_JSON_DEPTH)) {
		return {
			accepted: false,
			status: 400,
			reason: `body is nested deeper than ${MAX_JSON_DEPTH} levels`,
		};
	}
	let envelope: WebhookEnvelope;
	try {
		envelope = parseJsonKeepingBigIds<WebhookEnvelope>(body.toString('utf8'));
	} catch {
		return { accepted: false, status: 400, reason: 'body is not JSON' };
	}
	if (!envelope || typeof envelope !== 'object' || typeof envelope.type !== 'number') {
		return { accepted: false, status: 400, reason: 'body has no numeric "type"' };
	}
	if (
		check.maxAgeSeconds > 0 &&
		typeof envelope.timestamp === 'number' &&
		check.nowSeconds - envelope.timestamp > check.maxAgeSeconds
	) {
		return {
			accepted: false,
			status: 401,
			reason: `timestamp is older than ${check.maxAgeSeconds} s`,
		};
	}
	const dedupeKey = envelope.tts_notification_id
		? `id:${envelope.tts_notification_id}`
		: `sha256:${createHash('sha256').update(body).digest('hex')}`;
	return { accepted: true, envelope, dedupeKey };
}

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const OPENERS = new Set([0x5b, 0x7b]);
const CLOSERS = new Set([0x5d, 0x7d]);

/** One pass over the raw bytes, before any parsing: brackets inside strings do not count. */
function nestingExceeds(body: Buffer, maxDepth: number): boolean {
	let depth = 0;
	let inString = false;
	for (let index = 0; index < body.length; index++) {
		const byte = body[index];
		if (inString) {
			if (byte === BACKSLASH) index++;
			else if (byte === QUOTE) inString = false;
		} else if (byte === QUOTE) {
			inString = true;
		} else if (OPENERS.has(byte)) {
			if (++depth > maxDepth) return true;
		} else if (CLOSERS.has(byte)) {
			depth--;
		}
	}
	return false;
}
