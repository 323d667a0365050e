import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import type { TikTokShopClient } from '../../../../shared/tiktok';
import { splitIds } from '../../../../shared/nodeParameters';
import { fulfillmentPaths } from '../../../../shared/tiktok/resources/paths';

export const description: INodeProperties[] = [
	{
		displayName: 'Package ID',
		name: 'packageId',
		type: 'string',
		required: true,
		default: '',
		displayOptions: { show: { resource: ['package'], operation: ['get'] } },
	},
];

export async function execute(this: IExecuteFunctions, client: TikTokShopClient, itemIndex: number): Promise<IDataObject[]> {
	const [packageId] = splitIds(this, this.getNodeParameter('packageId', itemIndex), 'Package ID', itemIndex);
	const { data } = await client.get<IDataObject>(fulfillmentPaths.package(packageId));
	return [data];
}
