import type { INodeProperties } from 'n8n-workflow';

import type { TikTokShopOperation } from '../../helpers/interfaces';
import * as get from './get.operation';
import * as search from './search.operation';

export const operations: Record<string, TikTokShopOperation> = { get, search };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['package'] } },
		options: [
			{
				name: 'Get',
				value: 'get',
				action: 'Get a package',
				description: 'Get one package with its orders and tracking',
			},
			{
				name: 'Search',
				value: 'search',
				action: 'Search packages',
				description: 'Find packages by status and time',
			},
		],
		default: 'get',
	},
	...get.description,
	...search.description,
];
