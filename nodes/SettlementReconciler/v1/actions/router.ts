import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { failedItemJson } from '../../../shared/failedItemJson';
import { getTikTokClient, toNodeError, type TikTokShopClient } from '../../../shared/tiktok';
import type { ReconcileOperation } from '../helpers/interfaces';
import * as compareCsvApi from './compareCsvApi.operation';
import * as reconcileApi from './reconcileApi.operation';
import * as reconcileCsv from './reconcileCsv.operation';

const operations: Record<string, ReconcileOperation> = { reconcileCsv, reconcileApi, compareCsvApi };

/** Output order: what the user acts on first. */
export const OUTPUT_NAMES = ['Discrepancies', 'Summary', 'Rejected Rows'];

/**
 * The only place that loops over items, pairs outputs with inputs and applies Continue On Fail. Each input item is one
 * reconciliation: its findings, one summary and its unreadable rows all point back to it. A failed item becomes a
 * summary item with the error, so it never vanishes.
 */
export async function router(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	const items = this.getInputData();
	const operationName = this.getNodeParameter('operation', 0) as string;
	const operation = operations[operationName];
	const requestOptions = this.getNodeParameter('requestOptions', 0, {}) as { requestsPerSecond?: number; maxRetries?: number };
	let client: Promise<TikTokShopClient> | undefined;
	const clientProvider = () => (client ??= getTikTokClient.call(this, { ratePerSecond: requestOptions.requestsPerSecond, maxRetries: requestOptions.maxRetries }));
	const discrepancies: INodeExecutionData[] = [];
	const summaries: INodeExecutionData[] = [];
	const rejected: INodeExecutionData[] = [];

	for (let itemIndex = 0; itemIndex < items.length; itemIndex++) {
		const pairedItem = { item: itemIndex };
		try {
			if (!operation) throw new Error(`The operation "${operationName}" is not known`);
			const result = await operation.execute.call(this, itemIndex, clientProvider);
			for (const json of result.discrepancies) discrepancies.push({ json, pairedItem });
			summaries.push({ json: result.summary, pairedItem });
			for (const json of result.rejected) rejected.push({ json, pairedItem });
		} catch (error) {
			const nodeError = toNodeError(this.getNode(), error, itemIndex);
			if (!this.continueOnFail()) throw nodeError;
			summaries.push({ json: failedItemJson(nodeError, itemIndex), pairedItem });
		}
	}
	return [discrepancies, summaries, rejected];
}
