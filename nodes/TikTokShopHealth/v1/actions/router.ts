import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { failedItemJson } from '../../../shared/failedItemJson';
import { getTikTokClient, toNodeError } from '../../../shared/tiktok';
import * as computeMetrics from './computeMetrics.operation';
import * as getPerformanceScore from './getPerformanceScore.operation';
import type { HealthOperation, HealthOperationName } from './interfaces';
import * as ordersAtRisk from './ordersAtRisk.operation';

export const operations: Record<HealthOperationName, HealthOperation> = { ordersAtRisk, computeMetrics, getPerformanceScore };

/** The only place that loops over items, pairs outputs with inputs and applies Continue On Fail. */
export async function router(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	const items = this.getInputData();
	const operationName = this.getNodeParameter('operation', 0) as HealthOperationName;
	const operation = operations[operationName];
	const options = this.getNodeParameter('requestOptions', 0, {}) as { requestsPerSecond?: number; maxRetries?: number };
	const client = await getTikTokClient.call(this, { ratePerSecond: options.requestsPerSecond, maxRetries: options.maxRetries });
	const returnData: INodeExecutionData[] = [];
	for (let itemIndex = 0; itemIndex < items.length; itemIndex++) {
		try {
			if (!operation) throw new Error(`The operation "${operationName}" is not known`);
			for (const output of await operation.execute.call(this, client, itemIndex)) {
				returnData.push({ json: output.json, ...(output.binary ? { binary: output.binary } : {}), pairedItem: { item: itemIndex } });
			}
		} catch (error) {
			const nodeError = toNodeError(this.getNode(), error, itemIndex);
			if (!this.continueOnFail()) throw nodeError;
			returnData.push({ json: failedItemJson(nodeError, itemIndex), pairedItem: { item: itemIndex } });
		}
	}
	return [returnData];
}
