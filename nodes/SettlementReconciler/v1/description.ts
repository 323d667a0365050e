import { NodeConnectionTypes, type INodeProperties, type INodeTypeDescription } from 'n8n-workflow';

import { CREDENTIAL_NAME } from '../../shared/tiktok';
import { requestOptions } from '../../shared/tiktok/requestOptions';
import { shopParameterShownFor } from '../../shared/tiktok/shopParameter';
import { credentialsFirst } from '../../shared/credentialsFirst';
import { DEFAULT_APPAREL_KEYWORDS } from './reconciliation/rateTable';

export const rateFields: INodeProperties[] = [
	{
		displayName: 'Commission Rate, Non-Apparel (%)',
		name: 'nonApparelRate',
		type: 'number',
		typeOptions: { minValue: 0, maxValue: 100, numberPrecision: 2 },
		default: 5,
		description:
			'Rate TikTok should charge on sales after seller discounts and before tax, minus refunds',
	},
	{
		displayName: 'Commission Rate, Apparel (%)',
		name: 'apparelRate',
		type: 'number',
		typeOptions: { minValue: 0, maxValue: 100, numberPrecision: 2 },
		default: 8,
	},
	{
		displayName: 'Apparel Categories',
		name: 'apparelCategories',
		type: 'string',
		default: DEFAULT_APPAREL_KEYWORDS,
		description:
			"Words that mark a report row's category as apparel (comma-separated). Rows without a category use the non-apparel rate.",
	},
	{
		displayName: 'Rate Exceptions',
		name: 'rateRules',
		type: 'fixedCollection',
		typeOptions: { multipleValues: true },
		placeholder: 'Add rate for a category or SKU',
		default: {},
		description: 'Rates for particular categories or SKUs. A SKU rate wins over a category rate.',
		options: [
			{
				displayName: 'Rule',
				name: 'rules',
				values: [
					{
						displayName: 'Match By',
						name: 'matchBy',
						type: 'options',
						options: [
							{ name: 'Category', value: 'category' },
							{ name: 'SKU', value: 'sku' },
						],
						default: 'category',
					},
					{
						displayName: 'Category or SKU',
						name: 'value',
						type: 'string',
						default: '',
						placeholder: 'Beauty & Personal Care',
					},
					{
						displayName: 'Rate (%)',
						name: 'ratePercent',
						type: 'number',
						typeOptions: { minValue: 0, maxValue: 100, numberPrecision: 2 },
						default: 5,
					},
				],
			},
		],
	},
	{
		displayName: 'Tolerance ($)',
		name: 'toleranceAmount',
		type: 'number',
		typeOptions: { minValue: 0, numberPrecision: 2 },
		default: 0.01,
		description:
			'Differences up to the larger of this amount and the tolerance percent are not reported',
	},
	{
		displayName: 'Tolerance (%)',
		name: 'tolerancePercent',
		type: 'number',
		typeOptions: { minValue: 0, maxValue: 100, numberPrecision: 2 },
		default: 0.5,
	},
];

export const optionFields: INodeProperties = {
	displayName: 'Options',
	name: 'options',
	type: 'collection',
	placeholder: 'Add option',
	default: {},
	options: [
		{
			displayName: 'As Of Date',
			name: 'asOf',
			type: 'dateTime',
			default: '',
			description: 'The day deadlines are counted from. Empty: today.',
		},
		{
			displayName: 'Correction Request Batch Size',
			name: 'requestBatchSize',
			type: 'number',
			typeOptions: { minValue: 1, maxValue: 500 },
			default: 50,
			description: 'How many orders one ready-to-paste correction request lists',
		},
		{
			displayName: 'Max Unreadable Rows Listed',
			name: 'maxRejectedListed',
			type: 'number',
			typeOptions: { minValue: 0 },
			default: 1000,
			description:
				'Unreadable rows beyond this are counted by reason in the summary instead of listed one by one',
		},
		{
			displayName: 'Seller Time Zone',
			name: 'timeZone',
			type: 'string',
			default: 'America/Los_Angeles',
			description:
				'IANA time zone of the shop (Seller Center US reports use Pacific Time). Deadlines are counted in it.',
		},
		{
			displayName: 'Shop Name',
			name: 'shopName',
			type: 'string',
			default: '',
			description: 'Used in the correction request texts',
		},
		{
			displayName: 'Transaction Fee (%)',
			name: 'transactionFeePercent',
			type: 'number',
			typeOptions: { minValue: 0, maxValue: 100, numberPrecision: 2 },
			default: 0,
			description:
				"Expected transaction / payment processing fee. TikTok's US referral fee includes processing, so any separate transaction fee is reported unless you set one here.",
		},
		{
			displayName: 'Transaction Fee per Order ($)',
			name: 'transactionFeeFixed',
			type: 'number',
			typeOptions: { minValue: 0, numberPrecision: 2 },
			default: 0,
		},
		{
			displayName: 'Transaction Fee on Refunds',
			name: 'transactionFeeOnRefunds',
			type: 'options',
			options: [
				{
					name: 'Kept by TikTok (Fee on the Whole Sale)',
					value: 'kept',
					description:
						"TikTok's US rule: the fee is on the payment taken and is not given back when the sale is refunded",
				},
				{
					name: 'Given Back (Fee on Sales Minus Refunds)',
					value: 'returned',
					description: 'For a shop whose agreement with TikTok returns the fee on refunds',
				},
			],
			default: 'kept',
			description: 'Whether the expected transaction fee shrinks when part of an order is refunded',
		},
	],
};

export function periodFields(operation: string, emptyMeans: string): INodeProperties[] {
	const show = { operation: [operation] };
	return [
		{
			displayName: 'From',
			name: 'from',
			type: 'dateTime',
			default: '',
			description: `Start of the statement period (inclusive). Empty: ${emptyMeans}.`,
			displayOptions: { show },
		},
		{
			displayName: 'To',
			name: 'to',
			type: 'dateTime',
			default: '',
			description: 'End of the statement period (exclusive). Empty: the end of the As Of day.',
			displayOptions: { show },
		},
	];
}

export function unsettledFields(operation: string): INodeProperties[] {
	const show = { operation: [operation] };
	return [
		{
			displayName: 'Check Delivered but Unsettled Orders',
			name: 'checkUnsettled',
			type: 'boolean',
			default: true,
			description:
				'Whether to search the shop for orders delivered more than the given days ago that were never settled (confirmed order by order)',
			displayOptions: { show },
		},
		{
			displayName: 'Unsettled After (Days)',
			name: 'unsettledAfterDays',
			type: 'number',
			typeOptions: { minValue: 1 },
			default: 14,
			displayOptions: { show: { ...show, checkUnsettled: [true] } },
		},
		{
			displayName: 'Look Back (Days)',
			name: 'lookbackDays',
			type: 'number',
			typeOptions: { minValue: 1, maxValue: 365 },
			default: 60,
			description: 'How far back to look for delivered orders (by order creation date)',
			displayOptions: { show: { ...show, checkUnsettled: [true] } },
		},
	];
}

export function binaryField(operation: string): INodeProperties {
	return {
		displayName: 'Input Binary Field',
		name: 'binaryPropertyName',
		type: 'string',
		default: 'data',
		required: true,
		hint: 'The name of the input binary field holding the settlement CSV from Seller Center',
		displayOptions: { show: { operation: [operation] } },
	};
}

const reconcileCsvFields: INodeProperties[] = [
	binaryField('reconcileCsv'),
	{
		displayName: 'Orders Export Binary Field',
		name: 'ordersBinaryPropertyName',
		type: 'string',
		default: '',
		placeholder: 'orders',
		hint: 'Optional: the input binary field holding the orders CSV from Seller Center (Orders → Export)',
		description:
			'With the orders export, delivered orders that this settlement report never paid are reported too. Leave empty to check the settlement report alone.',
		displayOptions: { show: { operation: ['reconcileCsv'] } },
	},
	{
		displayName: 'Unsettled After (Days)',
		name: 'unsettledAfterDays',
		type: 'number',
		typeOptions: { minValue: 1 },
		default: 14,
		description:
			'A delivered order in the orders export without a settlement row is reported once it was delivered more than this many days before the As Of day',
		displayOptions: { show: { operation: ['reconcileCsv'] } },
	},
];

const reconcileApiFields: INodeProperties[] = [
	...periodFields('reconcileApi', 'the 7 days before the As Of day'),
	...unsettledFields('reconcileApi'),
];

const compareCsvApiFields: INodeProperties[] = [
	binaryField('compareCsvApi'),
	...periodFields('compareCsvApi', "the report's first and last settlement dates"),
	...unsettledFields('compareCsvApi'),
];

/** Output order: what the user acts on first. Short enough for the canvas, which cuts a label after about 10 characters. */
export const OUTPUT_NAMES = ['Findings', 'Summary', 'Unreadable'];

export const versionDescription: Omit<
	INodeTypeDescription,
	'displayName' | 'name' | 'group' | 'description'
> & { version: number } = {
	version: 1,
	defaults: { name: 'Settlement Reconciler' },
	inputs: [NodeConnectionTypes.Main],
	outputs: [NodeConnectionTypes.Main, NodeConnectionTypes.Main, NodeConnectionTypes.Main],
	outputNames: OUTPUT_NAMES,
	credentials: [
		{
			name: CREDENTIAL_NAME,
			required: true,
			displayOptions: { show: { operation: ['reconcileApi', 'compareCsvApi'] } },
		},
	],
	properties: [
		credentialsFirst,
		{
			displayName: 'Operation',
			name: 'operation',
			type: 'options',
			noDataExpression: true,
			options: [
				{
					name: 'Reconcile Settlement Report',
					value: 'reconcileCsv',
					action: 'Reconcile a settlement report CSV',
					description: 'Check the CSV exported from Seller Center against your commission rates',
				},
				{
					name: 'Reconcile From Finance API',
					value: 'reconcileApi',
					action: 'Reconcile statements from the finance API',
					description: "Fetch the period's statements and transactions from TikTok and check them",
				},
				{
					name: 'Compare Report With Finance API',
					value: 'compareCsvApi',
					action: 'Compare a settlement report with the finance API',
					description: 'Check the CSV and confirm each order against what TikTok settled',
				},
			],
			default: 'reconcileCsv',
		},
		{
			displayName:
				'Outputs: <b>Findings</b> (one item per finding, money owed to you and soonest deadline first), <b>Summary</b> (totals, amount recoverable, ready-to-paste correction requests) and <b>Unreadable</b> (report lines that could not be read, with the reason).',
			name: 'outputsNotice',
			type: 'notice',
			default: '',
		},
		shopParameterShownFor({ operation: ['reconcileApi', 'compareCsvApi'] }),
		...reconcileCsvFields,
		...reconcileApiFields,
		...compareCsvApiFields,
		...rateFields,
		optionFields,
		{
			...requestOptions,
			displayOptions: { show: { operation: ['reconcileApi', 'compareCsvApi'] } },
		},
	],
};
