import type { ICredentialType, INodeProperties, Icon } from 'n8n-workflow';

/**
 * The Redis server that holds the pack's durable state when n8n runs in queue mode (several webhook and worker
 * processes must see the same dedupe keys, retry queue and stock ledger). Tested by the TikTok Shop Trigger node.
 */
export class TikTokShopRedis implements ICredentialType {
	name = 'tikTokShopRedis';

	displayName = 'TikTok Shop Ops Redis';

	icon: Icon = { light: 'file:tiktokShop.svg', dark: 'file:tiktokShop.dark.svg' };

	documentationUrl = 'https://docs.n8n.io/hosting/scaling/queue-mode/';

	properties: INodeProperties[] = [
		{ displayName: 'Host', name: 'host', type: 'string', default: 'localhost' },
		{ displayName: 'Port', name: 'port', type: 'number', default: 6379 },
		{
			displayName: 'User',
			name: 'user',
			type: 'string',
			default: '',
			description: 'Only for Redis 6+ ACL users',
		},
		{
			displayName: 'Password',
			name: 'password',
			type: 'string',
			typeOptions: { password: true },
			default: '',
		},
		{ displayName: 'Database Number', name: 'database', type: 'number', default: 0 },
		{ displayName: 'SSL', name: 'ssl', type: 'boolean', default: false },
		{
			displayName: 'Key Prefix',
			name: 'keyPrefix',
			type: 'string',
			default: 'tiktok-shop-ops:',
			description: "Keeps the pack's keys apart from n8n's own queue keys when both share a Redis",
		},
	];
}
