import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

import type { N8nInstance } from '../../dev/stack/n8nInstance';
import { startStack, type Stack } from '../../dev/stack/stack';
import { deliverUntilAccepted, describeRounds } from './harness/deliverUntilAccepted';

/**
 * SIGKILL in n8n's queue mode (main + webhook processor + 2 workers, real processes): the TikTok Shop Trigger on
 * Redis (the pack's Redis credential) feeds an HTTP Request to a local sink that counts each event_key.
 *
 * 1. The webhook processor is killed in the middle of a burst of deliveries and started again; TikTok delivers
 *    again what was not answered 200. Every event reaches the sink exactly once: an event is stored in Redis
 *    (with its dedupe keys, in one step) before its 200, and a delivery that was stored but not answered is
 *    recognised as a duplicate when it comes again.
 * 2. A worker is killed while runs are in flight on it (the sink holds each request for a while). Those runs had
 *    started (checked in) and never report back: n8n's queue gives up on their jobs as stalled, or their processing
 *    timeout (1 minute) ends. Each may already have reached the sink, so from trigger version 1.2 their events come
 *    out of the Failed output, naming the execution, instead of running twice. Nothing is lost, nothing twice.
 */
const BURST = 60;
const IN_FLIGHT_BURST = 30;
const WORKFLOW_ID = 'ttsQueueCrashE2E';
const TRIGGER = 'TikTok Shop Trigger';
const MAX_CONCURRENT_RUNS = 5;
/** Past the processing timeout (1 min) and Bull's stalled-job check (30 s): whatever the dead worker held is over. */
const WATCH_AFTER_WORKER_KILL_MS = 100_000;
const CONCURRENT_DELIVERIES = 20;

function crashWorkflow(sinkUrl: string) {
	return {
		id: WORKFLOW_ID,
		name: 'Queue mode: kill the webhook processor and a worker (e2e)',
		nodes: [
			{
				id: '9e1c0000-0000-4000-8000-000000000001',
				name: TRIGGER,
				type: 'n8n-nodes-tiktok-shop-ops.tikTokShopTrigger',
				typeVersion: 1.2,
				position: [0, 0],
				webhookId: 'tiktok-shop-queue-crash-e2e',
				// Order status changes (the default), every status, retried then dead-lettered.
				parameters: {
					processing: 'guaranteed',
					registerWebhook: false,
					// The queue-mode stack moves it to Redis with the pack's Redis credential.
					stateStore: 'embedded',
					options: {
						processingTimeoutMinutes: 1,
						maxConcurrentRuns: MAX_CONCURRENT_RUNS,
						retryDelays: '1',
					},
				},
				credentials: {
					tikTokShopApi: { id: 'tiktokShopApiCred', name: 'TikTok Shop API account' },
				},
			},
			{
				id: '9e1c0000-0000-4000-8000-000000000002',
				name: 'Deliver to the sink',
				type: 'n8n-nodes-base.httpRequest',
				typeVersion: 4.2,
				position: [300, 0],
				parameters: {
					url: `={{ '${sinkUrl}?event_key=' + encodeURIComponent($json.event_key) }}`,
					options: {},
				},
			},
			{
				id: '9e1c0000-0000-4000-8000-000000000003',
				name: 'Report the Failed output',
				type: 'n8n-nodes-base.httpRequest',
				typeVersion: 4.2,
				position: [300, 200],
				parameters: {
					url: `={{ '${sinkUrl}?event_key=' + encodeURIComponent('failed:' + $json.event_key) }}`,
					options: {},
				},
			},
		],
		connections: {
			[TRIGGER]: {
				main: [
					[{ node: 'Deliver to the sink', type: 'main', index: 0 }],
					[{ node: 'Report the Failed output', type: 'main', index: 0 }],
				],
			},
		},
		settings: { executionOrder: 'v1' },
		pinData: {},
		active: false,
		tags: [],
	};
}

/** Counts requests per event_key; answers each after `holdMs`, so that runs stay in flight meanwhile. */
async function startCountingSink() {
	const counts = new Map<string, number>();
	const times = new Map<string, number[]>();
	const sink = {
		url: '',
		counts,
		times,
		holdMs: 0,
		total: () => [...counts.values()].reduce((sum, count) => sum + count, 0),
		close: () => new Promise<void>((resolve) => server.close(() => resolve())),
	};
	const server = createServer((request, response) => {
		const key =
			new URL(request.url ?? '/', 'http://sink').searchParams.get('event_key') ?? '(none)';
		counts.set(key, (counts.get(key) ?? 0) + 1);
		times.set(key, [...(times.get(key) ?? []), Date.now()]);
		request.resume();
		setTimeout(
			() => response.writeHead(200, { 'content-type': 'application/json' }).end('{}'),
			sink.holdMs,
		);
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	sink.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/sink`;
	return sink;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

const event = (notification: string, index: number) => ({
	type: 1,
	tts_notification_id: notification,
	data: {
		order_id: String(576684019603400000n + BigInt(index)),
		order_status: 'AWAITING_SHIPMENT',
		update_time: 1_765_100_000 + index,
	},
});

/** Waits until the sink has seen no new request for `quietMs`. */
async function quiet(sink: Awaited<ReturnType<typeof startCountingSink>>, quietMs: number) {
	let last = -1;
	for (let since = Date.now(); Date.now() - since < quietMs;) {
		await sleep(1000);
		if (sink.total() !== last) [last, since] = [sink.total(), Date.now()];
	}
}

describe('n8n 2.41.1 queue mode: SIGKILL of the webhook processor and of a worker', () => {
	let stack: Stack;
	let sink: Awaited<ReturnType<typeof startCountingSink>>;
	let url: string;
	const restarted: N8nInstance[] = [];

	beforeAll(async () => {
		sink = await startCountingSink();
		stack = await startStack({
			extraWorkflows: [crashWorkflow(sink.url)],
			publish: [WORKFLOW_ID],
			queue: { workers: 2 },
		});
		url = `${stack.webhookUrl}/webhook/tiktok-shop-queue-crash-e2e/webhook`;
	});
	afterAll(async () => {
		for (const instance of restarted) await instance.stop().catch(() => undefined);
		await stack?.stop();
		await sink?.close();
	});

	it('processes every event of a burst exactly once when the webhook processor is killed in the middle of it', async () => {
		const events = Array.from({ length: BURST }, (_, index) =>
			event(`webhook-kill-${index}`, index),
		);
		const webhook = stack.queue!.webhook!;
		const { rounds, pending } = await deliverUntilAccepted(stack, url, events, {
			concurrency: CONCURRENT_DELIVERIES,
			duringFirstRound: async (accepted) => {
				// Mid-burst: a quarter of the deliveries answered, some in flight, the rest not yet sent.
				const deadline = Date.now() + 120_000;
				while (accepted() < BURST / 4 && Date.now() < deadline) await sleep(20);
				process.kill(webhook.mainPid(), 'SIGKILL');
				await webhook.exited;
				restarted.push(await stack.queue!.webhookSetup.start('webhook'));
			},
		});
		expect(pending).toEqual([]);
		await quiet(sink, 15_000);
		const seen = Object.fromEntries(
			[...sink.counts.entries()].filter(([key]) => key.startsWith('id:webhook-kill-')),
		);
		console.log(
			`webhook processor killed mid-burst: ${describeRounds(rounds)}; ` +
				`events at the sink ${Object.keys(seen).length}, twice ${Object.values(seen).filter((count) => count > 1).length}`,
		);
		expect(Object.keys(seen).sort()).toEqual(
			events.map((delivery) => `id:${delivery.tts_notification_id}`).sort(),
		);
		expect(Object.values(seen).filter((count) => count !== 1)).toEqual([]);
	});

	it('loses nothing and runs nothing twice when a worker is killed with runs in flight: those come out of the Failed output', async () => {
		sink.holdMs = 3000;
		const events = Array.from({ length: IN_FLIGHT_BURST }, (_, index) =>
			event(`worker-kill-${index}`, BURST + index),
		);
		const key = (delivery: ReturnType<typeof event>) => `id:${delivery.tts_notification_id}`;
		expect(
			(await deliverUntilAccepted(stack, url, events, { concurrency: CONCURRENT_DELIVERIES }))
				.pending,
		).toEqual([]);
		// Kill a worker once runs are in flight: the sink has seen some of them and holds their answers.
		const deadline = Date.now() + 120_000;
		while (
			events.filter((delivery) => sink.counts.has(key(delivery))).length < 3 &&
			Date.now() < deadline
		)
			await sleep(100);
		const victim = stack.queue!.workers[0];
		const seenAtKill = events.filter((delivery) => sink.counts.has(key(delivery))).length;
		process.kill(victim.mainPid(), 'SIGKILL');
		const killedAt = Date.now();
		await victim.exited;
		sink.holdMs = 0;
		await sleep(WATCH_AFTER_WORKER_KILL_MS);
		await quiet(sink, 10_000);

		const count = (name: string) => sink.counts.get(name) ?? 0;
		const reached = events.map(key).filter((name) => count(name) > 0);
		const failedOut = events.map(key).filter((name) => count(`failed:${name}`) > 0);
		const twice = events
			.map(key)
			.flatMap((name) => [name, `failed:${name}`])
			.filter((name) => count(name) > 1);
		console.log(
			`worker killed with runs in flight (${seenAtKill} events had reached the sink): ` +
				`reached the sink ${reached.length}, out of the Failed output ${failedOut.length} ` +
				`(ms after the kill: ${JSON.stringify(failedOut.map((name) => sink.times.get(`failed:${name}`)![0] - killedAt))}), ` +
				`more than once: ${JSON.stringify(twice)}`,
		);
		expect(
			events.map(key).filter((name) => !reached.includes(name) && !failedOut.includes(name)),
		).toEqual([]);
		expect(twice).toEqual([]);
		// Only runs in flight on the killed worker (at most the trigger's Max Concurrent Runs) end without an outcome.
		expect(failedOut.length).toBeLessThanOrEqual(MAX_CONCURRENT_RUNS);
	});
});
