import type { INodeProperties } from 'n8n-workflow';

export const ruleFields: INodeProperties[] = [
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
