import type { INodeProperties } from 'n8n-workflow';

import type { TikTokShopOperation } from '../../helpers/interfaces';
import * as getOrderTransactions from './getOrderTransactions.operation';
import * as getPayments from './getPayments.operation';
import * as getStatements from './getStatements.operation';
import * as getStatementTransactions from './getStatementTransactions.operation';

export const operations: Record<string, TikTokShopOperation> = {
	getStatements,
	getPayments,
	getStatementTransactions,
	getOrderTransactions,
};

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['finance'] } },
		options: [
			{
				name: 'Get Order Transactions',
				value: 'getOrderTransactions',
				action: 'Get the fee breakdown of an order',
				description: 'SKU-level settlement of one order',
			},
			{
				name: 'Get Payments',
				value: 'getPayments',
				action: 'Get payments',
				description: 'Payouts to the bank account',
			},
			{
				name: 'Get Statement Transactions',
				value: 'getStatementTransactions',
				action: 'Get the transactions of a statement',
				description: 'Every order, adjustment and reserve in one statement',
			},
			{
				name: 'Get Statements',
				value: 'getStatements',
				action: 'Get statements',
				description: 'Daily settlement statements',
			},
		],
		default: 'getStatements',
	},
	...getStatements.description,
	...getPayments.description,
	...getStatementTransactions.description,
	...getOrderTransactions.description,
];
