import { NodeConnectionTypes, type INodeProperties, type INodeTypeDescription } from 'n8n-workflow';

import { CREDENTIAL_NAME } from '../../shared/tiktok';
import { shopParameter } from '../../shared/tiktok/shopParameter';
import { credentialsFirst } from '../../shared/credentialsFirst';
import { maxRetriesOption, requestsPerSecondOption } from '../../shared/tiktok/requestOptions';
import { MAX_BATCH_SIZE } from './shipping/tiktokShipping';
import { DEFAULT_FIELD_NAMES } from './shipping/inputContract';

const inputContractNotice: INodeProperties = {
	displayName:
		'Each incoming item is one shipment: <b>order_id</b> and/or <b>package_id</b>, optional <b>line_item_ids</b> (for a partial shipment), <b>tracking_number</b>, <b>carrier</b> (as the 3PL writes it, e.g. "UPS Ground") and optional <b>shipped_at</b>. The 3PL Tracking Parser and a CSV with these column headers fit as they are; otherwise set your names under Input Field Names. Every item comes out once: on Shipped, or on To Check with a reason.',
	name: 'inputContractNotice',
	type: 'notice',
	default: '',
};

const inputFieldNames: INodeProperties = {
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

const shipFields: INodeProperties[] = [
	inputContractNotice,
	{
		displayName: 'Batching',
		name: 'batching',
		type: 'options',
		noDataExpression: true,
		options: [
			{
				name: 'Ship Now',
				value: 'shipNow',
				description:
					"Ship this run's items at once, in batches of the batch size. Right for a file, a sheet or a schedule.",
			},
			{
				name: 'Collect for a Few Seconds',
				value: 'collect',
				description:
					'For workflows that start once per shipment (a webhook per parcel): wait so that runs close together share batches',
			},
		],
		default: 'shipNow',
		description:
			'n8n gives this node all items of one run at once, so Ship Now already batches a file. Collect holds each run for up to the window: runs that start meanwhile in this n8n process add their packages to the same Batch Ship calls, and each run still returns only its own items. In queue mode each worker collects on its own.',
	},
	{
		displayName: 'Window (Seconds)',
		name: 'windowSeconds',
		type: 'number',
		typeOptions: { minValue: 1, maxValue: 60 },
		default: 10,
		description:
			"How long a run waits for others before its packages leave. A full batch leaves at once. Keep it well under your webhook's response timeout.",
		displayOptions: { show: { batching: ['collect'] } },
	},
	{
		displayName: 'Carrier Mapping',
		name: 'carrierMapping',
		type: 'fixedCollection',
		typeOptions: { multipleValues: true },
		placeholder: 'Add mapping',
		default: {},
		description:
			"How your 3PL's carrier names become TikTok shipping providers. Without a row, a carrier name is matched to the provider TikTok lists for the order (UPS, USPS, FedEx, DHL, OnTrac, LaserShip, UniUni, Veho, GOFO, Amazon Shipping); anything unclear goes to To Check.",
		options: [
			{
				displayName: 'Mapping',
				name: 'rules',
				values: [
					{
						displayName: '3PL Carrier Name',
						name: 'carrierText',
						type: 'string',
						default: '',
						placeholder: 'Cirro Ground',
						description:
							'The carrier exactly as the 3PL writes it (case and extra spaces do not matter)',
					},
					{
						displayName: 'TikTok Shipping Provider Name or ID',
						name: 'provider',
						type: 'options',
						typeOptions: { loadOptionsMethod: 'getShippingProviders' },
						default: '',
						description:
							'Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>. The list is every provider of your shop\'s delivery options.',
					},
				],
			},
		],
	},
	{
		displayName: 'Default Shipping Provider Name or ID',
		name: 'defaultProvider',
		type: 'options',
		typeOptions: { loadOptionsMethod: 'getShippingProviders' },
		default: '',
		description:
			'Optional: the provider for items whose carrier is empty or matches nothing; the tracking number must still fit it. Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
	},
	{
		displayName: 'Update Tracking If Already Shipped',
		name: 'updateTracking',
		type: 'boolean',
		default: false,
		description:
			'Whether to replace the tracking number of an order TikTok already shows as shipped with another number. TikTok allows this once, within 72 hours of shipping. Off: such items go to To Check.',
	},
	{
		displayName: 'Close to Late Line (Hours)',
		name: 'closeToLineHours',
		type: 'number',
		typeOptions: { minValue: 0 },
		default: 12,
		description:
			'Items whose order must ship within this many hours are flagged close_to_late_line, for alerts',
	},
	{
		displayName: 'Tracking Number History',
		name: 'trackingHistory',
		type: 'options',
		noDataExpression: true,
		options: [
			{
				name: 'On This N8n Instance',
				value: 'embedded',
				description: "A small database file beside n8n's own (in the n8n user folder)",
			},
			{
				name: 'In Redis (Queue Mode)',
				value: 'redis',
				description: 'Shared by every n8n worker',
			},
			{
				name: 'Off (This Batch Only)',
				value: 'none',
				description: 'Only catches a number used twice within one run',
			},
		],
		default: 'embedded',
		description:
			'Where uploaded tracking numbers are remembered, to catch a label reused on another order in a later run',
	},
	inputFieldNames,
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add option',
		default: {},
		options: [
			{
				displayName: 'Batch Size',
				name: 'batchSize',
				type: 'number',
				typeOptions: { minValue: 1, maxValue: MAX_BATCH_SIZE },
				default: MAX_BATCH_SIZE,
				description:
					'Packages per Batch Ship Packages call, at most 50. TikTok publishes no maximum; if it refuses a batch, the batch is split in halves and sent again.',
			},
			{
				displayName: 'History Days',
				name: 'historyDays',
				type: 'number',
				typeOptions: { minValue: 1, maxValue: 365 },
				default: 90,
				description: 'How long an uploaded tracking number is remembered',
			},
			{
				displayName: 'History File',
				name: 'historyFile',
				type: 'string',
				default: '',
				placeholder: '/home/node/.n8n/tiktok-shop-ops.sqlite',
				description:
					'Where the history file lives when it is kept on this instance. Empty: the n8n user folder.',
			},
			{
				...maxRetriesOption,
				description:
					'How often a rate-limited or failed call is sent again, with growing random pauses, before its items go to To Check',
			},
			requestsPerSecondOption,
		],
	},
];

export const versionDescription: Omit<
	INodeTypeDescription,
	'displayName' | 'name' | 'group' | 'description'
> & {
	version: number;
} = {
	version: 1,
	defaults: { name: 'TikTok Shop Ship Batcher' },
	inputs: [NodeConnectionTypes.Main],
	outputs: [NodeConnectionTypes.Main, NodeConnectionTypes.Main],
	outputNames: ['Shipped', 'To Check'],
	credentials: [
		{ name: CREDENTIAL_NAME, required: true },
		{
			name: 'tikTokShopRedis',
			required: true,
			testedBy: 'tikTokShopRedisTest',
			displayOptions: { show: { trackingHistory: ['redis'] } },
		},
	],
	properties: [credentialsFirst, shopParameter, ...shipFields],
};
