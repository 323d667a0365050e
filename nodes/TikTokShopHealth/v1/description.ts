import { NodeConnectionTypes, type INodeProperties, type INodeTypeDescription } from 'n8n-workflow';
import { shopParameter } from '../../shared/tiktok/shopParameter';

import { CREDENTIAL_NAME } from '../../shared/tiktok';
import { requestOptions } from '../../shared/tiktok/requestOptions';
import { THRESHOLD_FIELDS } from './health/computeMetrics';
import { DEFAULT_THRESHOLDS } from './health/metrics';
import { DEFAULT_BANDS } from './health/riskBands';
import { credentialsFirst } from '../../shared/credentialsFirst';

const showComputeMetrics = { operation: ['computeMetrics'] };
const showPerformanceScore = { operation: ['getPerformanceScore'] };
const showOrdersAtRisk = { operation: ['ordersAtRisk'] };

const computeMetricsFields: INodeProperties[] = [
	{
		displayName: 'Window (Days)',
		name: 'windowDays',
		type: 'number',
		typeOptions: { minValue: 1, maxValue: 180 },
		default: 30,
		description: 'Orders and returns created this many days before the window end are counted',
		displayOptions: { show: showComputeMetrics },
	},
	{
		displayName: 'Window End',
		name: 'windowEnd',
		type: 'dateTime',
		default: '',
		description: 'Leave empty for now',
		displayOptions: { show: showComputeMetrics },
	},
	{
		displayName: "Read Carrier Scans From TikTok's Tracking",
		name: 'readTracking',
		type: 'boolean',
		default: true,
		description:
			"Whether to read TikTok's tracking history of shipped orders that carry no collection time. Without it such orders count as not scanned.",
		displayOptions: { show: showComputeMetrics },
	},
	{
		displayName: 'Compare With Shop Performance Score',
		name: 'compareWithSps',
		type: 'boolean',
		default: false,
		description:
			"Whether to add TikTok's own value of each metric from the SPS overview (US shops) and the difference",
		displayOptions: { show: showComputeMetrics },
	},
	{
		displayName: 'Thresholds',
		name: 'thresholds',
		type: 'collection',
		placeholder: 'Change a threshold',
		default: {},
		displayOptions: { show: showComputeMetrics },
		options: THRESHOLD_FIELDS.map((field) => ({
			displayName: field.displayName,
			name: field.name,
			type: 'number' as const,
			typeOptions: { minValue: 0 },
			default: DEFAULT_THRESHOLDS[field.key].value,
		})),
	},
];

const getPerformanceScoreFields: INodeProperties[] = [
	{
		displayName: 'View',
		name: 'spsView',
		type: 'options',
		options: [
			{
				name: 'Overview',
				value: 'overview',
				description: 'The score, its tier and every metric with value, threshold, trend and tier',
			},
			{
				name: 'Metric Details',
				value: 'metricDetail',
				description: 'Daily history and diagnosis of each metric',
			},
			{
				name: 'Drill Down',
				value: 'drillDown',
				description: 'The products, providers, after-sales types, orders or chats behind a metric',
			},
		],
		default: 'overview',
		displayOptions: { show: showPerformanceScore },
	},
	{
		displayName: 'Attach Trend Chart',
		name: 'includeChart',
		type: 'boolean',
		default: false,
		description:
			'Whether to attach a PNG chart of each metric\'s daily history (one detail call per metric), as binary property "chart"',
		displayOptions: { show: { ...showPerformanceScore, spsView: ['overview'] } },
	},
	{
		displayName: 'Metric IDs',
		name: 'metricIds',
		type: 'string',
		default: '',
		placeholder: 'LATE_DISPATCH_RATE, ON_TIME_DELIVERY_RATE',
		description: 'Comma-separated; empty for every metric of the overview',
		displayOptions: { show: { ...showPerformanceScore, spsView: ['metricDetail'] } },
	},
	{
		displayName: 'Metric ID',
		name: 'metricId',
		type: 'string',
		default: '',
		required: true,
		placeholder: 'LATE_DISPATCH_RATE',
		displayOptions: { show: { ...showPerformanceScore, spsView: ['drillDown'] } },
	},
	{
		displayName: 'Drill Down To',
		name: 'drillDownTo',
		type: 'options',
		options: [
			{ name: 'After-Sales Types', value: 'AFTERSALES_TYPE' },
			{ name: 'Chats', value: 'CHAT' },
			{ name: 'Logistics Providers', value: 'LOGISTICS_PROVIDER' },
			{ name: 'Orders', value: 'ORDER' },
			{ name: 'Products', value: 'PRODUCT' },
		],
		default: 'ORDER',
		displayOptions: { show: { ...showPerformanceScore, spsView: ['drillDown'] } },
	},
	{
		displayName: 'Return All',
		name: 'returnAll',
		type: 'boolean',
		default: false,
		description: 'Whether to return all results or only up to a given limit',
		displayOptions: { show: { ...showPerformanceScore, spsView: ['drillDown'] } },
	},
	{
		displayName: 'Limit',
		name: 'limit',
		type: 'number',
		typeOptions: { minValue: 1 },
		default: 50,
		description: 'Max number of results to return',
		displayOptions: {
			show: { ...showPerformanceScore, spsView: ['drillDown'], returnAll: [false] },
		},
	},
];

const ordersAtRiskFields: INodeProperties[] = [
	{
		displayName: 'Critical Within (Hours)',
		name: 'criticalHours',
		type: 'number',
		typeOptions: { minValue: 0.1 },
		default: DEFAULT_BANDS.criticalHours,
		description: 'Orders due within this many hours are in the "critical" band',
		displayOptions: { show: showOrdersAtRisk },
	},
	{
		displayName: 'Urgent Within (Hours)',
		name: 'urgentHours',
		type: 'number',
		typeOptions: { minValue: 0.1 },
		default: DEFAULT_BANDS.urgentHours,
		description: 'Orders due within this many hours are in the "urgent" band',
		displayOptions: { show: showOrdersAtRisk },
	},
	{
		displayName: 'Soon Within (Hours)',
		name: 'soonHours',
		type: 'number',
		typeOptions: { minValue: 0.1 },
		default: DEFAULT_BANDS.soonHours,
		description:
			'Orders due within this many hours are in the "soon" band; orders further out are not listed',
		displayOptions: { show: showOrdersAtRisk },
	},
	{
		displayName: 'Output',
		name: 'riskOutput',
		type: 'options',
		options: [
			{ name: 'One Item per Order', value: 'perOrder', description: 'Most urgent first' },
			{
				name: 'One Item per Band',
				value: 'perBand',
				description: 'The orders of each band together, for one alert per band',
			},
		],
		default: 'perOrder',
		displayOptions: { show: showOrdersAtRisk },
	},
	{
		displayName: "Read Carrier Scans From TikTok's Tracking",
		name: 'readTracking',
		type: 'boolean',
		default: true,
		description:
			"Whether to read TikTok's tracking history of orders with a tracking number but no collection time, to tell a parcel waiting for the carrier from one scanned after the line. One call per such order near its deadline.",
		displayOptions: { show: showOrdersAtRisk },
	},
	{
		displayName: 'Time Zone',
		name: 'timeZone',
		type: 'string',
		default: '',
		placeholder: 'America/Los_Angeles',
		description:
			"Your time zone, for the times written in the next steps and deadlines, such as America/Los_Angeles or America/New_York. Leave empty to use the workflow's time zone (its settings, else the n8n instance's).",
		displayOptions: { show: showOrdersAtRisk },
	},
];

export const versionDescription: Omit<
	INodeTypeDescription,
	'displayName' | 'name' | 'group' | 'description'
> & { version: number } = {
	version: 1,
	defaults: { name: 'TikTok Shop Health' },
	inputs: [NodeConnectionTypes.Main],
	outputs: [NodeConnectionTypes.Main],
	credentials: [{ name: CREDENTIAL_NAME, required: true }],
	properties: [
		credentialsFirst,
		shopParameter,
		{
			displayName: 'Operation',
			name: 'operation',
			type: 'options',
			noDataExpression: true,
			options: [
				{
					name: 'Compute Metrics',
					value: 'computeMetrics',
					action: 'Compute fulfilment metrics',
					description:
						"Late dispatch, valid tracking, seller-fault cancellation, on-time delivery and return handling over a window, from the shop's own orders, with the orders behind each number",
				},
				{
					name: 'Get Performance Score',
					value: 'getPerformanceScore',
					action: 'Get the shop performance score',
					description:
						"TikTok's Shop Performance Score (US shops): overview, metric details and diagnosis, drill-downs",
				},
				{
					name: 'Orders at Risk',
					value: 'ordersAtRisk',
					action: 'List orders at risk of missing their line',
					description:
						'Orders awaiting shipment or collection that may miss their deadline, most urgent first, with the reason and the next step',
				},
			],
			default: 'ordersAtRisk',
		},
		...ordersAtRiskFields,
		...computeMetricsFields,
		...getPerformanceScoreFields,
		requestOptions,
	],
};
