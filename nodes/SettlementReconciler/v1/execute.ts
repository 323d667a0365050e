import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { ItemRunner, type ItemOutput } from '../../shared/itemRunner';
import { getTikTokClient, type TikTokShopClient } from '../../shared/tiktok';
import type { ReconcileOperation } from './reconciliation/interfaces';
import * as compareCsvApi from './reconciliation/compareCsvApi';
import * as reconcileApi from './reconciliation/reconcileApi';
import * as reconcileCsv from './reconciliation/reconcileCsv';
import { OUTPUT_NAMES } from './description';

const operations: Record<string, ReconcileOperation> = {
	reconcileCsv,
	reconcileApi,
	compareCsvApi,
};

const DISCREPANCIES = 0;
const SUMMARY = 1;
const REJECTED_ROWS = 2;

/**
 * Operation → its execute, run by the shared item runner. Each input item is one reconciliation: its findings, one
 * summary and its unreadable rows all point back to it. A failed item goes to Summary (the runner's error item),
 * so it never vanishes.
 */
export async function execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	const operationName = this.getNodeParameter('operation', 0) as string;
	const operation = operations[operationName];
	const requestOptions = this.getNodeParameter('requestOptions', 0, {}) as {
		requestsPerSecond?: number;
		maxRetries?: number;
	};
	let client: Promise<TikTokShopClient> | undefined;
	const clientProvider = () =>
		(client ??= getTikTokClient.call(this, {
			ratePerSecond: requestOptions.requestsPerSecond,
			maxRetries: requestOptions.maxRetries,
		}));
	const runner = new ItemRunner(this, { outputs: OUTPUT_NAMES.length, errorOutput: SUMMARY });
	return await runner.eachItem(async (itemIndex) => {
		if (!operation) throw new Error(`The operation "${operationName}" is not known`);
		const result = await operation.execute.call(this, itemIndex, clientProvider);
		const outputs: ItemOutput[] = [];
		for (const json of result.discrepancies) outputs.push({ json, output: DISCREPANCIES });
		outputs.push({ json: result.summary, output: SUMMARY });
		for (const json of result.rejected) outputs.push({ json, output: REJECTED_ROWS });
		return outputs;
	});
}
