import type {
	IExecuteFunctions,
	INodeExecutionData,
	INodeType,
	INodeTypeBaseDescription,
	INodeTypeDescription,
} from 'n8n-workflow';
import { searchShops } from '../../shared/tiktok';

import { tikTokShopRedisTest } from '../../shared/redisCredentialTest';
import { getShippingProviders } from '../../shared/tiktok/shippingProviderOptions';
import { execute } from './execute';
import { versionDescription } from './description';

// eslint-disable-next-line @n8n/community-nodes/icon-validation -- the icon is on the versioned base description (ShipBatcher.node.ts)
export class ShipBatcherV1 implements INodeType {
	description: INodeTypeDescription;

	constructor(baseDescription: INodeTypeBaseDescription) {
		this.description = { ...baseDescription, ...versionDescription };
	}

	methods = {
		loadOptions: { getShippingProviders },
		listSearch: { searchShops },
		credentialTest: { tikTokShopRedisTest },
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await execute.call(this);
	}
}
