import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import type { TikTokShopClient } from '../../../../shared/tiktok';
import { logistics } from '../../../../shared/tiktok/resources';

export const description: INodeProperties[] = [];

export async function execute(
	this: IExecuteFunctions,
	client: TikTokShopClient,
): Promise<IDataObject[]> {
	return await logistics.getWarehouses<IDataObject>(client);
}
