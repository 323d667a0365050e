import type { INodeProperties } from 'n8n-workflow';

import { storeProperty } from '../shared/storeSelection';
import { EVENT_TYPES } from '../shared/events/eventTypes';
import { ORDER_STATUSES } from '../shared/tiktok/resources/orders';
import {
	EVENT_TYPE_NAMES,
	ORDER_STATUS_NAMES,
	codeInWords,
	codeOptions,
} from '../shared/optionNames';

export const DEFAULT_MAX_AGE_MINUTES = 24 * 60;
export const DEFAULT_DEDUPE_HOURS = 72;
export const DEFAULT_MAX_CONCURRENT_RUNS = 5;
/** TikTok's last retry comes about 15.5 h after the first push (+2 min, +30 min, +3 h, +12 h). */
export const MIN_DEDUPE_HOURS = 16;

export const triggerProperties: INodeProperties[] = [
	{
		displayName:
			'TikTok acknowledges each delivery within 3 seconds. Accepted events are queued durably, run once each, retried when the run fails and dead-lettered after the last attempt (second output).',
		name: 'notice',
		type: 'notice',
		default: '',
	},
	{
		displayName: 'Events',
		name: 'events',
		type: 'multiOptions',
		options: EVENT_TYPES.map((type) => ({
			name: EVENT_TYPE_NAMES[type.code] ?? codeInWords(type.name),
			value: type.code,
		})),
		default: [1],
		description:
			'Which webhook types start the workflow. Others are acknowledged and dropped. Empty: all.',
	},
	{
		displayName: 'Order Statuses',
		name: 'orderStatuses',
		type: 'multiOptions',
		options: codeOptions(ORDER_STATUSES, ORDER_STATUS_NAMES),
		default: [],
		description:
			'Only for "Order status changed" events. Empty: every status. Cancelled also matches the CANCEL that some deliveries carry.',
	},
	{
		displayName: 'Skip On-Hold Orders',
		name: 'skipOnHold',
		type: 'boolean',
		default: false,
		description:
			'Whether to drop "Order status changed" events whose order is still in the cancellation grace period (is_on_hold_order)',
	},
	{
		displayName: 'Register Webhook with TikTok',
		name: 'registerWebhook',
		type: 'boolean',
		default: true,
		description:
			"Whether to register this workflow's URL for the chosen events through the Event API when it is activated, and remove it when deactivated. Turn off if the URL is set in Partner Center.",
	},
	{
		displayName: 'Processing',
		name: 'processing',
		type: 'options',
		options: [
			{
				name: 'Retry Failed Runs, Then Dead-Letter',
				value: 'guaranteed',
				description:
					'Every accepted event is stored before TikTok is answered; a failed run is retried',
			},
			{
				name: 'Run Once, No Retries',
				value: 'once',
				description:
					'Starts the run directly from the webhook; a failed run is only in the executions list',
			},
		],
		default: 'guaranteed',
	},
	storeProperty,
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add option',
		default: {},
		options: [
			{
				displayName: 'Dedupe Window (Hours)',
				name: 'dedupeHours',
				type: 'number',
				typeOptions: { minValue: MIN_DEDUPE_HOURS, maxValue: 720 },
				default: DEFAULT_DEDUPE_HOURS,
				description:
					"How long a delivery is remembered. Must outlast TikTok's retries (about 16 h).",
			},
			{
				displayName: 'Max Attempts',
				name: 'maxAttempts',
				type: 'number',
				typeOptions: { minValue: 1, maxValue: 20 },
				default: 4,
				description: 'Runs per event, the first included, before it becomes a dead letter',
			},
			{
				displayName: 'Max Concurrent Runs',
				name: 'maxConcurrentRuns',
				type: 'number',
				typeOptions: { minValue: 1, maxValue: 100 },
				default: DEFAULT_MAX_CONCURRENT_RUNS,
				description:
					"How many events this trigger processes at once. Bursts wait in the queue instead of crowding out the webhook's 3-second answers.",
			},
			{
				displayName: 'Processing Timeout (Minutes)',
				name: 'processingTimeoutMinutes',
				type: 'number',
				typeOptions: { minValue: 1 },
				default: 15,
				description:
					'A run that has not reported back by then (n8n or its worker stopped, for example) is handled as set in When a Started Run Never Reports Back. A run that had not started yet is simply handed out again.',
			},
			{
				displayName: 'Queue Name',
				name: 'queueName',
				type: 'string',
				default: '',
				description:
					'Where this trigger keeps its events. Empty: the workflow ID. Set one when a workflow has two TikTok Shop Triggers.',
			},
			{
				displayName: 'Reject Deliveries Older Than (Minutes)',
				name: 'maxAgeMinutes',
				type: 'number',
				typeOptions: { minValue: 0 },
				default: DEFAULT_MAX_AGE_MINUTES,
				description:
					"TikTok's signature has no timestamp, so an old captured delivery could be replayed. 24 h outlasts TikTok's own last retry (about 15.5 h); shorter values can refuse genuine retries. 0 turns the check off.",
			},
			{
				displayName: 'When a Started Run Never Reports Back',
				name: 'unreportedRuns',
				type: 'options',
				options: [
					{
						name: 'Send to Failed Output',
						value: 'failedOutput',
						description:
							'Nothing runs twice. The event goes to Failed with the execution to check; replay it if that run did not finish.',
					},
					{
						name: 'Run It Again',
						value: 'runAgain',
						description:
							'Nothing waits for you, but the event may run twice: the step that acts must skip an event_key it has already seen',
					},
				],
				default: 'failedOutput',
				description:
					'A run that started an event and then no outcome came back (a worker was killed, n8n restarted, or the run passed its Processing Timeout) may already have shipped or emailed. Nodes older than version 1.2 run it again.',
			},
			{
				displayName: 'Retry Delays (Seconds)',
				name: 'retryDelays',
				type: 'string',
				default: '30,60,120',
				description: 'Pause before each retry, comma-separated; the last one repeats',
			},
		],
	},
];
