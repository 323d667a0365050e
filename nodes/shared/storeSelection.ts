import {
	NodeOperationError,
	type IExecuteFunctions,
	type IHookFunctions,
	type INodeProperties,
	type ITriggerFunctions,
	type IWebhookFunctions,
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
	if (kind !== 'redis') {
		if (inQueueMode()) throw embeddedInQueueMode(context);
		return { kind: 'embedded' };
	}
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

/** n8n's queue mode (main, webhook processors and workers, each with its own files). */
export const inQueueMode = (env: NodeJS.ProcessEnv = process.env) =>
	env.EXECUTIONS_MODE === 'queue';

/**
 * In queue mode each n8n process would open its own SQLite file: a webhook processor would queue and dedupe events
 * where main and the workers never look, and they would wait there unprocessed. Refused, with the fix.
 */
function embeddedInQueueMode(context: Context): NodeOperationError {
	return new NodeOperationError(
		context.getNode(),
		'State Store "Embedded" does not work in n8n\'s queue mode: each n8n process would keep its own file',
		{
			description:
				'Set State Store to Redis and choose a TikTok Shop Ops Redis credential, the same in every workflow (README: Queue mode).',
		},
	);
}

export async function openSelectedStore(
	context: Context,
	itemIndex = 0,
	use: StoreUse = {},
): Promise<DurableStore> {
	return await openStore(await storeConfigOf(context, itemIndex, use));
}
