import type { IDataObject, ITriggerFunctions, IWebhookFunctions } from 'n8n-workflow';

import { DEFAULT_RETRY_POLICY, type RetryPolicy } from '../shared/events/eventQueue';
import {
	DEFAULT_DEDUPE_HOURS,
	DEFAULT_MAX_AGE_MINUTES,
	DEFAULT_MAX_CONCURRENT_RUNS,
	MIN_DEDUPE_HOURS,
} from './description';
import type { EventSelection } from './webhook/selectEvent';

export interface TriggerSettings {
	queue: string;
	selection: EventSelection;
	guaranteed: boolean;
	dedupeTtlMs: number;
	maxAgeSeconds: number;
	policy: RetryPolicy;
	processingTimeoutMs: number;
	maxConcurrentRuns: number;
	rerunUnreported: boolean;
}

export function readSettings(context: IWebhookFunctions | ITriggerFunctions): TriggerSettings {
	const options = context.getNodeParameter('options', {}) as IDataObject;
	const delays = String(options.retryDelays ?? '30,60,120')
		.split(/[\s,]+/)
		.filter(Boolean)
		.map((seconds) => Number(seconds) * 1000)
		.filter((ms) => Number.isFinite(ms) && ms >= 0);
	const dedupeHours = Math.max(
		MIN_DEDUPE_HOURS,
		Number(options.dedupeHours ?? DEFAULT_DEDUPE_HOURS),
	);
	return {
		queue: String(options.queueName || context.getWorkflow().id || 'default'),
		selection: {
			types: context.getNodeParameter('events', []) as number[],
			orderStatuses: context.getNodeParameter('orderStatuses', []) as string[],
			skipOnHold: context.getNodeParameter('skipOnHold', false) as boolean,
		},
		guaranteed: context.getNodeParameter('processing', 'guaranteed') === 'guaranteed',
		dedupeTtlMs: dedupeHours * 3600_000,
		maxAgeSeconds: Number(options.maxAgeMinutes ?? DEFAULT_MAX_AGE_MINUTES) * 60,
		policy: {
			maxAttempts: Number(options.maxAttempts ?? DEFAULT_RETRY_POLICY.maxAttempts),
			delaysMs: delays.length ? delays : DEFAULT_RETRY_POLICY.delaysMs,
		},
		processingTimeoutMs: processingTimeoutMsOf(options),
		maxConcurrentRuns: Math.max(
			1,
			Number(options.maxConcurrentRuns ?? DEFAULT_MAX_CONCURRENT_RUNS),
		),
		rerunUnreported: unreportedRunsOf(options, context.getNode().typeVersion) === 'runAgain',
	};
}

/** Version 1.2 sends a started run that never reported back to the Failed output; older nodes ran it again. */
function unreportedRunsOf(options: IDataObject, typeVersion: number): string {
	return String(options.unreportedRuns ?? (typeVersion >= 1.2 ? 'failedOutput' : 'runAgain'));
}

/** How long one run may hold its event (the lease) before the event is handed out again. */
export function processingTimeoutMsOf(options: IDataObject): number {
	return Number(options.processingTimeoutMinutes ?? 15) * 60_000;
}
