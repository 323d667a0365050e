import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import type { DurableStore } from '../../../shared/store';
import type { MappedSku } from '../../../shared/stock/skuMapping';

export type LedgerCall = { store: DurableStore; ledger: string; itemIndex: number; sku: MappedSku };

export interface LedgerOperation {
	execute(this: IExecuteFunctions, call: LedgerCall): Promise<IDataObject>;
}
