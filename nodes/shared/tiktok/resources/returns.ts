import { pages, type TikTokShopClient } from '..';

/** Search Returns `POST /return_refund/202309/returns/search`, page_size 10–50 (reference §7). */
export const RETURN_SEARCH_PATH = '/return_refund/202309/returns/search';
export const RETURN_SEARCH_PAGE_SIZE = 50;

export interface ReturnRecord {
	return_id: string;
	order_id: string;
	return_type?: string;
	return_status: string;
	arbitration_status?: string;
	create_time: number;
	update_time?: number;
	seller_next_action_response?: Array<{ action: string; deadline: number }>;
	[field: string]: unknown;
}

export async function searchReturns(
	client: TikTokShopClient,
	filter: { create_time_ge?: number; create_time_lt?: number },
): Promise<ReturnRecord[]> {
	const body = Object.fromEntries(
		Object.entries(filter).filter(([, value]) => value !== undefined),
	);
	const all: ReturnRecord[] = [];
	const request = {
		method: 'POST' as const,
		path: RETURN_SEARCH_PATH,
		query: { sort_field: 'create_time' },
		body,
	};
	for await (const page of pages<ReturnRecord>(client, request, 'return_orders', {
		pageSize: RETURN_SEARCH_PAGE_SIZE,
	}))
		all.push(...page);
	return all;
}

/** Every status a return or refund can have, as Search Returns filters by them. */
export const RETURN_STATUSES = [
	'RETURN_OR_REFUND_REQUEST_PENDING',
	'REFUND_OR_RETURN_REQUEST_REJECT',
	'AWAITING_BUYER_SHIP',
	'BUYER_SHIPPED_ITEM',
	'REJECT_RECEIVE_PACKAGE',
	'RETURN_OR_REFUND_REQUEST_SUCCESS',
	'RETURN_OR_REFUND_REQUEST_CANCEL',
	'RETURN_OR_REFUND_REQUEST_COMPLETE',
];
