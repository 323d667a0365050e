import type { TikTokShopClient } from './client';
import { TikTokApiError } from './errors';
import type { TikTokRequest } from './types';

export interface PageOptions {
	/** Stop after this many items (0 or undefined: all). */
	maxItems?: number;
	pageSize: number;
}

/**
 * Follows `next_page_token` until TikTok returns an empty one, yielding each page's list (`listKey` in `data`).
 */
export async function* pages<T>(
	client: TikTokShopClient,
	request: TikTokRequest,
	listKey: string,
	options: PageOptions,
): AsyncGenerator<T[]> {
	let pageToken: string | undefined;
	let seen = 0;
	do {
		const query = {
			...request.query,
			page_size: options.pageSize,
			...(pageToken ? { page_token: pageToken } : {}),
		};
		const { data } = await client.request<Record<string, unknown>>({ ...request, query });
		let list = (data?.[listKey] as T[] | undefined) ?? [];
		if (options.maxItems && seen + list.length > options.maxItems)
			list = list.slice(0, options.maxItems - seen);
		seen += list.length;
		if (list.length) yield list;
		const next = (data?.next_page_token as string | undefined) || undefined;
		if (next && next === pageToken) {
			throw new TikTokApiError({
				code: -1,
				message: `TikTok returned the same page token twice; stopped after ${seen} items`,
				method: request.method,
				path: request.path,
			});
		}
		pageToken = next;
	} while (pageToken && !(options.maxItems && seen >= options.maxItems));
}

export async function collectPages<T>(
	client: TikTokShopClient,
	request: TikTokRequest,
	listKey: string,
	options: PageOptions,
): Promise<T[]> {
	return await collect(pages<T>(client, request, listKey, options));
}

/** Every item of a paged list, in order. */
export async function collect<T>(list: AsyncIterable<T[]>): Promise<T[]> {
	const all: T[] = [];
	for await (const page of list) all.push(...page);
	return all;
}
