import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import type { TikTokShopClient } from '../../../../shared/tiktok';
import { splitIds } from '../../../../shared/nodeParameters';
import { financePaths } from '../../../../shared/tiktok/resources/paths';

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
	const { data } = await client.get<IDataObject>(financePaths.orderTransactions(orderId), {
		sort_field: 'order_create_time',
	});
	return [data];
}
