import type { IWebhookFunctions, IWebhookResponseData } from 'n8n-workflow';

import type { DurableStore } from '../../shared/store';

import { admit, seenOf } from '../../shared/events/eventQueue';
import { orderUpdateKey } from '../../shared/events/orderUpdateKey';
import { signalQueue } from '../../shared/events/queueSignal';
import { readSettings } from '../settings';
import { appSecretOf } from './appCredentials';
import { normalizeEvent } from '../../shared/events/normalizeEvent';
import type { WebhookEnvelope } from '../../shared/events/webhookEnvelope';
import { parseDelivery } from './parseDelivery';
import { isSelected } from './selectEvent';
import { webhookStoreOf } from './webhookStore';

/**
 * The store gives up after this long (Redis unreachable, say), leaving time to answer 503 well within TikTok's 3 s,
 * so that TikTok delivers again instead of counting a timeout.
 */
const STORE_DEADLINE_MS = 800;

/**
 * Answers TikTok itself, with an empty body, before any workflow work: 401 for a bad signature or a stale
 * delivery, 400 for a malformed body, 503 when the event could not be stored, 200 for everything accepted, filtered
 * out or already seen.
 */
export async function receiveDelivery(this: IWebhookFunctions): Promise<IWebhookResponseData> {
	const request = this.getRequestObject() as ReturnType<IWebhookFunctions['getRequestObject']> & {
		rawBody?: Buffer;
		readRawBody?: () => Promise<void>;
	};
	const response = this.getResponseObject();
	// n8n reads the body of JSON requests for us; a delivery sent with another content type is read here.
	if (!request.rawBody) await request.readRawBody?.();
	const answer = (status: number): IWebhookResponseData => {
		response.status(status).end();
		return { noWebhookResponse: true };
	};

	const app = await appSecretOf(this);
	const settings = readSettings(this);
	const now = Date.now();
	const delivery = parseDelivery(request.rawBody, request.headers.authorization, {
		...app,
		maxAgeSeconds: settings.maxAgeSeconds,
		nowSeconds: Math.floor(now / 1000),
	});
	if (!delivery.accepted) {
		// The seller has to act on this one, and TikTok will not say why its deliveries fail: put it in n8n's log.
		if (delivery.credentialIncomplete)
			this.logger.warn(`TikTok Shop Trigger refused a delivery (401): ${delivery.reason}`);
		return answer(delivery.status);
	}
	if (!isSelected(delivery.envelope, settings.selection)) return answer(200);

	const item = normalizeEvent(delivery.envelope, delivery.dedupeKey, new Date(now).toISOString());
	if (this.getMode() === 'manual') return { workflowData: [[{ json: item }]] };

	const orderUpdate = orderUpdateOf(delivery.envelope);
	const dedupe = {
		keys: orderUpdate ? [delivery.dedupeKey, orderUpdate] : [delivery.dedupeKey],
		ttlMs: settings.dedupeTtlMs,
	};
	let store: DurableStore;
	let accepted: boolean;
	try {
		store = await webhookStoreOf(this, STORE_DEADLINE_MS);
		if (settings.guaranteed) {
			accepted = await admit(store, settings.queue, dedupe, delivery.dedupeKey, item, now);
		} else {
			accepted = true;
			for (const key of dedupe.keys) {
				if (!(await store.claim(seenOf(settings.queue), key, dedupe.ttlMs))) {
					accepted = false;
					break;
				}
			}
		}
	} catch (error) {
		// Nothing was stored (or not all of it), and TikTok, answered 503 instead of 200, delivers it again.
		this.logger.warn(
			`TikTok Shop Trigger: the state store failed (${(error as Error).message}), so the event was not stored; it was answered 503 and TikTok will deliver it again.`,
		);
		return answer(503);
	}
	if (!accepted) return answer(200);
	if (!settings.guaranteed) {
		response.status(200).end();
		return { noWebhookResponse: true, workflowData: [[{ json: item }]] };
	}
	signalQueue(settings.queue);
	return answer(200);
}

/** Order status changes also carry the order's update time: the key the missed-update recovery claims too. */
function orderUpdateOf(envelope: WebhookEnvelope): string | undefined {
	const data = envelope.data ?? {};
	if (envelope.type !== 1 || data.order_id === undefined || typeof data.update_time !== 'number')
		return undefined;
	return orderUpdateKey(String(data.order_id), data.update_time);
}
