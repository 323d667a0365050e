import type { INodeProperties } from 'n8n-workflow';

import type { TikTokShopOperation } from '../../helpers/interfaces';
import * as approve from './approve.operation';
import * as reject from './reject.operation';
import * as search from './search.operation';

export const operations: Record<string, TikTokShopOperation> = { search, approve, reject };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['return'] } },
		options: [
			{
				name: 'Approve',
				value: 'approve',
				action: 'Approve a return or refund',
				description: 'Approve a refund, return, replacement or partial refund',
			},
			{
				name: 'Reject',
				value: 'reject',
				action: 'Reject a return or refund',
				description: 'Reject with a reason, a comment and evidence images',
			},
			{
				name: 'Search',
				value: 'search',
				action: 'Search returns',
				description: 'Find return and refund requests',
			},
		],
		default: 'search',
	},
	...search.description,
	...approve.description,
	...reject.description,
];
