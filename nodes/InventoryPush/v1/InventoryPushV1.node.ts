import type {
	IExecuteFunctions,
	INodeExecutionData,
	INodeType,
	INodeTypeBaseDescription,
	INodeTypeDescription,
} from 'n8n-workflow';
import { searchShops } from '../../shared/tiktok';

import { tikTokShopRedisTest } from '../../shared/redisCredentialTest';
import { versionDescription } from './description';
import { execute } from './execute';

// eslint-disable-next-line @n8n/community-nodes/icon-validation -- the icon is on the versioned base description (InventoryPush.node.ts)
export class InventoryPushV1 implements INodeType {
	description: INodeTypeDescription;

	constructor(baseDescription: INodeTypeBaseDescription) {
		this.description = { ...baseDescription, ...versionDescription };
	}

	methods = { listSearch: { searchShops }, credentialTest: { tikTokShopRedisTest } };

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await execute.call(this);
	}
}
