import { pages, type TikTokShopClient } from '..';
import type { Query } from '../sign';

/**
 * A token-paged list of one resource: how TikTok is asked for it (GET with the filter in the query, or POST with the
 * filter as the body), the key of the list in `data`, the page size and the default sort field.
 */
export interface ListSpec {
	method: 'GET' | 'POST';
	path: string;
	listKey: string;
	pageSize: number;
	sortField: string;
}

export interface ListOptions {
	/** The spec's sort field unless given. */
	sortField?: string;
	/** TikTok's default order unless `ASC` or `DESC`. */
	sortOrder?: 'ASC' | 'DESC';
	/** Stop after this many records (0 or undefined: all). */
	maxItems?: number;
}

/** A filter as TikTok gets it: fields left undefined are left out, the others keep their order. */
function definedOnly(filter: object): Record<string, unknown> {
	return Object.fromEntries(Object.entries(filter).filter(([, value]) => value !== undefined));
}

/** Yields each page of a list, following `next_page_token` (paginate.ts); the caller decides when to stop. */
export function listPages<T>(
	client: TikTokShopClient,
	spec: ListSpec,
	filter: object,
	options: ListOptions = {},
): AsyncGenerator<T[]> {
	const sort: Query = {
		sort_field: options.sortField ?? spec.sortField,
		...(options.sortOrder ? { sort_order: options.sortOrder } : {}),
	};
	const request =
		spec.method === 'GET'
			? { method: spec.method, path: spec.path, query: { ...sort, ...(filter as Query) } }
			: { method: spec.method, path: spec.path, query: sort, body: definedOnly(filter) };
	return pages<T>(client, request, spec.listKey, {
		pageSize: spec.pageSize,
		maxItems: options.maxItems,
	});
}
