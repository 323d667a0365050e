import { NodeOperationError, type IExecuteFunctions } from 'n8n-workflow';

import { openStore, type StoreConfig } from '../../../shared/store';
import type { CarrierRule } from './carrierMapping';
import { DEFAULT_FIELD_NAMES, type FieldNames } from './inputContract';
import { MAX_BATCH_SIZE } from './tiktokShipping';
import { TrackingHistory } from './trackingHistory';

export interface NodeSettings {
	fieldNames: FieldNames;
	rules: CarrierRule[];
	fallback: string;
	updateTracking: boolean;
	closeToLineHours: number;
	batchSize: number;
	windowMs: number;
	requestsPerSecond?: number;
	maxRetries?: number;
	history: 'none' | 'embedded' | 'redis';
	historyDays: number;
	historyFile: string;
}

interface Options {
	batchSize?: number;
	historyDays?: number;
	historyFile?: string;
	maxRetries?: number;
	requestsPerSecond?: number;
}

/** The node's parameters are the same for every item of a run: read once, from item 0. */
export function readSettings(context: IExecuteFunctions): NodeSettings {
	const names = context.getNodeParameter('fieldNames', 0, {}) as Partial<FieldNames>;
	const fieldNames = Object.fromEntries(
		Object.entries(DEFAULT_FIELD_NAMES).map(([key, fallback]) => [
			key,
			(names[key as keyof FieldNames] ?? '').trim() || fallback,
		]),
	) as FieldNames;
	const mapping = context.getNodeParameter('carrierMapping', 0, {}) as { rules?: CarrierRule[] };
	const options = context.getNodeParameter('options', 0, {}) as Options;
	const collect = context.getNodeParameter('batching', 0, 'shipNow') === 'collect';
	return {
		fieldNames,
		rules: (mapping.rules ?? []).filter(
			(rule) => rule.carrierText?.trim() && rule.provider?.trim(),
		),
		fallback: (context.getNodeParameter('defaultProvider', 0, '') as string).trim(),
		updateTracking: context.getNodeParameter('updateTracking', 0, false) as boolean,
		closeToLineHours: context.getNodeParameter('closeToLineHours', 0, 12) as number,
		// Workflows saved when the option allowed 100 keep their value: clamp it.
		batchSize: Math.min(
			MAX_BATCH_SIZE,
			Math.max(1, Math.floor(options.batchSize ?? MAX_BATCH_SIZE)),
		),
		windowMs: collect
			? Math.max(1, context.getNodeParameter('windowSeconds', 0, 10) as number) * 1000
			: 0,
		requestsPerSecond: options.requestsPerSecond,
		maxRetries: options.maxRetries,
		history: context.getNodeParameter('trackingHistory', 0, 'embedded') as NodeSettings['history'],
		historyDays: options.historyDays ?? 90,
		historyFile: (options.historyFile ?? '').trim(),
	};
}

interface RedisCredential {
	host?: string;
	port?: number;
	database?: number;
	user?: string;
	password?: string;
	ssl?: boolean;
	keyPrefix?: string;
}

/** The durable history the user picked, per shop; undefined when it is off. */
export async function openTrackingHistory(
	context: IExecuteFunctions,
	settings: NodeSettings,
	shopKey: string,
): Promise<TrackingHistory | undefined> {
	if (settings.history === 'none') return undefined;
	let config: StoreConfig;
	if (settings.history === 'redis') {
		const credential = (await context.getCredentials('tikTokShopRedis')) as RedisCredential;
		config = {
			kind: 'redis',
			host: credential.host,
			port: credential.port,
			db: credential.database,
			username: credential.user || undefined,
			password: credential.password || undefined,
			tls: credential.ssl === true,
			keyPrefix: credential.keyPrefix || undefined,
		};
	} else {
		config = { kind: 'embedded', ...(settings.historyFile ? { path: settings.historyFile } : {}) };
	}
	try {
		const store = await openStore(config);
		return new TrackingHistory(
			store,
			`ship-batcher:tracking:${shopKey}`,
			settings.historyDays * 86400 * 1000,
		);
	} catch (error) {
		throw new NodeOperationError(
			context.getNode(),
			error instanceof Error ? error : new Error(String(error)),
			{
				description:
					settings.history === 'redis'
						? 'The tracking number history could not reach Redis. Check the Redis credential, or set Tracking Number History to Off.'
						: 'The tracking number history file could not be opened. Check the History File option and that n8n may write there, or set Tracking Number History to Off.',
			},
		);
	}
}
