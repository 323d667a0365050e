import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import type { TikTokShopClient } from '../../../../shared/tiktok';
import { splitIds } from '../../../../shared/nodeParameters';
import { logistics } from '../../../../shared/tiktok/resources';

export const warehouseField: INodeProperties = {
	displayName: 'Warehouse Name or ID',
	name: 'warehouseId',
	type: 'options',
	typeOptions: { loadOptionsMethod: 'getWarehouses' },
	required: true,
	default: '',
	description:
		'Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>',
};

export const description: INodeProperties[] = [
	{
		...warehouseField,
		displayOptions: { show: { resource: ['logistics'], operation: ['getDeliveryOptions'] } },
	},
];

export async function execute(
	this: IExecuteFunctions,
	client: TikTokShopClient,
	itemIndex: number,
): Promise<IDataObject[]> {
	const [warehouseId] = splitIds(
		this,
		this.getNodeParameter('warehouseId', itemIndex),
		'Warehouse',
		itemIndex,
	);
	return await logistics.getDeliveryOptions<IDataObject>(client, warehouseId);
}
