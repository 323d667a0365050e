import type { IBinaryKeyData, IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import type { TikTokShopClient } from '../../../shared/tiktok';

export type HealthOperationName = 'ordersAtRisk' | 'computeMetrics' | 'getPerformanceScore';

export interface HealthOutput {
	json: IDataObject;
	binary?: IBinaryKeyData;
}

/** One operation: the fields it reads, and what it returns for one input item. */
export interface HealthOperation {
	description: INodeProperties[];
	execute(this: IExecuteFunctions, client: TikTokShopClient, itemIndex: number): Promise<HealthOutput[]>;
}

/** Calls `work` for each entry with at most `limit` running at once; results keep the input order. */
export async function mapLimited<T, R>(entries: T[], limit: number, work: (entry: T) => Promise<R>): Promise<R[]> {
	const results: R[] = new Array(entries.length);
	let next = 0;
	const runners = Array.from({ length: Math.min(limit, entries.length) }, async () => {
		while (next < entries.length) {
			const index = next++;
			results[index] = await work(entries[index]);
		}
	});
	await Promise.all(runners);
	return results;
}
