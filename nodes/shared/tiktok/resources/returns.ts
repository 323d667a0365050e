import { collect, type TikTokShopClient } from '..';
import type { Query } from '../sign';
import { listPages, type ListOptions, type ListSpec } from './lists';
import { returnPaths } from './paths';

/**
 * Returns and cancellations (reference §7): Search Returns and Search Cancellations (page_size 10–50, following
 * `next_page_token`), the reject reasons of a case, and the seller's answers (approve or reject a return, reject a
 * cancellation). The answers take an `idempotency_key`, so a retried call is applied once.
 */
/** Page sizes from the reference: returns 10–50, cancellations 1–50; the largest keeps the call count low. */
export const RETURN_SEARCH_PAGE_SIZE = 50;
export const CANCELLATION_SEARCH_PAGE_SIZE = 50;
/** The smallest page Search Returns accepts (a look-up of one return still asks for 10). */
const RETURN_SEARCH_MIN_PAGE_SIZE = 10;

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

export interface CancellationRecord {
	cancel_id: string;
	order_id: string;
	cancel_type?: string;
	cancel_status?: string;
	create_time?: number;
	update_time?: number;
	[field: string]: unknown;
}

export interface ReturnSearchFilter {
	return_status?: string[];
	return_types?: string[];
	return_ids?: string[];
	order_ids?: string[];
	create_time_ge?: number;
	create_time_lt?: number;
	update_time_ge?: number;
	[field: string]: unknown;
}

export interface CancellationSearchFilter {
	cancel_status?: string[];
	cancel_ids?: string[];
	create_time_ge?: number;
	[field: string]: unknown;
}

const RETURN_SEARCH: ListSpec = {
	method: 'POST',
	path: returnPaths.searchReturns,
	listKey: 'return_orders',
	pageSize: RETURN_SEARCH_PAGE_SIZE,
	sortField: 'create_time',
};
const CANCELLATION_SEARCH: ListSpec = {
	method: 'POST',
	path: returnPaths.searchCancellations,
	listKey: 'cancellations',
	pageSize: CANCELLATION_SEARCH_PAGE_SIZE,
	sortField: 'create_time',
};

/** Search Returns, every page (newest created first), or up to `maxItems`. */
export async function searchReturns<T = ReturnRecord>(
	client: TikTokShopClient,
	filter: ReturnSearchFilter,
	options: ListOptions = {},
): Promise<T[]> {
	return await collect(listPages<T>(client, RETURN_SEARCH, filter, options));
}

/** Search Cancellations, every page (newest created first), or up to `maxItems`. */
export async function searchCancellations<T = CancellationRecord>(
	client: TikTokShopClient,
	filter: CancellationSearchFilter,
	options: ListOptions = {},
): Promise<T[]> {
	return await collect(listPages<T>(client, CANCELLATION_SEARCH, filter, options));
}

/** One return as TikTok holds it now, or undefined when TikTok does not know it. */
export async function findReturn<T extends { return_id: string | number } = ReturnRecord>(
	client: TikTokShopClient,
	returnId: string,
): Promise<T | undefined> {
	const { data } = await client.request<{ return_orders?: T[] }>({
		method: 'POST',
		path: returnPaths.searchReturns,
		query: { page_size: RETURN_SEARCH_MIN_PAGE_SIZE },
		body: { return_ids: [returnId] },
	});
	return data?.return_orders?.find((found) => String(found.return_id) === returnId);
}

/** One cancellation as TikTok holds it now, or undefined when TikTok does not know it. */
export async function findCancellation<
	T extends { cancel_id: string | number } = CancellationRecord,
>(client: TikTokShopClient, cancelId: string): Promise<T | undefined> {
	const { data } = await client.request<{ cancellations?: T[] }>({
		method: 'POST',
		path: returnPaths.searchCancellations,
		query: { page_size: 1 },
		body: { cancel_ids: [cancelId] },
	});
	return data?.cancellations?.find((found) => String(found.cancel_id) === cancelId);
}

/** A reason TikTok accepts for rejecting one return or cancellation: `name` is sent, `text` is shown. */
export interface RejectReason {
	name: string;
	text: string;
}

/** The reasons TikTok accepts for rejecting this return or cancellation (they depend on the case). */
export async function getRejectReasons(
	client: TikTokShopClient,
	caseId: string,
): Promise<RejectReason[]> {
	const { data } = await client.get<{ reasons?: RejectReason[] }>(returnPaths.rejectReasons, {
		return_or_cancel_id: caseId,
	});
	return data?.reasons ?? [];
}

/** A seller's answer to a case, sent once per idempotency key. */
export interface CaseAnswer {
	body: Record<string, unknown>;
	idempotencyKey: string;
}

export interface AnswerResult<T> {
	data: T;
	requestId?: string;
}

/** A seller's answer to one case: POST to the case's path, once per idempotency key. */
function caseAnswer(path: (caseId: string) => string) {
	return async <T = Record<string, unknown>>(
		client: TikTokShopClient,
		caseId: string,
		{ body, idempotencyKey }: CaseAnswer,
	): Promise<AnswerResult<T>> => {
		const query: Query = { idempotency_key: idempotencyKey };
		return await client.request<T>({ method: 'POST', path: path(caseId), query, body });
	};
}

/** Approve Return: `decision` (and a partial refund) in the body. */
export const approveReturn = caseAnswer(returnPaths.approveReturn);
/** Reject Return: `decision`, `reject_reason`, comment and evidence image ids in the body. */
export const rejectReturn = caseAnswer(returnPaths.rejectReturn);
/** Reject Cancellation: `reject_reason`, comment and evidence image ids in the body. */
export const rejectCancellation = caseAnswer(returnPaths.rejectCancellation);

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
