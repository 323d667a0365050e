import { createReadStream, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { IBinaryData, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { SettlementReconciler } from '../../nodes/SettlementReconciler/SettlementReconciler.node';
import { fakeExecuteFunctions, type FakeRun } from './fakeExecuteFunctions';

export const reconciler = new SettlementReconciler().nodeVersions[1];
/** The settlement statements of the test fixtures (read as files, not imported). */
export const FIXTURES = join(__dirname, '..', '..', 'test', 'fixtures', 'settlement');

/**
 * The Summary item as tests and benches read it. The node emits it as plain JSON; this is the reader's view, so the
 * parts that depend on the input (`report` for a CSV, `financeApi`, `deliveredOrders`, `ordersExport`) are typed as
 * present: a test reads only those its run produced.
 */
export interface ReconcilerSummary {
	headline: string;
	recoverableAmount: string;
	recoverableOrders: number;
	nextDeadline: string | null;
	pastDeadlineAmount: string;
	ordersChecked: number;
	b2bOrders: number;
	totals: {
		grossSales: string;
		refunds: string;
		fees: string;
		adjustments: string;
		netPayoutReported: string;
		netPayoutExpected: string;
	};
	variance: string;
	variancePercent: number | null;
	correctionRequests: Array<{
		check: string;
		orders: number;
		amount: string;
		deadline: string;
		text: string;
	}>;
	feeSign: string;
	feeSignBasis: string;
	report: {
		rows: { total: number; parsed: number; rejected: number; blank: number };
		deadlinesCountedFrom: string;
		columnsRead: Record<string, string>;
		columnsMatchedBySimilarity: Array<{ header: string; readAs: string }>;
		extraFeeColumns: string[];
		unknownColumns: string[];
	};
	ordersExport: {
		deliveredOrders: number;
		notSettled: number;
		deliveredTooRecently: number;
		rejectedRows: number;
	};
	financeApi: {
		statements: number;
		transactions: { total: number; parsed: number; reserves: number; rejected: number };
		statementSettlement: string;
	};
	deliveredOrders: {
		checked: number;
		notSettled: number;
		settledOutsidePeriod: number;
		notConfirmed: number;
	};
}

export function asSummary(item: INodeExecutionData): ReconcilerSummary {
	return item.json as unknown as ReconcilerSummary;
}

/** The first Summary item of a run. */
export function summaryOf(out: { summary: INodeExecutionData[] }): ReconcilerSummary {
	return asSummary(out.summary[0]);
}

/** An input item carrying a CSV the way n8n keeps binaries in memory (base64 in the item). */
export function csvItem(csv: string | Buffer, fileName = 'settlement.csv'): INodeExecutionData {
	const data = Buffer.isBuffer(csv) ? csv : Buffer.from(csv, 'utf8');
	return {
		json: {},
		binary: { data: { data: data.toString('base64'), mimeType: 'text/csv', fileName } },
	};
}

export function fixtureItem(name: string): INodeExecutionData {
	return csvItem(readFileSync(`${FIXTURES}/${name}`), name);
}

/** An input item whose binary n8n stored on disk (filesystem mode): only an id and its size, read through getBinaryStream. */
export function storedCsvItem(path: string): INodeExecutionData {
	return {
		json: {},
		binary: {
			data: {
				id: `filesystem-v2:${path}`,
				data: 'filesystem-v2',
				mimeType: 'text/csv',
				fileName: 'settlement.csv',
				bytes: statSync(path).size,
			},
		},
	};
}

/**
 * The shared fake n8n host plus the binary helpers this node uses. `streamsOpened` records ids read through
 * getBinaryStream, to show the stored file was streamed rather than loaded.
 */
export async function runReconciler(run: FakeRun): Promise<{
	discrepancies: INodeExecutionData[];
	summary: INodeExecutionData[];
	rejected: INodeExecutionData[];
	streamsOpened: string[];
}> {
	const context = fakeExecuteFunctions({
		node: {
			name: 'Settlement Reconciler',
			type: 'n8n-nodes-tiktok-shop-ops.tikTokShopSettlementReconciler',
		},
		...run,
	});
	const items: INodeExecutionData[] = run.items ?? [{ json: {} }];
	const streamsOpened: string[] = [];
	Object.assign(context.helpers, {
		assertBinaryData: (itemIndex: number, propertyName: string): IBinaryData => {
			const binary = items[itemIndex].binary?.[propertyName];
			if (!binary)
				throw new Error(
					`This operation expects the node's input data to contain a binary file '${propertyName}', but none was found`,
				);
			return binary;
		},
		getBinaryStream: async (id: string) => {
			streamsOpened.push(id);
			return createReadStream(id.replace(/^filesystem-v2:/, ''), { highWaterMark: 64 * 1024 });
		},
	});
	const [discrepancies, summary, rejected] = (await reconciler.execute!.call(
		context as IExecuteFunctions,
	)) as INodeExecutionData[][];
	return { discrepancies, summary, rejected, streamsOpened };
}
