import type { TikTokShopClient } from '../../../shared/tiktok';
import { unixSecondsToDateKey } from './dates';
import type { Statement, StatementTransaction } from './financeTypes';
import { parseCents } from './money';
import type { LedgerEntry, OrderLedger } from './orderLedger';
import type { RateTable } from './rateTable';
import type { RejectedRow } from './settlementCsv';
import { finance } from '../../../shared/tiktok/resources';

export interface ApiReadResult {
	statements: number;
	transactions: { total: number; parsed: number; reserves: number; rejected: number };
	rejected: RejectedRow[];
	/** Sum of the statements' own settlement_amount, in cents, to compare with the per-order sums. */
	statementSettlement: number;
	dateRange?: { first: number; last: number };
}

export interface ApiReadOptions {
	fromSeconds: number;
	toSeconds: number;
	zone: string;
	rates: RateTable;
	maxRejectedListed: number;
}

/** Statements in the period, then each statement's 202501 transactions, page by page, into the ledger. */
export async function readFinanceApi(
	client: TikTokShopClient,
	ledger: OrderLedger,
	options: ApiReadOptions,
): Promise<ApiReadResult> {
	const result: ApiReadResult = {
		statements: 0,
		transactions: { total: 0, parsed: 0, reserves: 0, rejected: 0 },
		rejected: [],
		statementSettlement: 0,
	};
	const period = { statement_time_ge: options.fromSeconds, statement_time_lt: options.toSeconds };
	for await (const statements of finance.statementPages<Statement>(client, period, {
		sortOrder: 'ASC',
	})) {
		for (const statement of statements) {
			result.statements++;
			result.statementSettlement +=
				new Amounts().read(statement.settlement_amount, 'settlement_amount') ?? 0;
			const dateKey = unixSecondsToDateKey(statement.statement_time, options.zone);
			if (!result.dateRange) result.dateRange = { first: dateKey, last: dateKey };
			result.dateRange.first = Math.min(result.dateRange.first, dateKey);
			result.dateRange.last = Math.max(result.dateRange.last, dateKey);
			await readStatement(client, ledger, statement, dateKey, options, result);
		}
	}
	return result;
}

async function readStatement(
	client: TikTokShopClient,
	ledger: OrderLedger,
	statement: Statement,
	dateKey: number,
	options: ApiReadOptions,
	result: ApiReadResult,
): Promise<void> {
	for await (const transactions of finance.statementTransactionPages<StatementTransaction>(
		client,
		statement.id,
	)) {
		for (const transaction of transactions) {
			result.transactions.total++;
			if (transaction.type === 'RESERVE') {
				result.transactions.reserves++;
				continue;
			}
			const entry = toEntry(transaction, dateKey, options.rates);
			if (typeof entry !== 'string') {
				ledger.add(entry);
				result.transactions.parsed++;
				continue;
			}
			result.transactions.rejected++;
			if (result.rejected.length < options.maxRejectedListed) {
				result.rejected.push({
					line: 0,
					reason: `statement ${statement.id}, transaction ${transaction.id}: ${entry}`,
					content: JSON.stringify(transaction).slice(0, 300),
				});
			}
		}
	}
}

/** Reads TikTok's decimal strings; remembers the first field that is not an amount so the transaction can be rejected. */
class Amounts {
	invalid?: string;

	read(value: string | undefined, field: string): number | null {
		if (value === undefined || value === null) return null;
		const cents = parseCents(String(value));
		if (cents === null || !Number.isNaN(cents)) return cents;
		this.invalid ??= `${field} "${value}" is not an amount`;
		return null;
	}
}

function sum(...values: Array<number | null>): number | null {
	return values.some((value) => value !== null)
		? values.reduce<number>((total, value) => total + (value ?? 0), 0)
		: null;
}

/**
 * 202501 transaction → ledger entry. Amounts keep TikTok's signs; the ledger decides from the data whether fees are
 * negative (settlement = revenue + shipping + fee_tax + adjustment) or positive and subtracted.
 */
function toEntry(
	transaction: StatementTransaction,
	dateKey: number,
	rates: RateTable,
): LedgerEntry | string {
	const isOrder = transaction.type === 'ORDER';
	const orderId = String(
		(isOrder ? transaction.order_id : transaction.adjustment_order_id || transaction.order_id) ??
			'',
	).trim();
	if (!orderId) return `a ${transaction.type} transaction without an order ID`;
	const amounts = new Amounts();
	const amount = amounts.read.bind(amounts);
	const settlement = amount(transaction.settlement_amount, 'settlement_amount');
	const adjustment = amount(transaction.adjustment_amount, 'adjustment_amount') ?? 0;
	const base: LedgerEntry = {
		orderId,
		line: 0,
		dateKey,
		gross: 0,
		refund: 0,
		commissionRaw: null,
		transactionFeeRaw: null,
		feesRaw: null,
		adjustmentRaw: adjustment,
		incomeRaw: 0,
		settlementRaw: settlement,
		rateBasisPoints: rates.defaultBasisPoints,
		b2b: false,
	};
	if (!isOrder)
		return (
			amounts.invalid ?? {
				...base,
				adjustment: {
					id: String(transaction.adjustment_id ?? transaction.id),
					type: transaction.type,
				},
			}
		);

	const breakdown = transaction.revenue_breakdown ?? {};
	const refund = Math.abs(
		amount(
			breakdown.refund_subtotal_before_discount_amount,
			'refund_subtotal_before_discount_amount',
		) ?? 0,
	);
	const beforeDiscount = amount(
		breakdown.subtotal_before_discount_amount,
		'subtotal_before_discount_amount',
	);
	const discount = amount(breakdown.seller_discount_amount, 'seller_discount_amount');
	const revenue = amount(transaction.revenue_amount, 'revenue_amount');
	const gross =
		beforeDiscount !== null
			? Math.abs(beforeDiscount) - Math.abs(discount ?? 0)
			: (revenue ?? 0) + refund;
	const fee = transaction.fee_tax_breakdown?.fee ?? {};
	const entry: LedgerEntry = {
		...base,
		gross,
		refund,
		commissionRaw: sum(
			amount(fee.platform_commission_amount, 'platform_commission_amount'),
			amount(fee.referral_fee_amount, 'referral_fee_amount'),
		),
		transactionFeeRaw: sum(
			amount(fee.transaction_fee_amount, 'transaction_fee_amount'),
			amount(fee.credit_card_handling_fee_amount, 'credit_card_handling_fee_amount'),
		),
		feesRaw: sum(
			amount(transaction.fee_tax_amount, 'fee_tax_amount'),
			amount(transaction.shipping_cost_amount, 'shipping_cost_amount'),
		),
	};
	return amounts.invalid ?? entry;
}
