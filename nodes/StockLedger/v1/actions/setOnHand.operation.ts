import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { optionalText, wholeUnits } from '../../../shared/stock/inputValues';
import type { LedgerOperation } from './types';

const show = { operation: ['setOnHand'] };

export const description: INodeProperties[] = [
	{
		displayName: 'Quantity On Hand',
		name: 'quantity',
		type: 'string',
		default: '={{ $json.quantity }}',
		required: true,
		displayOptions: { show },
		description: 'Units physically in stock, from a stock count, a WMS export or another channel',
	},
	{
		displayName: 'Count Key',
		name: 'countKey',
		type: 'string',
		default: '',
		displayOptions: { show },
		placeholder: 'stock-count-2026-11-25',
		description:
			'Optional. With a key, only the first count with that key is applied, so re-running an old import never overwrites the sales recorded since. Leave empty to always apply.',
	},
];

export const setOnHand: LedgerOperation = {
	async execute(this: IExecuteFunctions, { store, ledger, itemIndex, sku }): Promise<IDataObject> {
		const quantity = wholeUnits('Quantity On Hand', this.getNodeParameter('quantity', itemIndex));
		const countKey = optionalText(this.getNodeParameter('countKey', itemIndex, ''));
		const change = await store.setOnHand(
			ledger,
			sku.sellerSku,
			quantity,
			countKey ? `count|${countKey}|${sku.sellerSku}` : undefined,
		);
		return {
			ledger,
			sellerSku: sku.sellerSku,
			...(sku.channelSku ? { channelSku: sku.channelSku } : {}),
			onHand: change.onHand,
			applied: change.applied,
			...(countKey ? { countKey } : {}),
		};
	},
};
