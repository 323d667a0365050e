import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import type { TikTokShopClient } from '../../../shared/tiktok';

export interface ReconcileOutputs {
	discrepancies: IDataObject[];
	summary: IDataObject;
	rejected: IDataObject[];
}

/** Created on first use, so the report-only operation needs no credential. */
export type ClientProvider = () => Promise<TikTokShopClient>;

export interface ReconcileOperation {
	execute(
		this: IExecuteFunctions,
		itemIndex: number,
		client: ClientProvider,
	): Promise<ReconcileOutputs>;
}
