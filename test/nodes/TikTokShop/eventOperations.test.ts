import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { closeAllStores, openStore } from '../../../nodes/shared/store';
import { TikTokShop } from '../../../nodes/TikTokShop/TikTokShop.node';
import { resetBuckets } from '../../../nodes/shared/tiktok/rateBudget';
import { TikTokShopTrigger } from '../../../nodes/TikTokShopTrigger/TikTokShopTrigger.node';
import { deadLettersOf, inboxOf, type QueuedEvent } from '../../../nodes/shared/events/eventQueue';
import { signWebhook } from '../../../nodes/shared/tiktok/webhookSignature';
import { runNode } from '../../../dev/harness/fakeExecuteFunctions';
import { startSimulator, type RunningSimulator } from '../../../dev/simulator';
import { webhookContext } from '../TikTokShopTrigger/fakeTriggerContexts';

const node = new TikTokShop().nodeVersions[1];
let simulator: RunningSimulator;
let userFolder = '';

beforeAll(async () => {
	userFolder = mkdtempSync(join(tmpdir(), 'event-ops-'));
	process.env.N8N_USER_FOLDER = userFolder;
	simulator = await startSimulator();
});
afterAll(async () => {
	await simulator.close();
	await closeAllStores();
	rmSync(userFolder, { recursive: true, force: true });
});
beforeEach(() => resetBuckets());

const credentials = () => ({
	appKey: simulator.app.appKey,
	appSecret: simulator.app.appSecret,
	accessToken: simulator.tokens.accessToken,
	refreshToken: simulator.tokens.refreshToken,
	shopCipher: simulator.shop.cipher,
	baseUrl: simulator.url,
	authBaseUrl: simulator.url,
});

describe('Event: dead letters', () => {
	it('lists dead letters with their last error and replays one exactly once', async () => {
		const store = await openStore({ kind: 'embedded' });
		const letter: QueuedEvent = {
			item: { event: 'ORDER_STATUS_CHANGE', order_id: '576684019603311365' },
			failures: 4,
			firstReceivedAt: '2026-11-25T01:00:00.000Z',
			lastError: 'Slack is down',
		};
		await store.putRecord(deadLettersOf('wf-dl'), 'id:n-1', letter);
		const parameters = {
			resource: 'event',
			operation: 'listDeadLetters',
			queueName: 'wf-dl',
			stateStore: 'embedded',
			limit: 10,
		};
		const [listed] = await runNode(node, { credentials: credentials(), parameters });
		expect(listed.map((item) => item.json)).toEqual([
			expect.objectContaining({
				event_key: 'id:n-1',
				attempts: 4,
				last_error: 'Slack is down',
				order_id: '576684019603311365',
			}),
		]);

		const replay = {
			resource: 'event',
			operation: 'replayDeadLetter',
			queueName: 'wf-dl',
			stateStore: 'embedded',
			eventKey: 'id:n-1',
		};
		const [first] = await runNode(node, { credentials: credentials(), parameters: replay });
		const [second] = await runNode(node, { credentials: credentials(), parameters: replay });
		expect(first[0].json.replayed).toBe(true);
		expect(second[0].json).toMatchObject({
			replayed: false,
			note: expect.stringContaining('already replayed'),
		});
		const queued = await store.listRecords<QueuedEvent>(inboxOf('wf-dl'));
		expect(queued.map((record) => [record.id, record.record.failures])).toEqual([['id:n-1', 0]]);
	});

	it('lists a dead letter whose run never reported back with the execution to open', async () => {
		const store = await openStore({ kind: 'embedded' });
		await store.putRecord(deadLettersOf('wf-unknown'), 'id:n-2', {
			item: { event: 'ORDER_STATUS_CHANGE', order_id: '576684019603311366' },
			failures: 0,
			firstReceivedAt: '2026-12-07T10:00:00.000Z',
			lastError: 'Run 88 started this event and ended without an outcome',
			startedRun: { lease: 'l-1', executionId: '88', at: '2026-12-07T10:00:01.000Z' },
			outcomeUnknown: true,
		});
		const [listed] = await runNode(node, {
			credentials: credentials(),
			parameters: {
				resource: 'event',
				operation: 'listDeadLetters',
				queueName: 'wf-unknown',
				stateStore: 'embedded',
				limit: 10,
			},
		});
		expect(listed.map((item) => item.json)).toEqual([
			expect.objectContaining({
				event_key: 'id:n-2',
				outcome_unknown: true,
				started_execution_id: '88',
				order_id: '576684019603311366',
			}),
		]);
		expect(listed[0].json).not.toHaveProperty('startedRun');
	});
});

describe('Event: recover missed order updates', () => {
	const parameters = {
		resource: 'event',
		operation: 'recoverMissed',
		queueName: 'wf-rec',
		stateStore: 'embedded',
		lookBackHours: 48,
		graceMinutes: 0,
	};

	it('queues every recently updated order the trigger never received, once, and the late webhook is then dropped', async () => {
		const now = Math.floor(Date.now() / 1000);
		const updatedRecently = simulator.state.orders.filter(
			(order) => order.update_time >= now - 48 * 3600 && order.update_time < now,
		);
		expect(updatedRecently.length).toBeGreaterThan(0);
		const [first] = await runNode(node, { credentials: credentials(), parameters });
		expect(first[0].json).toMatchObject({
			checked: updatedRecently.length,
			recovered: updatedRecently.length,
		});

		const store = await openStore({ kind: 'embedded' });
		const queued = await store.listRecords<QueuedEvent>(inboxOf('wf-rec'), 10_000);
		expect(queued).toHaveLength(updatedRecently.length);
		expect(queued[0].record.item).toMatchObject({ event: 'ORDER_STATUS_CHANGE', recovered: true });

		const [second] = await runNode(node, { credentials: credentials(), parameters });
		expect(second[0].json).toMatchObject({ recovered: 0 });

		const order = updatedRecently[0];
		const body = JSON.stringify({
			type: 1,
			tts_notification_id: 'late-webhook',
			shop_id: simulator.shop.id,
			timestamp: Math.floor(Date.now() / 1000),
			data: { order_id: order.id, order_status: order.status, update_time: order.update_time },
		});
		const { context, answer } = webhookContext(
			body,
			{
				events: [1],
				processing: 'guaranteed',
				stateStore: 'embedded',
				options: { queueName: 'wf-rec' },
			},
			{ authorization: signWebhook('trigger-app-key', 'trigger-app-secret', body) },
		);
		await new TikTokShopTrigger().webhook.call(context);
		expect(answer.status).toBe(200);
		expect(await store.listRecords(inboxOf('wf-rec'), 10_000)).toHaveLength(updatedRecently.length);
	});
});
