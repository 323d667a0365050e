import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import type { TikTokShopClient } from '../../../../shared/tiktok';
import { maxItems, splitIds } from '../../../../shared/nodeParameters';
import { returnAllAndLimit } from '../common.descriptions';
import { finance } from '../../../../shared/tiktok/resources';

export const description: INodeProperties[] = [
	{
		displayName: 'Statement ID',
		name: 'statementId',
		type: 'string',
		required: true,
		default: '',
		placeholder: '={{ $json.id }}',
		displayOptions: { show: { resource: ['finance'], operation: ['getStatementTransactions'] } },
	},
	...returnAllAndLimit('finance', 'getStatementTransactions', 100000),
];

/** 202501: the 202309 transaction endpoints are blocked after 2025-12-31. One item per transaction. */
export async function execute(
	this: IExecuteFunctions,
	client: TikTokShopClient,
	itemIndex: number,
): Promise<IDataObject[]> {
	const [statementId] = splitIds(
		this,
		this.getNodeParameter('statementId', itemIndex),
		'Statement ID',
		itemIndex,
	);
	const transactions: IDataObject[] = [];
	for await (const page of finance.statementTransactionPages<IDataObject>(client, statementId, {
		maxItems: maxItems(this, itemIndex),
	})) {
		for (const transaction of page)
			transactions.push({ statement_id: statementId, ...transaction });
	}
	return transactions;
}
