import type { INodeProperties } from 'n8n-workflow';

import type { TikTokShopOperation } from '../../helpers/interfaces';
import * as getStatus from './getStatus.operation';

export const operations: Record<string, TikTokShopOperation> = { getStatus };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['authorization'] } },
		options: [
			{
				name: 'Get Status',
				value: 'getStatus',
				action: 'Get the authorized shops and when the authorization expires',
				description: 'The shops the credential reaches, the token expiry and the days left',
			},
		],
		default: 'getStatus',
	},
	...getStatus.description,
];
