import { NodeConnectionTypes, type INodeTypeDescription } from 'n8n-workflow';

import { requestOptions } from '../../../shared/tiktok/requestOptions';
import { shopParameter } from '../../../shared/tiktok/shopParameter';
import * as authorization from './authorization/Authorization.resource';
import * as event from './event/Event.resource';
import * as finance from './finance/Finance.resource';
import * as logistics from './logistics/Logistics.resource';
import * as order from './order/Order.resource';
import * as packageResource from './package/Package.resource';
import * as returnResource from './return/Return.resource';
import { credentialsFirst } from '../../../shared/credentialsFirst';

export const versionDescription: Omit<
	INodeTypeDescription,
	'displayName' | 'name' | 'group' | 'description'
> & {
	version: number;
} = {
	version: 1,
	defaults: { name: 'TikTok Shop' },
	usableAsTool: true,
	inputs: [NodeConnectionTypes.Main],
	outputs: [NodeConnectionTypes.Main],
	credentials: [
		{ name: 'tikTokShopApi', required: true, testedBy: 'tikTokShopApiTest' },
		{
			name: 'tikTokShopRedis',
			required: true,
			testedBy: 'tikTokShopRedisTest',
			displayOptions: { show: { resource: ['event'], stateStore: ['redis'] } },
		},
	],
	properties: [
		credentialsFirst,
		shopParameter,
		{
			displayName: 'Resource',
			name: 'resource',
			type: 'options',
			noDataExpression: true,
			options: [
				{
					name: 'Authorization',
					value: 'authorization',
					description: 'The shops the credential reaches and when its authorization expires',
				},
				{
					name: 'Event',
					value: 'event',
					description: "The TikTok Shop Trigger's dead letters and missed-update recovery",
				},
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
		...event.description,
		...authorization.description,
		requestOptions,
	],
};
