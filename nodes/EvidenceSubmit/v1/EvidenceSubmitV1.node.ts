import type {
	IExecuteFunctions,
	INodeExecutionData,
	INodeType,
	INodeTypeBaseDescription,
	INodeTypeDescription,
} from 'n8n-workflow';
import { searchShops } from '../../shared/tiktok';

import { tikTokShopRedisTest } from '../../shared/redisCredentialTest';
import { execute } from './execute';
import { versionDescription } from './description';
import { getRejectReasons } from './methods/loadOptions';

// eslint-disable-next-line @n8n/community-nodes/icon-validation -- the icon is on the versioned base description (EvidenceSubmit.node.ts)
export class EvidenceSubmitV1 implements INodeType {
	description: INodeTypeDescription;

	constructor(baseDescription: INodeTypeBaseDescription) {
		this.description = { ...baseDescription, ...versionDescription };
	}

	methods = {
		loadOptions: { getRejectReasons },
		listSearch: { searchShops },
		credentialTest: { tikTokShopRedisTest },
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await execute.call(this);
	}
}
