import { sameOrderStatus } from '../../shared/events/eventTypes';
import type { WebhookEnvelope } from '../../shared/events/webhookEnvelope';

export interface EventSelection {
	/** Empty: every type. */
	types: number[];
	/** Only for type 1; empty: every status. */
	orderStatuses: string[];
	skipOnHold: boolean;
}

/** Whether the workflow wants this event; unwanted ones are still acknowledged so TikTok does not retry them. */
export function isSelected(envelope: WebhookEnvelope, selection: EventSelection): boolean {
	if (selection.types.length && !selection.types.includes(envelope.type)) return false;
	if (envelope.type !== 1) return true;
	const data = envelope.data ?? {};
	if (selection.skipOnHold && data.is_on_hold_order === true) return false;
	return (
		!selection.orderStatuses.length || sameOrderStatus(data.order_status, selection.orderStatuses)
	);
}
