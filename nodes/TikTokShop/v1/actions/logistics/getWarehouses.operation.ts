import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import type { TikTokShopClient } from '../../../../shared/tiktok';

export const description: INodeProperties[] = [];

export async function execute(this: IExecuteFunctions, client: TikTokShopClient): Promise<IDataObject[]> {
	const { data } = await client.get<{ warehouses?: IDataObject[] }>('/logistics/202309/warehouses');
	return data.warehouses ?? [];
}
