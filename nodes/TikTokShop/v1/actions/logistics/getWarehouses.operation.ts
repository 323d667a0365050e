import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import type { TikTokShopClient } from '../../../../shared/tiktok';
import { logisticsPaths } from '../../../../shared/tiktok/resources/paths';

export const description: INodeProperties[] = [];

export async function execute(
	this: IExecuteFunctions,
	client: TikTokShopClient,
): Promise<IDataObject[]> {
	const { data } = await client.get<{ warehouses?: IDataObject[] }>(logisticsPaths.warehouses);
	return data.warehouses ?? [];
}
