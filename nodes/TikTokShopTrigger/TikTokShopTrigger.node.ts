import {
	NodeConnectionTypes,
	type IExecuteFunctions,
	type INodeExecutionData,
	type INodeType,
	type INodeTypeDescription,
	type ITriggerFunctions,
	type ITriggerResponse,
	type IWebhookFunctions,
	type IWebhookResponseData,
} from 'n8n-workflow';

import { tikTokShopRedisTest } from '../shared/redisCredentialTest';
import { openSelectedStore } from '../shared/storeSelection';
import { checkInRuns } from './delivery/checkIn';
import { startRedeliveryLoop } from './delivery/redeliveryLoop';
import { triggerProperties } from './description';
import { registration } from './registration';
import { readSettings } from './settings';
import { receiveDelivery } from './webhook/receive';
import { readmeSection } from '../shared/readmeSection';
import { eventsSubtitle } from './eventsSubtitle';
import { credentialsFirst } from '../shared/credentialsFirst';

/** How often the owning process looks for due retries that no webhook in this process announced. */
const POLL_MS = 1000;
/**
 * During a burst of deliveries, runs start once deliveries pause for 200 ms, and at the latest 2 s after the burst
 * began: answering TikTok within its 3 s comes before processing, which costs seconds, not minutes.
 */
const BURST_QUIET_MS = 200;
const BURST_MAX_HOLD_MS = 2000;

export class TikTokShopTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'TikTok Shop Trigger',
		name: 'tikTokShopTrigger',
		documentationUrl: readmeSection('tiktok-shop-trigger'),
		icon: { light: 'file:tiktokShop.svg', dark: 'file:tiktokShop.dark.svg' },
		group: ['trigger'],
		// n8n evaluates a legacy Webhook v1 expression on every request to any v1 node, which costs an expression
		// isolate per delivery; from 1.1 on it parses the JSON body directly. From 1.2 a started run that never
		// reports back goes to the Failed output instead of running again (Options > When a Started Run…).
		version: [1, 1.1, 1.2],
		defaultVersion: 1.2,
		subtitle: eventsSubtitle(),
		// n8n's nodes panel shows TikTok Shop and its trigger as one entry, with this description copied over the
		// action node's. Only that entry ever shows it, so it opens with the action node's own sentence.
		description:
			'Read orders, packages, returns and finance data from TikTok Shop, and act on returns. As a trigger: start on verified TikTok Shop webhooks, each event once, with retries',
		defaults: { name: 'TikTok Shop Trigger' },
		inputs: [],
		outputs: [NodeConnectionTypes.Main, NodeConnectionTypes.Main],
		outputNames: ['Event', 'Failed'],
		credentials: [
			{ name: 'tikTokShopApi', required: true },
			{
				name: 'tikTokShopRedis',
				required: true,
				testedBy: 'tikTokShopRedisTest',
				displayOptions: { show: { stateStore: ['redis'] } },
			},
		],
		webhooks: [
			{ name: 'default', httpMethod: 'POST', responseMode: 'onReceived', path: 'webhook' },
		],
		properties: [credentialsFirst, ...triggerProperties],
	};

	methods = { credentialTest: { tikTokShopRedisTest } };

	webhookMethods = { default: registration };

	async webhook(this: IWebhookFunctions): Promise<IWebhookResponseData> {
		return await receiveDelivery.call(this);
	}

	/**
	 * n8n hands every run that starts here to this first, with the items the trigger emitted: a queued event's run
	 * checks in with the loop that handed it out, so a run n8n restarts after a crash cannot process it a second time.
	 */
	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await checkInRuns.call(this);
	}

	/** Only the retry side: the queue of accepted events is drained here, in the process that owns the trigger. */
	async trigger(this: ITriggerFunctions): Promise<ITriggerResponse> {
		if (this.getMode() !== 'trigger') return {};
		const settings = readSettings(this);
		if (!settings.guaranteed) return {};
		const store = await openSelectedStore(this);
		const stop = startRedeliveryLoop(this, store, {
			queue: settings.queue,
			policy: settings.policy,
			processingTimeoutMs: settings.processingTimeoutMs,
			pollMs: POLL_MS,
			maxConcurrentRuns: settings.maxConcurrentRuns,
			rerunUnreported: settings.rerunUnreported,
			burstQuietMs: BURST_QUIET_MS,
			burstMaxHoldMs: BURST_MAX_HOLD_MS,
		});
		return { closeFunction: stop };
	}
}
