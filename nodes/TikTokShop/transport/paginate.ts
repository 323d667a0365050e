import type { TikTokShopClient } from './client';
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
		const query = { ...request.query, page_size: options.pageSize, ...(pageToken ? { page_token: pageToken } : {}) };
		const { data } = await client.request<Record<string, unknown>>({ ...request, query });
		let list = (data?.[listKey] as T[] | undefined) ?? [];
		if (options.maxItems && seen + list.length > options.maxItems) list = list.slice(0, options.maxItems - seen);
		seen += list.length;
		if (list.length) yield list;
		pageToken = (data?.next_page_token as string | undefined) || undefined;
	} while (pageToken && !(options.maxItems && seen >= options.maxItems));
}

export async function collectPages<T>(
	client: TikTokShopClient,
	request: TikTokRequest,
	listKey: string,
	options: PageOptions,
): Promise<T[]> {
	const all: T[] = [];
	for await (const page of pages<T>(client, request, listKey, options)) all.push(...page);
	return all;
}
