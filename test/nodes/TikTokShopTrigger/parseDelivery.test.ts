import { signWebhook } from '../../../nodes/shared/tiktok/webhookSignature';
import { parseDelivery } from '../../../nodes/TikTokShopTrigger/webhook/parseDelivery';
import { isSelected } from '../../../nodes/TikTokShopTrigger/webhook/selectEvent';
import { normalizeEvent } from '../../../nodes/shared/events/normalizeEvent';
import { APP, orderEvent } from './fakeTriggerContexts';

const NOW = 1_800_000_000;
const check = { ...APP, maxAgeSeconds: 24 * 3600, nowSeconds: NOW };
const body = orderEvent({ timestamp: NOW - 60 });
const signed = signWebhook(APP.appKey, APP.appSecret, body);

describe('webhook verification', () => {
	it('accepts a correctly signed delivery and keys it on tts_notification_id', () => {
		const delivery = parseDelivery(Buffer.from(body), signed, check);
		expect(delivery).toMatchObject({ accepted: true, dedupeKey: 'id:notif-7294819' });
	});

	it.each([
		['forged', 'f'.repeat(64)],
		['missing', undefined],
		['not hex', 'Bearer abc'],
		['signed with another app key', signWebhook('other-app', APP.appSecret, body)],
		['signed with another secret', signWebhook(APP.appKey, 'other-secret', body)],
	])('answers 401 for a %s signature', (_case, header) => {
		expect(parseDelivery(Buffer.from(body), header, check)).toMatchObject({
			accepted: false,
			status: 401,
		});
	});

	it.each([
		['empty', ''],
		['whitespace-only', '  \t '],
	])(
		'refuses every delivery with 401, naming the field, when the App Secret is %s',
		(_case, blank) => {
			for (const header of [
				signWebhook(APP.appKey, blank, body),
				signWebhook(APP.appKey, '', body),
				signed,
			]) {
				const delivery = parseDelivery(Buffer.from(body), header, { ...check, appSecret: blank });
				expect(delivery).toMatchObject({
					accepted: false,
					status: 401,
					credentialIncomplete: true,
				});
				expect(!delivery.accepted && delivery.reason).toMatch(/"App Secret" is empty/);
			}
		},
	);

	it('answers 401 when one byte of the body was changed after signing', () => {
		const altered = body.replace('AWAITING_SHIPMENT', 'AWAITING_SHIPMENX');
		expect(parseDelivery(Buffer.from(altered), signed, check)).toMatchObject({
			accepted: false,
			status: 401,
		});
	});

	it('answers 400 for a signed body that is not JSON or has no type', () => {
		for (const raw of ['{"type":1,', '[1,2]', '{"data":{}}']) {
			expect(
				parseDelivery(Buffer.from(raw), signWebhook(APP.appKey, APP.appSecret, raw), check),
			).toMatchObject({ accepted: false, status: 400 });
		}
	});

	it('answers 400 with a reason for a signed body nested too deeply to store, and accepts ordinary nesting', () => {
		const nested = (depth: number, open = '[', close = ']') =>
			orderEvent({ timestamp: NOW - 60 }, { extra: '@' }).replace(
				'"@"',
				open.repeat(depth) + close.repeat(depth),
			);
		for (const raw of [
			nested(100_000),
			nested(65),
			nested(5_000, '{"a":', '}'),
			nested(2_000, '[{"b":', '}]'),
		]) {
			const delivery = parseDelivery(
				Buffer.from(raw),
				signWebhook(APP.appKey, APP.appSecret, raw),
				check,
			);
			expect(delivery).toMatchObject({ accepted: false, status: 400 });
			expect(!delivery.accepted && delivery.reason).toMatch(/nested deeper than 64 levels/);
		}
		// Brackets inside strings are text, not nesting.
		for (const raw of [
			nested(60),
			orderEvent({ timestamp: NOW - 60 }, { note: '[[[[{{{{'.repeat(100) + '\\"]]' }),
		]) {
			expect(
				parseDelivery(Buffer.from(raw), signWebhook(APP.appKey, APP.appSecret, raw), check),
			).toMatchObject({ accepted: true });
		}
	});

	it('answers 401 for a delivery older than the limit, and accepts it when the check is off', () => {
		const stale = orderEvent({ timestamp: NOW - 25 * 3600 });
		const header = signWebhook(APP.appKey, APP.appSecret, stale);
		expect(parseDelivery(Buffer.from(stale), header, check)).toMatchObject({
			accepted: false,
			status: 401,
		});
		expect(parseDelivery(Buffer.from(stale), header, { ...check, maxAgeSeconds: 0 })).toMatchObject(
			{ accepted: true },
		);
	});

	it('falls back to a hash of the raw body when there is no tts_notification_id', () => {
		const raw = orderEvent({ tts_notification_id: undefined, timestamp: NOW - 60 });
		const delivery = parseDelivery(
			Buffer.from(raw),
			signWebhook(APP.appKey, APP.appSecret, raw),
			check,
		);
		expect(delivery.accepted && delivery.dedupeKey).toMatch(/^sha256:[0-9a-f]{64}$/);
	});
});

describe('event selection', () => {
	const envelope = (type: number, data: Record<string, unknown> = {}) => ({ type, data });
	const all = { types: [], orderStatuses: [], skipOnHold: false };

	it('keeps only the chosen types, or all when none is chosen', () => {
		expect(isSelected(envelope(12), { ...all, types: [1, 4] })).toBe(false);
		expect(isSelected(envelope(4), { ...all, types: [1, 4] })).toBe(true);
		expect(isSelected(envelope(36), all)).toBe(true);
	});

	it('filters order statuses and treats CANCEL and CANCELLED as one', () => {
		const cancelledOnly = { ...all, orderStatuses: ['CANCELLED'] };
		expect(isSelected(envelope(1, { order_status: 'CANCEL' }), cancelledOnly)).toBe(true);
		expect(isSelected(envelope(1, { order_status: 'CANCELLED' }), cancelledOnly)).toBe(true);
		expect(isSelected(envelope(1, { order_status: 'AWAITING_SHIPMENT' }), cancelledOnly)).toBe(
			false,
		);
		expect(
			isSelected(envelope(1, { order_status: 'CANCEL' }), { ...all, orderStatuses: ['CANCEL'] }),
		).toBe(true);
	});

	it('skips on-hold orders only when asked', () => {
		const onHold = envelope(1, { order_status: 'AWAITING_SHIPMENT', is_on_hold_order: true });
		expect(isSelected(onHold, all)).toBe(true);
		expect(isSelected(onHold, { ...all, skipOnHold: true })).toBe(false);
	});
});

describe('output item', () => {
	it('names the event, keeps ids as strings and carries the raw payload and receipt time', () => {
		const item = normalizeEvent(
			{
				type: 1,
				tts_notification_id: 'n1',
				shop_id: '7494726673780148744',
				timestamp: 1664095733,
				data: { order_id: '576684019603311365', order_status: 'CANCEL' },
			},
			'id:n1',
			'2026-11-25T05:00:00.000Z',
		);
		expect(item).toMatchObject({
			event: 'ORDER_STATUS_CHANGE',
			type: 1,
			order_id: '576684019603311365',
			shop_id: '7494726673780148744',
			order_status: 'CANCEL',
			pushed_at: '2022-09-25T08:48:53.000Z',
			received_at: '2026-11-25T05:00:00.000Z',
			event_key: 'id:n1',
		});
		expect((item.payload as { data: object }).data).toEqual({
			order_id: '576684019603311365',
			order_status: 'CANCEL',
		});
	});

	it('names unknown types by code', () => {
		expect(normalizeEvent({ type: 99 }, 'k', 'now').event).toBe('TYPE_99');
	});
});
