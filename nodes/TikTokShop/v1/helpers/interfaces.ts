import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import type { TikTokShopClient } from '../../../shared/tiktok';

export type TikTokShopResource =
	'authorization' | 'order' | 'package' | 'logistics' | 'return' | 'finance' | 'event';

/** One operation: the fields it reads, and what it does for one input item. */
export interface TikTokShopOperation {
	description: INodeProperties[];
	execute(
		this: IExecuteFunctions,
		client: TikTokShopClient,
		itemIndex: number,
	): Promise<IDataObject[]>;
}
