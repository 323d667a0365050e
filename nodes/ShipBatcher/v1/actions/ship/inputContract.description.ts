import type { INodeProperties } from 'n8n-workflow';

/**
 * The fields read from each incoming item. The defaults are the names the 3PL Tracking Parser writes, and what a
 * CSV with those column headers gives, so either can feed this node without a Set node in between.
 */
export const DEFAULT_FIELD_NAMES = {
	orderId: 'order_id',
	packageId: 'package_id',
	lineItemIds: 'line_item_ids',
	trackingNumber: 'tracking_number',
	carrier: 'carrier',
	shippedAt: 'shipped_at',
} as const;

export type FieldNames = { [K in keyof typeof DEFAULT_FIELD_NAMES]: string };

export const inputContractNotice: INodeProperties = {
	displayName:
		'Each incoming item is one shipment: <b>order_id</b> and/or <b>package_id</b>, optional <b>line_item_ids</b> (for a partial shipment), <b>tracking_number</b>, <b>carrier</b> (as the 3PL writes it, e.g. "UPS Ground") and optional <b>shipped_at</b>. The 3PL Tracking Parser and a CSV with these column headers fit as they are; otherwise set your names under Input Field Names. Every item comes out once: on Shipped, or on To Check with a reason.',
	name: 'inputContractNotice',
	type: 'notice',
	default: '',
};

export const inputFieldNames: INodeProperties = {
	displayName: 'Input Field Names',
	name: 'fieldNames',
	type: 'collection',
	placeholder: 'Change a field name',
	default: {},
	description:
		'Where each value is in the incoming items, when your columns are named differently. Dots reach into nested fields (shipment.tracking).',
	options: [
		{
			displayName: 'Carrier Field',
			name: 'carrier',
			type: 'string',
			default: DEFAULT_FIELD_NAMES.carrier,
			description:
				'The carrier as the 3PL writes it ("USPS Ground Advantage", "FedEx Home", "UniUni"). It is mapped to a TikTok shipping provider of the order.',
		},
		{
			displayName: 'Line Item IDs Field',
			name: 'lineItemIds',
			type: 'string',
			default: DEFAULT_FIELD_NAMES.lineItemIds,
			description:
				'Optional. TikTok line item IDs in this parcel, as a list or separated by commas. Leave the field empty to ship the whole order or package.',
		},
		{
			displayName: 'Order ID Field',
			name: 'orderId',
			type: 'string',
			default: DEFAULT_FIELD_NAMES.orderId,
			description: 'The TikTok order ID (18 digits). Needed when the item has no package ID.',
		},
		{
			displayName: 'Package ID Field',
			name: 'packageId',
			type: 'string',
			default: DEFAULT_FIELD_NAMES.packageId,
			description:
				'Optional. The TikTok package ID. With it, packages are shipped 50 at a time; without it, each order is marked shipped on its own (US orders).',
		},
		{
			displayName: 'Shipped At Field',
			name: 'shippedAt',
			type: 'string',
			default: DEFAULT_FIELD_NAMES.shippedAt,
			description:
				"Optional. When the 3PL handed the parcel over (ISO date or Unix time). Used to tell whether it left before TikTok's late-shipment line.",
		},
		{
			displayName: 'Tracking Number Field',
			name: 'trackingNumber',
			type: 'string',
			default: DEFAULT_FIELD_NAMES.trackingNumber,
			description: 'The tracking number printed on the label. Spaces and dashes are ignored.',
		},
	],
};
