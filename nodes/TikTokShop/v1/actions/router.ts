import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { ItemRunner } from '../../../shared/itemRunner';
import { getTikTokClient } from '../../../shared/tiktok';
import type { TikTokShopOperation, TikTokShopResource } from '../helpers/interfaces';
import * as authorization from './authorization/Authorization.resource';
import * as event from './event/Event.resource';
import * as finance from './finance/Finance.resource';
import * as logistics from './logistics/Logistics.resource';
import * as order from './order/Order.resource';
import * as packageResource from './package/Package.resource';
import * as returnResource from './return/Return.resource';

const resources: Record<TikTokShopResource, Record<string, TikTokShopOperation>> = {
	authorization: authorization.operations,
	order: order.operations,
	package: packageResource.operations,
	logistics: logistics.operations,
	return: returnResource.operations,
	finance: finance.operations,
	event: event.operations,
};

/** Resource × operation → the operation, run by the shared item runner (pairedItem, Continue On Fail, error items). */
export async function router(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	const resource = this.getNodeParameter('resource', 0) as TikTokShopResource;
	const operationName = this.getNodeParameter('operation', 0) as string;
	const operation = resources[resource]?.[operationName];
	const options = this.getNodeParameter('requestOptions', 0, {}) as {
		requestsPerSecond?: number;
		maxRetries?: number;
	};
	const client = await getTikTokClient.call(this, {
		ratePerSecond: options.requestsPerSecond,
		maxRetries: options.maxRetries,
	});
	return await new ItemRunner(this).eachItem(async (itemIndex) => {
		if (!operation)
			throw new Error(`The operation "${operationName}" is not known for "${resource}"`);
		const results = await operation.execute.call(this, client, itemIndex);
		return results.map((json) => ({ json }));
	});
}
