import type { DateTime } from 'luxon';
import type { IDataObject } from 'n8n-workflow';

import { CHECK_LABELS, type CheckCode, type Discrepancy, type LedgerTotals } from './checks';
import { dateKeyToIso, deadlineFor, type Deadline } from './dates';
import type { ApiReadResult } from './financeApi';
import { formatCents, formatDollars } from './money';
import type { FeeSign } from './orderLedger';
import type { CsvReadResult, RejectedRow } from './settlementCsv';
import type { UnsettledResult } from './deliveredOrders';
import type { UnsettledFromExport } from './ordersExport';

export interface Outcome {
	source: 'settlement report' | 'Finance API' | 'settlement report vs Finance API';
	discrepancies: Discrepancy[];
	totals: LedgerTotals;
	feeSign: { sign: FeeSign; basis: string };
	csv?: CsvReadResult;
	api?: ApiReadResult;
	unsettled?: UnsettledResult;
	ordersExport?: UnsettledFromExport;
	rateTable: string;
	zone: string;
	today: DateTime;
	shopName: string;
	requestBatchSize: number;
}

interface Dated {
	finding: Discrepancy;
	deadline?: Deadline;
	rank: number;
}

/** Money owed and still claimable first (soonest deadline first), then owed but too late, then the informational rest. */
function rank(finding: Discrepancy, deadline?: Deadline): number {
	if (finding.owed <= 0) return 2;
	return deadline?.pastDeadline ? 1 : 0;
}

function byUrgency(a: Dated, b: Dated): number {
	if (a.rank !== b.rank) return a.rank - b.rank;
	const left = a.deadline?.daysLeft ?? Number.MAX_SAFE_INTEGER;
	const right = b.deadline?.daysLeft ?? Number.MAX_SAFE_INTEGER;
	if (left !== right) return left - right;
	if (a.finding.owed !== b.finding.owed) return b.finding.owed - a.finding.owed;
	// Code-unit order, not localeCompare: it only breaks ties, and collation costs thousands of findings real time.
	const x = a.finding.orderId;
	const y = b.finding.orderId;
	return x < y ? -1 : x > y ? 1 : 0;
}

export function buildOutputs(outcome: Outcome): {
	discrepancies: IDataObject[];
	summary: IDataObject;
	rejected: IDataObject[];
} {
	// Time-zone arithmetic is slow and findings share a few dozen dates.
	const deadlines = new Map<number, Deadline>();
	const deadlineOf = (key: number) => {
		let deadline = deadlines.get(key);
		if (!deadline) deadlines.set(key, (deadline = deadlineFor(key, outcome.today, outcome.zone)));
		return deadline;
	};
	const dated: Dated[] = outcome.discrepancies.map((finding) => {
		const deadline = finding.dateKey > 0 ? deadlineOf(finding.dateKey) : undefined;
		return { finding, deadline, rank: rank(finding, deadline) };
	});
	dated.sort(byUrgency);
	const discrepancies = dated.map(({ finding, deadline }, index) =>
		discrepancyItem(finding, deadline, index + 1),
	);
	const requests = correctionRequests(
		dated.filter((entry) => entry.rank === 0),
		outcome,
	);
	return {
		discrepancies,
		summary: summaryItem(outcome, dated, requests),
		rejected: rejectedItems(outcome),
	};
}

function discrepancyItem(
	finding: Discrepancy,
	deadline: Deadline | undefined,
	urgency: number,
): IDataObject {
	return {
		urgency,
		orderId: finding.orderId,
		check: CHECK_LABELS[finding.check],
		checkCode: finding.check,
		owedToYou: formatCents(finding.owed),
		expected: formatCents(finding.expected),
		actual: formatCents(finding.actual),
		difference: formatCents(finding.actual - finding.expected),
		currency: 'USD',
		transactionDate: deadline?.transactionDate ?? null,
		deadline: deadline?.deadline ?? null,
		daysLeft: deadline?.daysLeft ?? null,
		pastDeadline: deadline?.pastDeadline ?? false,
		explanation: finding.explanation,
		...(finding.line ? { reportLine: finding.line } : {}),
	};
}

interface CorrectionRequest {
	batch: number;
	check: string;
	orders: number;
	amount: string;
	deadline: string | null;
	text: string;
}

/** One ready-to-paste request per check, in batches, each listing its orders most urgent first. */
function correctionRequests(claimable: Dated[], outcome: Outcome): CorrectionRequest[] {
	const byCheck = new Map<CheckCode, Dated[]>();
	for (const entry of claimable) {
		const list = byCheck.get(entry.finding.check);
		if (list) list.push(entry);
		else byCheck.set(entry.finding.check, [entry]);
	}
	const requests: CorrectionRequest[] = [];
	for (const [check, entries] of byCheck) {
		for (let start = 0; start < entries.length; start += outcome.requestBatchSize) {
			const batch = entries.slice(start, start + outcome.requestBatchSize);
			const amount = batch.reduce((total, entry) => total + entry.finding.owed, 0);
			const deadline =
				batch
					.map((entry) => entry.deadline?.deadline)
					.filter((value): value is string => Boolean(value))
					.sort()[0] ?? null;
			requests.push({
				batch: requests.length + 1,
				check: CHECK_LABELS[check],
				orders: batch.length,
				amount: formatCents(amount),
				deadline,
				text: requestText(check, batch, amount, deadline, outcome),
			});
		}
	}
	return requests;
}

function requestText(
	check: CheckCode,
	batch: Dated[],
	amount: number,
	deadline: string | null,
	outcome: Outcome,
): string {
	const lines = batch.map(({ finding, deadline: due }) => {
		const date = due ? `transaction date ${due.transactionDate}` : 'date not in the report';
		return `- Order ${finding.orderId} (${date}): ${finding.explanation} Amount to correct: ${formatDollars(finding.owed)}.`;
	});
	return [
		`Subject: Fee correction request – ${CHECK_LABELS[check]} – ${batch.length} order${batch.length === 1 ? '' : 's'} – ${formatDollars(amount)}`,
		'',
		'Hello TikTok Shop Seller Support,',
		'',
		`We reconciled the settlements of ${outcome.shopName || 'our shop'} (${outcome.source}) and found ${batch.length} order${batch.length === 1 ? '' : 's'} where: ${CHECK_LABELS[check].toLowerCase()}.`,
		`Our commission rates: ${outcome.rateTable}, applied to sales after seller discounts and before tax, minus refunds.`,
		'Please review the orders below and credit the difference to our account:',
		'',
		...lines,
		'',
		`Total requested: ${formatDollars(amount)}.`,
		deadline
			? `The earliest of these transactions reaches the 45-day correction limit on ${deadline}.`
			: '',
		'',
		'Thank you.',
	]
		.filter((line, index, all) => line !== '' || all[index - 1] !== '')
		.join('\n');
}

function summaryItem(outcome: Outcome, dated: Dated[], requests: CorrectionRequest[]): IDataObject {
	const { totals } = outcome;
	const claimable = dated.filter((entry) => entry.rank === 0);
	const late = dated.filter((entry) => entry.rank === 1);
	const informational = dated.length - claimable.length - late.length;
	const recoverable = claimable.reduce((total, entry) => total + entry.finding.owed, 0);
	const pastDeadline = late.reduce((total, entry) => total + entry.finding.owed, 0);
	const variance = totals.netReported - totals.netExpected;
	const byCheck: IDataObject = {};
	for (const { finding } of dated) {
		const label = CHECK_LABELS[finding.check];
		const current = (byCheck[label] as { count: number; owed: number } | undefined) ?? {
			count: 0,
			owed: 0,
		};
		byCheck[label] = { count: current.count + 1, owed: current.owed + finding.owed };
	}
	for (const label of Object.keys(byCheck)) {
		const value = byCheck[label] as { count: number; owed: number };
		byCheck[label] = { count: value.count, owedToYou: formatCents(value.owed) };
	}
	const nextDeadline = claimable.find((entry) => entry.deadline)?.deadline;
	const range = outcome.csv?.dateRange ?? outcome.api?.dateRange;
	return {
		headline: headline(
			{
				recoverable,
				claimable: claimable.length,
				pastDeadline,
				late: late.length,
				informational,
				next: nextDeadline,
			},
			outcome,
		),
		recoverableAmount: formatCents(recoverable),
		recoverableOrders: new Set(claimable.map((entry) => entry.finding.orderId)).size,
		nextDeadline: nextDeadline?.deadline ?? null,
		pastDeadlineAmount: formatCents(pastDeadline),
		currency: 'USD',
		source: outcome.source,
		period: range ? { from: dateKeyToIso(range.first), to: dateKeyToIso(range.last) } : null,
		asOf: outcome.today.toISODate(),
		timeZone: outcome.zone,
		ordersChecked: totals.orders,
		b2bOrders: totals.b2bOrders,
		discrepancies: dated.length,
		discrepanciesByCheck: byCheck,
		totals: {
			grossSales: formatCents(totals.gross),
			refunds: formatCents(totals.refunds),
			fees: formatCents(totals.fees),
			adjustments: formatCents(totals.adjustments),
			netPayoutReported: formatCents(totals.netReported),
			netPayoutExpected: formatCents(totals.netExpected),
		},
		variance: formatCents(variance),
		variancePercent:
			totals.netExpected === 0
				? null
				: Math.round((variance / Math.abs(totals.netExpected)) * 10000) / 100,
		correctionRequests: requests as unknown as IDataObject[],
		rateTable: outcome.rateTable,
		feeSign:
			outcome.feeSign.sign === 'signed'
				? 'fees written as negative amounts'
				: 'fees written as positive amounts',
		feeSignBasis: outcome.feeSign.basis,
		...(outcome.csv ? { report: reportSummary(outcome.csv, outcome.zone) } : {}),
		...(outcome.ordersExport
			? {
					ordersExport: {
						deliveredOrders: outcome.ordersExport.deliveredOrders,
						notSettled: outcome.ordersExport.discrepancies.length,
						deliveredTooRecently: outcome.ordersExport.tooRecent,
						rejectedRows: outcome.ordersExport.rejected.length,
					},
				}
			: {}),
		...(outcome.api
			? {
					financeApi: {
						statements: outcome.api.statements,
						transactions: outcome.api.transactions,
						statementSettlement: formatCents(outcome.api.statementSettlement),
					},
				}
			: {}),
		...(outcome.unsettled
			? {
					deliveredOrders: {
						checked: outcome.unsettled.deliveredOrdersSeen,
						notSettled: outcome.unsettled.discrepancies.length,
						settledOutsidePeriod: outcome.unsettled.confirmedSettledElsewhere,
						notConfirmed: outcome.unsettled.unconfirmed,
					},
				}
			: {}),
	};
}

/**
 * Findings counted three ways: still claimable, owed but too late to claim, and owing nothing (in the seller's favour,
 * or for review). Amounts in cents.
 */
interface HeadlineCounts {
	claimable: number;
	late: number;
	informational: number;
	recoverable: number;
	pastDeadline: number;
	next: Deadline | undefined;
}

function headline(counts: HeadlineCounts, outcome: Outcome): string {
	const { recoverable, claimable, late, informational, pastDeadline, next } = counts;
	const findings = (count: number) => `${count} finding${count === 1 ? '' : 's'}`;
	let opening = 'No money to claim: every checked order matches the rate table within tolerance.';
	if (recoverable > 0)
		opening = `TikTok owes you ${formatDollars(recoverable)} on ${findings(claimable)}; the first must be claimed by ${next?.deadline ?? 'the 45-day limit'}.`;
	else if (late > 0) opening = 'No money left to claim within the 45-day limit.';
	else if (informational > 0)
		opening = `No money to claim: the ${findings(informational)} ${informational === 1 ? 'is' : 'are'} in your favour or for review only.`;
	const parts = [opening];
	if (late > 0)
		parts.push(
			`${formatDollars(pastDeadline)} on ${findings(late)} is past the 45-day correction limit.`,
		);
	const rejected = (outcome.csv?.rows.rejected ?? 0) + (outcome.api?.transactions.rejected ?? 0);
	if (rejected > 0)
		parts.push(
			`${rejected} row${rejected === 1 ? ' was' : 's were'} not readable: see the Unreadable output.`,
		);
	return parts.join(' ');
}

function reportSummary(csv: CsvReadResult, zone: string): IDataObject {
	const dateHeader = csv.columns.mapped.date;
	const dateZone = csv.columns.zones.date;
	return {
		rows: csv.rows,
		deadlinesCountedFrom: dateHeader
			? `"${dateHeader}", ${dateZone && dateZone !== zone ? `read as ${dateZone} and converted to ${zone}` : `read as ${zone} time`}; 45 days from that calendar day`
			: 'no date column: findings carry no deadline',
		rejectedByReason: csv.rejectedByReason,
		undatedRows: csv.undatedRows,
		columnsRead: csv.columns.mapped,
		columnsMatchedBySimilarity: csv.columns.fuzzy,
		extraFeeColumns: csv.columns.extraFeeColumns.map((column) => column.header),
		unknownColumns: csv.columns.unknown,
	};
}

function rejectedItems(outcome: Outcome): IDataObject[] {
	const rows: Array<RejectedRow & { source: string }> = [
		...(outcome.csv?.rejected ?? []).map((row) => ({ ...row, source: 'report' })),
		...(outcome.ordersExport?.rejected ?? []).map((row) => ({ ...row, source: 'orders export' })),
		...(outcome.api?.rejected ?? []).map((row) => ({ ...row, source: 'Finance API' })),
	];
	const listed = rows.map(
		(row) =>
			({
				source: row.source,
				line: row.line || null,
				reason: row.reason,
				content: row.content,
			}) as IDataObject,
	);
	const total =
		(outcome.csv?.rows.rejected ?? 0) +
		(outcome.api?.transactions.rejected ?? 0) +
		(outcome.ordersExport?.rejected.length ?? 0);
	if (total > listed.length) {
		listed.push({
			source: 'report',
			line: null,
			reason: `${total - listed.length} more rejected rows are not listed; their reasons are counted in the summary's report.rejectedByReason`,
			content: '',
		});
	}
	return listed;
}
