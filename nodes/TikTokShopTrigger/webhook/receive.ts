import { NodeOperationError, type IWebhookFunctions, type IWebhookResponseData } from 'n8n-workflow';

import { openSelectedStore } from '../../shared/storeSelection';
import { admit, seenOf } from '../delivery/eventQueue';
import { orderUpdateKey } from '../delivery/orderUpdateKey';
import { signalQueue } from '../delivery/queueSignal';
import { readSettings } from '../settings';
import { appSecretOf } from './appCredentials';
import { normalizeEvent } from './normalizeEvent';
import { parseDelivery, type TikTokEnvelope } from './parseDelivery';
import { isSelected } from './selectEvent';

/**
 * Answers TikTok itself, with an empty body, before any workflow work: 401 for a bad signature or a stale
 * delivery, 400 for a malformed body, 200 for everything accepted, filtered out or already seen.
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
		if (delivery.credentialIncomplete) this.logger.warn(`TikTok Shop Trigger refused a delivery (401): ${delivery.reason}`);
		return answer(delivery.status);
	}
	if (!isSelected(delivery.envelope, settings.selection)) return answer(200);

	const item = normalizeEvent(delivery.envelope, delivery.dedupeKey, new Date(now).toISOString());
	if (this.getMode() === 'manual') return { workflowData: [[{ json: item }]] };

	const store = await openSelectedStore(this);
	const orderUpdate = orderUpdateOf(delivery.envelope);
	const dedupe = { keys: orderUpdate ? [delivery.dedupeKey, orderUpdate] : [delivery.dedupeKey], ttlMs: settings.dedupeTtlMs };
	if (!settings.guaranteed) {
		for (const key of dedupe.keys) if (!(await store.claim(seenOf(settings.queue), key, dedupe.ttlMs))) return answer(200);
		response.status(200).end();
		return { noWebhookResponse: true, workflowData: [[{ json: item }]] };
	}
	let accepted: boolean;
	try {
		accepted = await admit(store, settings.queue, dedupe, delivery.dedupeKey, item, now);
	} catch (error) {
		// Nothing was claimed or stored, and TikTok, not answered 200, delivers it again.
		throw new NodeOperationError(this.getNode(), error as Error, { description: 'The event was not stored, so TikTok was not told it arrived and will deliver it again.' });
	}
	if (!accepted) return answer(200);
	signalQueue(settings.queue);
	return answer(200);
}

/** Order status changes also carry the order's update time: the key the missed-update recovery claims too. */
function orderUpdateOf(envelope: TikTokEnvelope): string | undefined {
	const data = envelope.data ?? {};
	if (envelope.type !== 1 || data.order_id === undefined || typeof data.update_time !== 'number') return undefined;
	return orderUpdateKey(String(data.order_id), data.update_time);
}
