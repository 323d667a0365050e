import type {
	IExecuteFunctions,
	INodeExecutionData,
	INodeType,
	INodeTypeBaseDescription,
	INodeTypeDescription,
} from 'n8n-workflow';

import { router } from './actions/router';
import { versionDescription } from './actions/versionDescription';
import { tikTokShopRedisTest } from '../../shared/redisCredentialTest';
import { tikTokShopApiTest } from '../../shared/tiktok/credentialTest';
import { searchShops } from '../../shared/tiktok';
import { loadOptions } from './methods';

// eslint-disable-next-line @n8n/community-nodes/icon-validation -- the icon is on the versioned base description (TikTokShop.node.ts)
export class TikTokShopV1 implements INodeType {
	description: INodeTypeDescription;

	constructor(baseDescription: INodeTypeBaseDescription) {
		this.description = { ...baseDescription, ...versionDescription };
	}

	methods = {
		loadOptions,
		listSearch: { searchShops },
		credentialTest: { tikTokShopRedisTest, tikTokShopApiTest },
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await router.call(this);
	}
}
