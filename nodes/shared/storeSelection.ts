import type {
	IExecuteFunctions,
	IHookFunctions,
	INodeProperties,
	ITriggerFunctions,
	IWebhookFunctions,
} from 'n8n-workflow';

import { openStore, type DurableStore, type StoreConfig } from './store';

export const REDIS_CREDENTIAL_NAME = 'tikTokShopRedis';

type Context = IExecuteFunctions | IWebhookFunctions | ITriggerFunctions | IHookFunctions;

/** The same choice on every node that keeps state, so a trigger and the node that replays its events agree. */
export const storeProperty: INodeProperties = {
	displayName: 'State Store',
	name: 'stateStore',
	type: 'options',
	noDataExpression: true,
	options: [
		{
			name: 'Embedded (Single n8n Instance)',
			value: 'embedded',
			description: 'A SQLite file in the n8n folder. Survives restarts; needs no server.',
		},
		{
			name: 'Redis (Queue Mode)',
			value: 'redis',
			description:
				'Needed when n8n runs in queue mode, so every webhook and worker process shares the same state',
		},
	],
	default: 'embedded',
};

export interface StoreUse {
	/** Give up on Redis after this long instead of riding out a reconnect (see RedisStoreConfig.failAfterMs). */
	failAfterMs?: number;
}

export async function storeConfigOf(
	context: Context,
	itemIndex = 0,
	use: StoreUse = {},
): Promise<StoreConfig> {
	const kind = context.getNodeParameter('stateStore', itemIndex, 'embedded') as string;
	if (kind !== 'redis') return { kind: 'embedded' };
	const credentials = await context.getCredentials(REDIS_CREDENTIAL_NAME);
	return {
		kind: 'redis',
		host: credentials.host as string,
		port: credentials.port as number,
		username: (credentials.user as string) || undefined,
		password: (credentials.password as string) || undefined,
		db: credentials.database as number,
		tls: credentials.ssl as boolean,
		keyPrefix: (credentials.keyPrefix as string) || undefined,
		...(use.failAfterMs !== undefined ? { failAfterMs: use.failAfterMs } : {}),
	};
}

export async function openSelectedStore(
	context: Context,
	itemIndex = 0,
	use: StoreUse = {},
): Promise<DurableStore> {
	return await openStore(await storeConfigOf(context, itemIndex, use));
}
