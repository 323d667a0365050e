import type { TikTokShopClient } from '..';
import { listPages, type ListOptions, type ListSpec } from './lists';
import { financePaths } from './paths';

/**
 * Finance (reference §8): statements, payments and the 202501 statement transactions (by statement, by order).
 * Amounts are TikTok's decimal strings; every list is token-paged, 100 a page.
 */
export const FINANCE_PAGE_SIZE = 100;

export interface StatementRecord {
	id: string;
	statement_time: number;
	settlement_amount?: string;
	currency?: string;
	payment_status?: string;
	[field: string]: unknown;
}

export interface StatementFilter {
	statement_time_ge?: number;
	statement_time_lt?: number;
	payment_status?: string;
}

export interface PaymentFilter {
	create_time_ge?: number;
	create_time_lt?: number;
}

const list = (path: string, listKey: string, sortField: string): ListSpec => ({
	method: 'GET',
	path,
	listKey,
	pageSize: FINANCE_PAGE_SIZE,
	sortField,
});

/** Get Statements, by statement time, page by page. */
export function statementPages<T = StatementRecord>(
	client: TikTokShopClient,
	filter: StatementFilter,
	options: ListOptions = {},
): AsyncGenerator<T[]> {
	return listPages<T>(
		client,
		list(financePaths.statements, 'statements', 'statement_time'),
		filter,
		options,
	);
}

/** Get Payments (202605), by creation time, page by page. */
export function paymentPages<T = Record<string, unknown>>(
	client: TikTokShopClient,
	filter: PaymentFilter,
	options: ListOptions = {},
): AsyncGenerator<T[]> {
	return listPages<T>(
		client,
		list(financePaths.payments, 'payments', 'create_time'),
		filter,
		options,
	);
}

/** Get Transactions by Statement (202501), by order creation time, page by page. */
export function statementTransactionPages<T = Record<string, unknown>>(
	client: TikTokShopClient,
	statementId: string,
	options: ListOptions = {},
): AsyncGenerator<T[]> {
	const spec = list(
		financePaths.statementTransactions(statementId),
		'transactions',
		'order_create_time',
	);
	return listPages<T>(client, spec, {}, options);
}

/** Get Transactions by Order (202501): the order's settlement lines, empty when it is not settled yet. */
export async function getOrderTransactions<T = Record<string, unknown>>(
	client: TikTokShopClient,
	orderId: string,
): Promise<T> {
	const { data } = await client.get<T>(financePaths.orderTransactions(orderId), {
		sort_field: 'order_create_time',
	});
	return data;
}
