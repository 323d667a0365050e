import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { ItemInputError, wholeUnits } from '../../../shared/stock/inputValues';
import type { LedgerOperation } from './types';

const HOUR_MS = 3_600_000;

export const description: INodeProperties[] = [
	{
		displayName: 'Velocity Window (Hours)',
		name: 'velocityWindowHours',
		type: 'number',
		typeOptions: { minValue: 1 },
		default: 168,
		displayOptions: { show: { operation: ['getStock'] } },
		description: 'Sales velocity is the units sold in this many hours before now, per day',
	},
];

export const getStock: LedgerOperation = {
	async execute(this: IExecuteFunctions, { store, ledger, itemIndex, sku }): Promise<IDataObject> {
		const windowHours = wholeUnits(
			'Velocity Window (Hours)',
			this.getNodeParameter('velocityWindowHours', itemIndex, 168),
		);
		if (windowHours === 0)
			throw new ItemInputError('Velocity Window (Hours)', windowHours, 'must be at least 1');
		const level = await store.getStock(ledger, sku.sellerSku, windowHours * HOUR_MS, Date.now());
		return {
			ledger,
			sellerSku: sku.sellerSku,
			...(sku.channelSku ? { channelSku: sku.channelSku } : {}),
			onHand: level.onHand,
			// On-hand goes below 0 when sales arrive before a recount; nothing below 0 can be sold.
			available: Math.max(0, level.onHand),
			soldInWindow: level.soldInWindow,
			velocityWindowHours: windowHours,
			velocityPerDay: Math.round((level.soldInWindow * 24 * 100) / windowHours) / 100,
		};
	},
};
