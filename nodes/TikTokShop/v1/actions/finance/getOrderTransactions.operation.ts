import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import type { TikTokShopClient } from '../../../../shared/tiktok';
import { splitIds } from '../../../../shared/nodeParameters';
import { finance } from '../../../../shared/tiktok/resources';

export const description: INodeProperties[] = [
	{
		displayName: 'Order ID',
		name: 'orderId',
		type: 'string',
		required: true,
		default: '',
		placeholder: '={{ $json.order_id }}',
		displayOptions: { show: { resource: ['finance'], operation: ['getOrderTransactions'] } },
	},
];

export async function execute(
	this: IExecuteFunctions,
	client: TikTokShopClient,
	itemIndex: number,
): Promise<IDataObject[]> {
	const [orderId] = splitIds(
		this,
		this.getNodeParameter('orderId', itemIndex),
		'Order ID',
		itemIndex,
	);
	return [await finance.getOrderTransactions<IDataObject>(client, orderId)];
}
