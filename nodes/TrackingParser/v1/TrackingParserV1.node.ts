import type {
	IExecuteFunctions,
	INodeExecutionData,
	INodeType,
	INodeTypeBaseDescription,
	INodeTypeDescription,
} from 'n8n-workflow';

import { execute } from './execute';
import { versionDescription } from './description';
import { credentialTest } from './methods';

// eslint-disable-next-line @n8n/community-nodes/icon-validation -- the icon is on the versioned base description (TrackingParser.node.ts)
export class TrackingParserV1 implements INodeType {
	description: INodeTypeDescription;

	constructor(baseDescription: INodeTypeBaseDescription) {
		this.description = { ...baseDescription, ...versionDescription };
	}

	methods = { credentialTest };

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await execute.call(this);
	}
}
