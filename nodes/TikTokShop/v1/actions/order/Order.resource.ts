import type { INodeProperties } from 'n8n-workflow';

import type { TikTokShopOperation } from '../../helpers/interfaces';
import * as get from './get.operation';
import * as search from './search.operation';

export const operations: Record<string, TikTokShopOperation> = { search, get };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['order'] } },
		options: [
			{
				name: 'Get',
				value: 'get',
				action: 'Get orders by ID',
				description: 'Get full orders by their IDs (50 per call)',
			},
			{
				name: 'Search',
				value: 'search',
				action: 'Search orders',
				description: 'Find orders by status and time, page by page',
			},
		],
		default: 'search',
	},
	...search.description,
	...get.description,
];
