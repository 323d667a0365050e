import type { IDataObject } from 'n8n-workflow';

import { eventTypeName } from './eventTypes';
import type { WebhookEnvelope } from './webhookEnvelope';

/** Ids TikTok sends in `data`; they are 64-bit and must stay strings. */
const ID_FIELDS = [
	'order_id',
	'package_id',
	'product_id',
	'sku_id',
	'return_id',
	'cancel_id',
	'conversation_id',
	'message_id',
];

/** One output item: the event's name, its ids as strings, the raw payload and when it was received. */
export function normalizeEvent(
	envelope: WebhookEnvelope,
	dedupeKey: string,
	receivedAt: string,
): IDataObject {
	const data = envelope.data ?? {};
	const ids: IDataObject = {};
	for (const field of ID_FIELDS)
		if (data[field] !== undefined && data[field] !== null) ids[field] = String(data[field]);
	return {
		event: eventTypeName(envelope.type),
		type: envelope.type,
		notification_id: envelope.tts_notification_id ?? null,
		event_key: dedupeKey,
		shop_id: envelope.shop_id !== undefined ? String(envelope.shop_id) : null,
		...ids,
		order_status: (data.order_status as string | undefined) ?? null,
		pushed_at:
			typeof envelope.timestamp === 'number'
				? new Date(envelope.timestamp * 1000).toISOString()
				: null,
		received_at: receivedAt,
		payload: envelope as unknown as IDataObject,
	};
}
