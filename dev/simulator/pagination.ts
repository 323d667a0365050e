import { createHash } from 'node:crypto';
import { gateway } from './errors';

/**
 * Page tokens are opaque to clients: base64url of an offset plus a fingerprint of the query, so a token reused with
 * different filters is refused instead of silently returning the wrong slice.
 */
export interface Page<T> {
	items: T[];
	next_page_token: string;
	total_count: number;
}

function fingerprint(query: unknown): string {
	return createHash('sha256').update(JSON.stringify(query)).digest('hex').slice(0, 12);
}

export function paginate<T>(
	all: T[],
	pageSize: number,
	pageToken: string | undefined,
	query: unknown,
): Page<T> {
	let offset = 0;
	if (pageToken) {
		const [text, print] = Buffer.from(pageToken, 'base64url').toString('utf8').split(':');
		offset = Number(text);
		if (!Number.isInteger(offset) || offset < 0 || print !== fingerprint(query))
			throw gateway.invalid('page_token is invalid or belongs to another query');
	}
	const end = offset + pageSize;
	return {
		items: all.slice(offset, end),
		next_page_token:
			end < all.length ? Buffer.from(`${end}:${fingerprint(query)}`).toString('base64url') : '',
		total_count: all.length,
	};
}

/** page_size as TikTok checks it: present when required, an integer, inside the API's range. */
export function pageSize(
	raw: string | undefined,
	range: { min: number; max: number; fallback?: number },
): number {
	if (raw === undefined || raw === '') {
		if (range.fallback !== undefined) return range.fallback;
		throw gateway.invalid('page_size is required');
	}
	const value = Number(raw);
	if (!Number.isInteger(value) || value < range.min || value > range.max) {
		throw gateway.invalid(`page_size must be an integer between ${range.min} and ${range.max}`);
	}
	return value;
}

export function sortOrder(raw: string | undefined): 1 | -1 {
	if (raw === undefined || raw === 'DESC') return -1;
	if (raw === 'ASC') return 1;
	throw gateway.invalid('sort_order must be ASC or DESC');
}
