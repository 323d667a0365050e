import type { INodeProperties } from 'n8n-workflow';

export const MOVEMENT_OPERATIONS = [
	'recordSale',
	'recordCancellation',
	'recordReturn',
	'recordAdjustment',
];

export const skuProperty: INodeProperties = {
	displayName: 'SKU',
	name: 'sku',
	type: 'string',
	default: '={{ $json.sku }}',
	required: true,
	description: "Your seller SKU, or another channel's SKU that the SKU Mapping turns into one",
};
