import { createHmac } from 'node:crypto';

import { signWebhook, verifyWebhookSignature } from '../../nodes/shared/tiktok/webhookSignature';

const KEY = 'fake_app_key';
const SECRET = 'fake_app_secret';
const BODY =
	'{"type":1,"shop_id":"7494726673780148744","timestamp":1664095733,"data":{"order_id":"576684019603311365","order_status":"AWAITING_SHIPMENT","update_time":1664095610}}';
const SIGNATURE = '21109834de72ec53c9959716d8514ae388ce1f123e5ffdcafc46713fcdf62b27';

describe('webhook signature', () => {
	it('matches the reference vector (HMAC-SHA256 over app_key + raw body)', () => {
		expect(signWebhook(KEY, SECRET, BODY)).toBe(SIGNATURE);
		expect(signWebhook(KEY, SECRET, Buffer.from(BODY))).toBe(SIGNATURE);
		expect(
			createHmac('sha256', SECRET)
				.update(KEY + BODY)
				.digest('hex'),
		).toBe(SIGNATURE);
	});

	it('accepts the genuine header, also in upper case or with surrounding spaces', () => {
		expect(verifyWebhookSignature(KEY, SECRET, Buffer.from(BODY), SIGNATURE)).toBe(true);
		expect(verifyWebhookSignature(KEY, SECRET, Buffer.from(BODY), SIGNATURE.toUpperCase())).toBe(
			true,
		);
		expect(verifyWebhookSignature(KEY, SECRET, Buffer.from(BODY), ` ${SIGNATURE} `)).toBe(true);
	});

	it('rejects a missing or empty header', () => {
		expect(verifyWebhookSignature(KEY, SECRET, Buffer.from(BODY), undefined)).toBe(false);
		expect(verifyWebhookSignature(KEY, SECRET, Buffer.from(BODY), '')).toBe(false);
	});

	it('rejects a forged signature', () => {
		const forged = createHmac('sha256', 'attacker_secret')
			.update(KEY + BODY)
			.digest('hex');
		expect(verifyWebhookSignature(KEY, SECRET, Buffer.from(BODY), forged)).toBe(false);
		const flipped = (SIGNATURE[0] === 'a' ? 'b' : 'a') + SIGNATURE.slice(1);
		expect(verifyWebhookSignature(KEY, SECRET, Buffer.from(BODY), flipped)).toBe(false);
	});

	it('rejects malformed headers without throwing', () => {
		for (const header of [
			`sha256=${SIGNATURE}`,
			SIGNATURE.slice(0, 63),
			`${SIGNATURE}00`,
			'z'.repeat(64),
			`Bearer ${SIGNATURE}`,
		]) {
			expect(verifyWebhookSignature(KEY, SECRET, Buffer.from(BODY), header)).toBe(false);
		}
	});

	it('rejects an altered body, even whitespace or a re-serialised copy', () => {
		const altered = BODY.replace('AWAITING_SHIPMENT', 'CANCELLED');
		expect(verifyWebhookSignature(KEY, SECRET, Buffer.from(altered), SIGNATURE)).toBe(false);
		expect(verifyWebhookSignature(KEY, SECRET, Buffer.from(`${BODY}\n`), SIGNATURE)).toBe(false);
		const reserialised = JSON.stringify(JSON.parse(BODY), null, 1);
		expect(verifyWebhookSignature(KEY, SECRET, Buffer.from(reserialised), SIGNATURE)).toBe(false);
	});

	it('rejects the right body signed for another app key or with another secret', () => {
		expect(verifyWebhookSignature('other_app_key', SECRET, Buffer.from(BODY), SIGNATURE)).toBe(
			false,
		);
		expect(verifyWebhookSignature(KEY, 'other_secret', Buffer.from(BODY), SIGNATURE)).toBe(false);
	});

	it('verifies the raw bytes: non-UTF-8 bytes are signed as they are', () => {
		const raw = Buffer.concat([
			Buffer.from('{"type":1,"x":"'),
			Buffer.from([0xff, 0xfe]),
			Buffer.from('"}'),
		]);
		const header = createHmac('sha256', SECRET)
			.update(Buffer.concat([Buffer.from(KEY), raw]))
			.digest('hex');
		expect(verifyWebhookSignature(KEY, SECRET, raw, header)).toBe(true);
		expect(verifyWebhookSignature(KEY, SECRET, Buffer.from(raw.toString('utf8')), header)).toBe(
			false,
		);
	});

	it('verifies nothing with a blank or whitespace-only secret, even a header made with that same empty key', () => {
		for (const blank of ['', ' ', '\t\n ']) {
			const header = signWebhook(KEY, blank, BODY);
			expect(verifyWebhookSignature(KEY, blank, Buffer.from(BODY), header)).toBe(false);
		}
	});
});
