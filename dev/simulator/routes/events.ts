import { isIP } from 'node:net';
import { ApiError, Code, gateway } from '../errors';
import { requiredString, type Route } from '../route';

export const EVENT_TYPES = [
	'ORDER_STATUS_CHANGE',
	'REVERSE_STATUS_UPDATE',
	'RECIPIENT_ADDRESS_UPDATE',
	'PACKAGE_UPDATE',
	'PRODUCT_STATUS_CHANGE',
	'SELLER_DEAUTHORIZATION',
	'UPCOMING_AUTHORIZATION_EXPIRATION',
	'CANCELLATION_STATUS_CHANGE',
	'RETURN_STATUS_CHANGE',
	'NEW_CONVERSATION',
	'NEW_MESSAGE',
	'PRODUCT_INFORMATION_CHANGE',
	'PRODUCT_CREATION',
	'PRODUCT_CATEGORY_CHANGE',
	'NEW_MESSAGE_LISTENER',
	'INVOICE_STATUS_CHANGE',
	'PRODUCT_AUDIT_STATUS_CHANGE',
];

const LOOPBACK_HOSTS = new Set(['127.0.0.1', 'localhost', '[::1]']);

/**
 * TikTok's rules: https only, a domain name (no IP), no port, at most 255 characters. The one exception here is
 * loopback over plain http with any port, because the n8n instance under test listens on 127.0.0.1 without TLS
 * and the simulator only ever delivers there; every other address is held to TikTok's rules.
 */
function addressProblem(address: string): string | undefined {
	if (address.length > 255) return 'address must be at most 255 characters';
	let url: URL;
	try {
		url = new URL(address);
	} catch {
		return 'address is not a URL';
	}
	if (LOOPBACK_HOSTS.has(url.hostname) && (url.protocol === 'http:' || url.protocol === 'https:'))
		return undefined;
	if (url.protocol !== 'https:') return 'address must use https://';
	if (isIP(url.hostname.replace(/^\[|\]$/g, '')))
		return 'address must use a domain name, not an IP address';
	if (url.port) return 'address must not contain a port';
	return undefined;
}

function eventType(body: Record<string, unknown>): string {
	const type = requiredString(body, 'event_type');
	if (!EVENT_TYPES.includes(type))
		throw gateway.invalid(`event_type ${type} is not a webhook event type`);
	return type;
}

export const eventRoutes: Route[] = [
	{
		method: 'GET',
		path: '/event/202309/webhooks',
		handle: ({ state }) => ({ webhooks: state.webhooks, total_count: state.webhooks.length }),
	},
	{
		method: 'PUT',
		path: '/event/202309/webhooks',
		handle: ({ state, body, now, record }) => {
			const type = eventType(body);
			const address = requiredString(body, 'address');
			const problem = addressProblem(address);
			if (problem)
				throw new ApiError(Code.WEBHOOK_ADDRESS_INVALID, `Invalid webhook address: ${problem}`);
			const existing = state.webhooks.find((webhook) => webhook.event_type === type);
			if (existing) {
				existing.address = address;
				existing.update_time = now;
			} else {
				state.webhooks.push({ event_type: type, address, create_time: now, update_time: now });
			}
			record({ type: 'webhookRegister', eventType: type, address });
			return {};
		},
	},
	{
		method: 'DELETE',
		path: '/event/202309/webhooks',
		handle: ({ state, body, record }) => {
			const type = eventType(body);
			const index = state.webhooks.findIndex((webhook) => webhook.event_type === type);
			if (index >= 0) {
				state.webhooks.splice(index, 1);
				record({ type: 'webhookDelete', eventType: type });
			}
			return {};
		},
	},
];
