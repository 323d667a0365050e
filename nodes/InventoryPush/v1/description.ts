import { NodeConnectionTypes, type INodeProperties, type INodeTypeDescription } from 'n8n-workflow';

import { REDIS_CREDENTIAL_NAME, storeProperty } from '../../shared/storeSelection';
import { ledgerNameProperty, skuMappingProperties } from '../../shared/stock/ledgerFields';
import { CREDENTIAL_NAME } from '../../shared/tiktok';
import { maxRetriesOption, requestsPerSecondOption } from '../../shared/tiktok/requestOptions';
import { shopParameter } from '../../shared/tiktok/shopParameter';
import { credentialsFirst } from '../../shared/credentialsFirst';

const stockFields: INodeProperties[] = [
	{
		displayName: 'Stock Source',
		name: 'stockSource',
		type: 'options',
		noDataExpression: true,
		default: 'ledger',
		options: [
			{
				name: 'Stock Ledger',
				value: 'ledger',
				description: 'On hand as the TikTok Shop Stock Ledger node keeps it',
			},
			{
				name: 'Input Field',
				value: 'input',
				description: 'A quantity on each item, e.g. from Postgres, a sheet or a WMS',
			},
		],
	},
	{
		displayName: 'Seller SKU',
		name: 'sku',
		type: 'string',
		default: '={{ $json.sellerSku ?? $json.sku }}',
		required: true,
		description:
			"The seller SKU as on TikTok, or another channel's SKU that the SKU Mapping turns into one",
	},
	{
		displayName: 'Available Quantity',
		name: 'quantity',
		type: 'string',
		default: '={{ $json.onHand ?? $json.quantity }}',
		required: true,
		displayOptions: { show: { stockSource: ['input'] } },
		description: 'Whole units available to sell, before the listing rules',
	},
	{
		displayName: 'Kill Switch',
		name: 'killSwitch',
		type: 'boolean',
		default: false,
		description:
			'Whether to list 0 at once, whatever the stock. Map it to a column (e.g. {{ $json.stop_selling }}) to stop single SKUs, or switch it on to stop every SKU of this run.',
	},
];

const warehouseFields: INodeProperties[] = [
	{
		displayName: 'Warehouses',
		name: 'warehouseMode',
		type: 'options',
		noDataExpression: true,
		default: 'default',
		description:
			'Every warehouse TikTok assigns to a SKU is always sent; this decides how many units each one lists',
		options: [
			{
				name: 'All to a Default Warehouse',
				value: 'default',
				description: 'Everything at one warehouse, 0 at the others',
			},
			{
				name: 'By Source Location',
				value: 'byLocation',
				description: 'Map your stock locations to TikTok warehouses',
			},
		],
	},
	{
		displayName: 'Default Warehouse ID',
		name: 'defaultWarehouseId',
		type: 'string',
		default: '',
		placeholder: '7068517274813097771',
		description:
			'TikTok warehouse ID (TikTok Shop node → Logistics → Get Warehouses). Needed for SKUs stocked in several warehouses; pre-order SKUs always list here.',
	},
	{
		displayName: 'Location to Warehouse',
		name: 'locationMap',
		type: 'fixedCollection',
		typeOptions: { multipleValues: true },
		placeholder: 'Add location',
		default: {},
		displayOptions: { show: { warehouseMode: ['byLocation'] } },
		options: [
			{
				displayName: 'Location',
				name: 'rows',
				values: [
					{
						displayName: 'Source Location',
						name: 'location',
						type: 'string',
						default: '',
						placeholder: 'NJ-01',
					},
					{ displayName: 'TikTok Warehouse ID', name: 'warehouseId', type: 'string', default: '' },
				],
			},
		],
	},
	{
		displayName: 'Stock by Location',
		name: 'locationStock',
		type: 'json',
		default: '={{ $json.locations }}',
		displayOptions: { show: { warehouseMode: ['byLocation'] } },
		description:
			'Units per source location on each item, as {"NJ-01": 40, "CA-02": 12}. The listed quantity is shared in proportion; no warehouse lists more than its locations hold.',
	},
];

const ruleFields: INodeProperties[] = [
	{
		displayName: 'Listing Rules',
		name: 'listingRules',
		type: 'collection',
		placeholder: 'Add rule',
		default: {},
		description:
			"Applied in this order: kill switch, available, lag-aware buffer, safety threshold, percentage, maximum, TikTok's 99,999 limit",
		options: [
			{
				displayName: 'Safety Threshold',
				name: 'safetyThreshold',
				type: 'number',
				typeOptions: { minValue: 0 },
				default: 2,
				description: 'When the units left (after the buffer) are at or below this, list 0',
			},
			{
				displayName: 'Percent of Available',
				name: 'percentOfAvailable',
				type: 'number',
				typeOptions: { minValue: 1, maxValue: 100 },
				default: 100,
				description: 'List this share of what is left, rounded down',
			},
			{
				displayName: 'Maximum Listed',
				name: 'maxListed',
				type: 'number',
				typeOptions: { minValue: 0 },
				default: 50,
				description: 'Never list more than this many units',
			},
		],
	},
	{
		displayName: 'Lag-Aware Buffer',
		name: 'lagBuffer',
		type: 'options',
		default: 'off',
		description:
			'Holds back ceil(sales velocity × sync lag) units: what probably sold on other channels since the stock figure was taken. Velocity comes from the Stock Ledger.',
		options: [
			{ name: 'Off', value: 'off' },
			{
				name: 'Fixed Lag',
				value: 'fixed',
				description: 'You know how late the figures usually are',
			},
			{
				name: 'Age of the Source Data',
				value: 'sourceAge',
				description: 'Lag = now minus the time on each item',
			},
		],
	},
	{
		displayName: 'Lag (Minutes)',
		name: 'lagMinutes',
		type: 'number',
		typeOptions: { minValue: 0 },
		default: 15,
		displayOptions: { show: { lagBuffer: ['fixed'] } },
	},
	{
		displayName: 'Source Data Time',
		name: 'sourceDataTime',
		type: 'string',
		default: '={{ $json.exported_at }}',
		displayOptions: { show: { lagBuffer: ['sourceAge'] } },
		description:
			'When the stock figure was taken (ISO date or Unix time), e.g. the export time of the WMS file',
	},
	{
		displayName: 'Velocity Window (Hours)',
		name: 'velocityWindowHours',
		type: 'number',
		typeOptions: { minValue: 1 },
		default: 168,
		displayOptions: { show: { lagBuffer: ['fixed', 'sourceAge'] } },
		description:
			'Sales velocity = units sold in this many hours before now (Stock Ledger sales), per hour',
	},
];

const preOrderFields: INodeProperties[] = [
	{
		displayName: 'Pre-Order Variants',
		name: 'preOrders',
		type: 'fixedCollection',
		typeOptions: { multipleValues: true },
		placeholder: 'Add pre-order variant',
		default: {},
		description:
			'While the original SKU lists 0 and incoming stock is declared, the original stays at 0 and its "Pre-order (ships in N days)" SKU lists the incoming units',
		options: [
			{
				displayName: 'Variant',
				name: 'rows',
				values: [
					{ displayName: 'Original Seller SKU', name: 'originalSku', type: 'string', default: '' },
					{ displayName: 'Pre-Order Seller SKU', name: 'preOrderSku', type: 'string', default: '' },
					{
						displayName: 'Ships In (Days)',
						name: 'shipsInDays',
						type: 'number',
						default: 7,
						description: 'The N of "Pre-order (ships in N days)": a whole number from 3 to 30',
					},
				],
			},
		],
	},
	{
		displayName: 'Incoming Quantity',
		name: 'incomingQuantity',
		type: 'string',
		default: '={{ $json.incoming ?? 0 }}',
		description: 'Units on the way (purchase orders) for SKUs with a pre-order variant',
	},
];

const optionFields: INodeProperties = {
	displayName: 'Options',
	name: 'options',
	type: 'collection',
	placeholder: 'Add option',
	default: {},
	options: [
		{
			displayName: 'Catalogue Cache (Minutes)',
			name: 'cacheTtlMinutes',
			type: 'number',
			typeOptions: { minValue: 1 },
			default: 60,
			description:
				'How long the seller SKU → TikTok product and warehouse mapping is reused before it is loaded again. Unknown SKUs are always looked up.',
		},
		{
			displayName: 'Dry Run',
			name: 'dryRun',
			type: 'boolean',
			default: false,
			description:
				'Whether to read TikTok and output the update calls it would send, without sending them',
		},
		{
			...maxRetriesOption,
			description:
				'How often a rate-limited or failed call is sent again, with growing random pauses, before its SKUs go to To Check',
		},
		{
			...requestsPerSecondOption,
			description:
				'TikTok allows 50 per second per API and shop. Lower it when other workflows update inventory at the same time.',
		},
	],
};

export const OUTPUT_NAMES = ['Updated', 'Unchanged', 'To Check'];

export const versionDescription: Omit<
	INodeTypeDescription,
	'displayName' | 'name' | 'group' | 'description'
> & {
	version: number;
} = {
	version: 1,
	defaults: { name: 'Inventory Push' },
	inputs: [NodeConnectionTypes.Main],
	outputs: [NodeConnectionTypes.Main, NodeConnectionTypes.Main, NodeConnectionTypes.Main],
	outputNames: OUTPUT_NAMES,
	credentials: [
		{ name: CREDENTIAL_NAME, required: true },
		{
			name: REDIS_CREDENTIAL_NAME,
			required: true,
			testedBy: 'tikTokShopRedisTest',
			displayOptions: { show: { stateStore: ['redis'] } },
		},
	],
	properties: [
		credentialsFirst,
		shopParameter,
		{
			displayName:
				'Each item is one SKU. Only products with a changed SKU get an update call. Problems (unknown SKU, inactive product, bad input, TikTok refusals) go to the To Check output with the reason.',
			name: 'notice',
			type: 'notice',
			default: '',
		},
		storeProperty,
		...stockFields,
		ledgerNameProperty,
		...ruleFields,
		...warehouseFields,
		...preOrderFields,
		...skuMappingProperties(),
		optionFields,
	],
};
