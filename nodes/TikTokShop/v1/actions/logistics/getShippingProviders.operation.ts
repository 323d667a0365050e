import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import type { TikTokShopClient } from '../../../../shared/tiktok';
import { splitIds } from '../../../../shared/nodeParameters';
import { logistics } from '../../../../shared/tiktok/resources';

export const description: INodeProperties[] = [
	{
		displayName: 'Delivery Option Name or ID',
		name: 'deliveryOptionId',
		type: 'options',
		typeOptions: { loadOptionsMethod: 'getDeliveryOptions' },
		required: true,
		default: '',
		description:
			'Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>. An order\'s delivery_option_id works too.',
		displayOptions: { show: { resource: ['logistics'], operation: ['getShippingProviders'] } },
	},
];

export async function execute(
	this: IExecuteFunctions,
	client: TikTokShopClient,
	itemIndex: number,
): Promise<IDataObject[]> {
	const [optionId] = splitIds(
		this,
		this.getNodeParameter('deliveryOptionId', itemIndex),
		'Delivery Option',
		itemIndex,
	);
	return await logistics.getShippingProviders<IDataObject>(client, optionId);
}
