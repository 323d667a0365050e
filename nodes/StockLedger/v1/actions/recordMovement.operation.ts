import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import type { MovementKind } from '../../../shared/store';
import {
	ItemInputError,
	requiredText,
	timeOf,
	wholeUnits,
} from '../../../shared/stock/inputValues';
import { MOVEMENT_OPERATIONS } from './fields';
import type { LedgerOperation } from './types';

const KIND_OF_OPERATION: Record<string, MovementKind> = {
	recordSale: 'sale',
	recordCancellation: 'cancel',
	recordReturn: 'return',
	recordAdjustment: 'adjust',
};

const units = { operation: ['recordSale', 'recordCancellation', 'recordReturn'] };
const all = { operation: MOVEMENT_OPERATIONS };

export const description: INodeProperties[] = [
	{
		displayName: 'Units',
		name: 'units',
		type: 'string',
		default: '1',
		required: true,
		displayOptions: { show: units },
		description:
			'How many units the sale takes, or the cancellation or return brings back. A TikTok order line item is one unit.',
	},
	{
		displayName: 'Change',
		name: 'change',
		type: 'string',
		default: '',
		required: true,
		displayOptions: { show: { operation: ['recordAdjustment'] } },
		placeholder: '-2',
		description: 'Signed units: negative for damaged or lost stock, positive for found stock',
	},
	{
		displayName: 'Movement Key',
		name: 'keySource',
		type: 'options',
		default: 'order',
		displayOptions: { show: all },
		description:
			'What makes this movement unique. Recording the same key twice changes nothing, so a repeated webhook never takes stock twice.',
		options: [
			{ name: 'Channel + Order ID + Line ID', value: 'order' },
			{ name: 'Custom Key', value: 'custom' },
		],
	},
	{
		displayName: 'Channel',
		name: 'channel',
		type: 'string',
		default: 'tiktok',
		displayOptions: { show: { ...all, keySource: ['order'] } },
		placeholder: 'shopify',
	},
	{
		displayName: 'Order ID',
		name: 'orderId',
		type: 'string',
		default: '={{ $json.order_id }}',
		required: true,
		displayOptions: { show: { ...all, keySource: ['order'] } },
	},
	{
		displayName: 'Line ID',
		name: 'lineId',
		type: 'string',
		default: '={{ $json.id }}',
		required: true,
		displayOptions: { show: { ...all, keySource: ['order'] } },
		description:
			'The order line (TikTok line item ID, Shopify line item ID…). One order can sell several lines of one SKU.',
	},
	{
		displayName: 'Key',
		name: 'customKey',
		type: 'string',
		default: '',
		required: true,
		displayOptions: { show: { ...all, keySource: ['custom'] } },
		placeholder: '={{ $json.event_id }}',
	},
	{
		displayName: 'Occurred At',
		name: 'occurredAt',
		type: 'string',
		default: '',
		displayOptions: { show: all },
		description:
			'When it happened (ISO date or Unix time). Empty means now. Sales velocity counts sales by this time.',
	},
];

export const recordMovement: LedgerOperation = {
	async execute(this: IExecuteFunctions, { store, ledger, itemIndex, sku }): Promise<IDataObject> {
		const operation = this.getNodeParameter('operation', itemIndex) as string;
		const kind = KIND_OF_OPERATION[operation];
		const delta = deltaOf.call(this, kind, itemIndex);
		// The kind is part of the key so that a sale and the cancellation of the same order line are two movements.
		const key = `${kind}|${movementKey.call(this, itemIndex)}`;
		const occurred = this.getNodeParameter('occurredAt', itemIndex, '');
		const atMs =
			occurred === '' || occurred === undefined || occurred === null
				? Date.now()
				: timeOf('Occurred At', occurred);
		const change = await store.recordMovement(ledger, {
			sku: sku.sellerSku,
			key,
			delta,
			atMs,
			kind,
		});
		return {
			ledger,
			sellerSku: sku.sellerSku,
			...(sku.channelSku ? { channelSku: sku.channelSku } : {}),
			movement: { kind, key, delta, occurredAt: new Date(atMs).toISOString() },
			applied: change.applied,
			duplicate: !change.applied,
			onHand: change.onHand,
		};
	},
};

function deltaOf(this: IExecuteFunctions, kind: MovementKind, itemIndex: number): number {
	if (kind === 'adjust') {
		const change = wholeUnits('Change', this.getNodeParameter('change', itemIndex), {
			allowNegative: true,
		});
		if (change === 0)
			throw new ItemInputError('Change', change, 'is 0; an adjustment must add or remove units');
		return change;
	}
	const count = wholeUnits('Units', this.getNodeParameter('units', itemIndex));
	if (count === 0) throw new ItemInputError('Units', count, 'is 0; record at least one unit');
	return kind === 'sale' ? -count : count;
}

function movementKey(this: IExecuteFunctions, itemIndex: number): string {
	if (this.getNodeParameter('keySource', itemIndex, 'order') === 'custom') {
		return requiredText('Key', this.getNodeParameter('customKey', itemIndex));
	}
	const channel = requiredText('Channel', this.getNodeParameter('channel', itemIndex, 'tiktok'));
	const orderId = requiredText('Order ID', this.getNodeParameter('orderId', itemIndex));
	const lineId = requiredText('Line ID', this.getNodeParameter('lineId', itemIndex));
	return `${channel.toLowerCase()}:${orderId}:${lineId}`;
}
