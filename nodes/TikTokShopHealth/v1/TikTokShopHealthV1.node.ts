import type {
	IExecuteFunctions,
	INodeExecutionData,
	INodeType,
	INodeTypeBaseDescription,
	INodeTypeDescription,
} from 'n8n-workflow';
import { searchShops } from '../../shared/tiktok';

import { execute } from './execute';
import { versionDescription } from './description';

// eslint-disable-next-line @n8n/community-nodes/icon-validation -- the icon is on the versioned base description (TikTokShopHealth.node.ts)
export class TikTokShopHealthV1 implements INodeType {
	description: INodeTypeDescription;

	methods = { listSearch: { searchShops } };

	constructor(baseDescription: INodeTypeBaseDescription) {
		this.description = { ...baseDescription, ...versionDescription };
	}

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await execute.call(this);
	}
}
