import { NodeConnectionTypes, type INodeTypeDescription } from 'n8n-workflow';

import { CREDENTIAL_NAME } from '../../transport';
import { requestOptions } from './common.descriptions';
import * as finance from './finance/Finance.resource';
import * as logistics from './logistics/Logistics.resource';
import * as order from './order/Order.resource';
import * as packageResource from './package/Package.resource';
import * as returnResource from './return/Return.resource';

export const versionDescription: Omit<INodeTypeDescription, 'displayName' | 'name' | 'group' | 'description'> & {
	version: number;
} = {
	version: 1,
	defaults: { name: 'TikTok Shop' },
	usableAsTool: true,
	inputs: [NodeConnectionTypes.Main],
	outputs: [NodeConnectionTypes.Main],
	credentials: [{ name: CREDENTIAL_NAME, required: true }],
	properties: [
		{
			displayName: 'Resource',
			name: 'resource',
			type: 'options',
			noDataExpression: true,
			options: [
				{ name: 'Finance', value: 'finance' },
				{ name: 'Logistics', value: 'logistics' },
				{ name: 'Order', value: 'order' },
				{ name: 'Package', value: 'package' },
				{ name: 'Return', value: 'return' },
			],
			default: 'order',
		},
		...order.description,
		...packageResource.description,
		...logistics.description,
		...returnResource.description,
		...finance.description,
		requestOptions,
	],
};
