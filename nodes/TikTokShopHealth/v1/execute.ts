import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { ItemRunner } from '../../shared/itemRunner';
import { getTikTokClient } from '../../shared/tiktok';
import * as computeMetrics from './health/computeMetrics';
import * as getPerformanceScore from './health/getPerformanceScore';
import type { HealthOperation, HealthOperationName } from './health/interfaces';
import * as ordersAtRisk from './health/ordersAtRisk';

export const operations: Record<HealthOperationName, HealthOperation> = {
	ordersAtRisk,
	computeMetrics,
	getPerformanceScore,
};

/** Operation → its execute, run by the shared item runner (pairedItem, Continue On Fail, error items). */
export async function execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	const operationName = this.getNodeParameter('operation', 0) as HealthOperationName;
	const operation = operations[operationName];
	const options = this.getNodeParameter('requestOptions', 0, {}) as {
		requestsPerSecond?: number;
		maxRetries?: number;
	};
	const client = await getTikTokClient.call(this, {
		ratePerSecond: options.requestsPerSecond,
		maxRetries: options.maxRetries,
	});
	return await new ItemRunner(this).eachItem(async (itemIndex) => {
		if (!operation) throw new Error(`The operation "${operationName}" is not known`);
		return await operation.execute.call(this, client, itemIndex);
	});
}
