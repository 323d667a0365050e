import type { TikTokShopClient } from '..';
import { eventPaths } from './paths';

/**
 * Event webhooks (reference §3): TikTok keeps one address per event type for the app and shop. Get lists them,
 * Update (PUT) points one event type at an address, Delete removes an event type's address.
 */
export interface WebhookRecord {
	event_type: string;
	address: string;
}

export async function getWebhooks(client: TikTokShopClient): Promise<WebhookRecord[]> {
	const { data } = await client.get<{ webhooks?: WebhookRecord[] }>(eventPaths.webhooks);
	return data?.webhooks ?? [];
}

export async function updateWebhook(
	client: TikTokShopClient,
	eventType: string,
	address: string,
): Promise<void> {
	await client.request({
		method: 'PUT',
		path: eventPaths.webhooks,
		body: { address, event_type: eventType },
	});
}

export async function deleteWebhook(client: TikTokShopClient, eventType: string): Promise<void> {
	await client.request({
		method: 'DELETE',
		path: eventPaths.webhooks,
		body: { event_type: eventType },
	});
}
