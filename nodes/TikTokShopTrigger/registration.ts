import { NodeOperationError, type IHookFunctions } from 'n8n-workflow';

import { getTikTokClient, toNodeError } from '../shared/tiktok';
import { EVENT_TYPES } from '../shared/events/eventTypes';
import { events } from '../shared/tiktok/resources';

type RegisteredWebhook = events.WebhookRecord;

/** Event API names of the chosen types; codes without one can only be subscribed to in Partner Center. */
export function registrableEventTypes(codes: number[]): string[] {
	const chosen = codes.length
		? EVENT_TYPES.filter((type) => codes.includes(type.code))
		: EVENT_TYPES;
	return chosen.flatMap((type) => (type.eventType ? [type.eventType] : []));
}

function selectedTypes(context: IHookFunctions): string[] {
	return registrableEventTypes(context.getNodeParameter('events', []) as number[]);
}

async function registered(context: IHookFunctions): Promise<RegisteredWebhook[]> {
	const client = await getTikTokClient.call(context);
	return await events.getWebhooks(client);
}

/** TikTok's rules for a webhook address (reference §3), checked before TikTok refuses it with a vaguer message. */
function assertAcceptableAddress(context: IHookFunctions, url: string, apiBaseUrl: string): void {
	const address = new URL(url);
	const toSimulator = /^http:\/\/(127\.\d+\.\d+\.\d+|localhost)(:\d+)?$/.test(
		apiBaseUrl.replace(/\/+$/, ''),
	);
	if (toSimulator) return;
	const problems = [
		address.protocol !== 'https:' && 'it must start with https://',
		address.port && 'it must not name a port',
		/^[\d.]+$|^\[/.test(address.hostname) && 'it must use a domain name, not an IP address',
		url.length > 255 && 'it must be at most 255 characters',
	].filter(Boolean);
	if (problems.length) {
		throw new NodeOperationError(
			context.getNode(),
			`TikTok will not accept the webhook address ${url}: ${problems.join('; ')}.`,
			{
				description:
					'Set n8n\'s WEBHOOK_URL to your public https address, or turn off "Register Webhook with TikTok" and set the URL in Partner Center.',
			},
		);
	}
}

/** TikTok keeps one address per event type: registering here silently stops deliveries to the other workflow. */
function warnAboutTakeovers(
	context: IHookFunctions,
	current: RegisteredWebhook[],
	url: string,
): void {
	const taken = current.filter(
		(hook) => hook.address !== url && selectedTypes(context).includes(hook.event_type),
	);
	for (const hook of taken) {
		context.logger.warn(
			`TikTok Shop Trigger: ${hook.event_type} was sent to ${hook.address}; it now goes to ${url} instead. TikTok keeps one webhook address per event type, so that other workflow no longer receives it.`,
		);
	}
}

export const registration = {
	async checkExists(this: IHookFunctions): Promise<boolean> {
		if (!this.getNodeParameter('registerWebhook', true)) return true;
		const url = this.getNodeWebhookUrl('default') as string;
		try {
			const current = await registered(this);
			return selectedTypes(this).every((type) =>
				current.some((hook) => hook.event_type === type && hook.address === url),
			);
		} catch (error) {
			throw toNodeError(this.getNode(), error);
		}
	},

	async create(this: IHookFunctions): Promise<boolean> {
		if (!this.getNodeParameter('registerWebhook', true)) return true;
		const url = this.getNodeWebhookUrl('default') as string;
		try {
			const client = await getTikTokClient.call(this);
			const credentials = await this.getCredentials('tikTokShopApi');
			assertAcceptableAddress(this, url, credentials.baseUrl as string);
			warnAboutTakeovers(this, await registered(this), url);
			for (const eventType of selectedTypes(this)) {
				await events.updateWebhook(client, eventType, url);
			}
			const current = await registered(this);
			const missing = selectedTypes(this).filter(
				(type) => !current.some((hook) => hook.event_type === type && hook.address === url),
			);
			if (missing.length) {
				throw new NodeOperationError(
					this.getNode(),
					`TikTok did not keep the webhook for ${missing.join(', ')}`,
					{
						description:
							"Check the app's webhook permissions in Partner Center, then activate the workflow again.",
					},
				);
			}
			return true;
		} catch (error) {
			throw toNodeError(this.getNode(), error);
		}
	},

	async delete(this: IHookFunctions): Promise<boolean> {
		if (!this.getNodeParameter('registerWebhook', true)) return true;
		const url = this.getNodeWebhookUrl('default') as string;
		try {
			const client = await getTikTokClient.call(this);
			// Only registrations that point at this workflow: another workflow or app may own the rest.
			for (const hook of (await registered(this)).filter((webhook) => webhook.address === url)) {
				await events.deleteWebhook(client, hook.event_type);
			}
			return true;
		} catch (error) {
			throw toNodeError(this.getNode(), error);
		}
	},
};
