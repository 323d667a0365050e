import type { IBinaryKeyData, IDataObject, IExecuteFunctions } from 'n8n-workflow';

import type { TikTokShopClient } from '../../../shared/tiktok';

export type HealthOperationName = 'ordersAtRisk' | 'computeMetrics' | 'getPerformanceScore';

export interface HealthOutput {
	json: IDataObject;
	binary?: IBinaryKeyData;
}

/** One operation: the fields it reads, and what it returns for one input item. */
export interface HealthOperation {
	execute(
		this: IExecuteFunctions,
		client: TikTokShopClient,
		itemIndex: number,
	): Promise<HealthOutput[]>;
}

/** Calls `work` for each entry with at most `limit` running at once; results keep the input order. */
export async function mapLimited<T, R>(
	entries: T[],
	limit: number,
	work: (entry: T) => Promise<R>,
): Promise<R[]> {
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

/**
 * Runs `work` for entries added over time with at most `limit` running at once, with no pause between batches.
 * `done()` resolves once everything added has run, or rejects with the first failure (nothing new starts after it).
 */
export function limitedQueue<T>(
	limit: number,
	work: (entry: T) => Promise<void>,
): { add(entries: T[]): void; done(): Promise<void> } {
	const queue: T[] = [];
	const running = new Set<Promise<void>>();
	let failed = false;
	let failure: unknown;
	const runner = async () => {
		while (queue.length > 0 && !failed) await work(queue.shift() as T);
	};
	const start = () => {
		while (running.size < limit && queue.length > 0 && !failed) {
			const run: Promise<void> = runner()
				.catch((error: unknown) => {
					if (!failed) failure = error;
					failed = true;
				})
				.finally(() => running.delete(run));
			running.add(run);
		}
	};
	return {
		add(entries) {
			queue.push(...entries);
			start();
		},
		async done() {
			while (running.size > 0) await Promise.all(running);
			if (failed) throw failure;
		},
	};
}
