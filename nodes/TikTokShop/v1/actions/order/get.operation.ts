import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import type { TikTokShopClient } from '../../../../shared/tiktok';
import { splitIds } from '../../../../shared/nodeParameters';
import { orders } from '../../../../shared/tiktok/resources';
import { notFoundItem, uniqueIds } from '../../../../shared/notFound';

export const description: INodeProperties[] = [
	{
		displayName: 'Order IDs',
		name: 'orderIds',
		type: 'string',
		required: true,
		default: '',
		placeholder: '576684019603311365, 576684019603311366',
		description:
			'One or more order IDs, separated by commas. More than 50 are fetched in several calls. An ID TikTok does not know gives an item with found: false (an error item under Continue On Fail).',
		displayOptions: { show: { resource: ['order'], operation: ['get'] } },
	},
];

/** One item per id asked, in that order: the order, or a "not found" item for an id TikTok did not return. */
export async function execute(
	this: IExecuteFunctions,
	client: TikTokShopClient,
	itemIndex: number,
): Promise<IDataObject[]> {
	const ids = uniqueIds(
		splitIds(this, this.getNodeParameter('orderIds', itemIndex), 'Order IDs', itemIndex),
	);
	const found = await orders.getOrderDetails<IDataObject & { id: string }>(client, ids);
	return ids.map(
		(id) =>
			found.get(id) ?? notFoundItem(this, { noun: 'order', idField: 'order_id' }, id, itemIndex),
	);
}
