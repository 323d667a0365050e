import { nodeOutput, type Execution } from '../../dev/stack/n8nApi';
import { startStack, type Stack } from '../../dev/stack/stack';
import { productionWebhookUrl, template } from '../../dev/stack/templates';
import { deliverUntilAccepted, describeRounds } from './harness/deliverUntilAccepted';
import {
	awaitingShipmentEvent as orderEvent,
	failFourTimes,
	fastOrderIntake,
	ran,
	replayDeadLetters,
} from './harness/orderIntakeVariant';

/**
 * workflows/order-intake.json in n8n's queue mode (dev/stack/queueMode.ts): PostgreSQL, Redis, main, one webhook
 * processor and two workers, real processes. TikTok's deliveries go to the webhook processor (main serves no
 * production webhooks), the trigger's queue and dedupe live in Redis through the pack's Redis credential, main's
 * trigger hands each event to one run, and the workers run them.
 */
const UNIQUE = 120;
const DUPLICATES = 80;
/** Deliveries in flight at once (a flash sale's rate, not one instant): 200 at once time out on a loaded 2-core machine. */
const CONCURRENT_DELIVERIES = 20;

const eventKeyOf = (execution: Execution) =>
	String(nodeOutput(execution, 'TikTok Shop Trigger')[0]?.event_key);
/** A dead letter on the trigger's Failed output (a run of the dead-letter branch). */
const deadLetterOf = (execution: Execution) =>
	nodeOutput(execution, 'TikTok Shop Trigger', 1)[0] as Record<string, unknown> | undefined;

describe('workflows/order-intake.json in n8n 2.41.1 queue mode (main + webhook processor + 2 workers)', () => {
	const fast = fastOrderIntake(
		'ttsOrderIntakeQueueE2E',
		'Order intake (queue mode, scaled retries, e2e)',
		'tiktok-shop-order-intake-queue-e2e',
	);
	let stack: Stack;
	let url: string;

	beforeAll(async () => {
		stack = await startStack({
			setupOwner: true,
			extraWorkflows: [fast],
			publish: [fast.id],
			queue: { workers: 2 },
		});
		url = productionWebhookUrl(
			stack.webhookUrl,
			{ ...template('order-intake.json'), nodes: fast.nodes as never },
			'TikTok Shop Trigger',
		);
	});
	afterAll(async () => {
		await stack?.stop();
	});

	it('runs the template with its stores on Redis, and main answers no production webhook', async () => {
		const imported = (await stack.api.workflow(fast.id)) as unknown as {
			nodes: Array<{ name: string; parameters: Record<string, unknown>; credentials?: object }>;
		};
		const trigger = imported.nodes.find((node) => node.name === 'TikTok Shop Trigger')!;
		expect(trigger.parameters.stateStore).toBe('redis');
		expect(Object.keys(trigger.credentials ?? {})).toContain('tikTokShopRedis');
		const onMain = await fetch(url.replace(stack.webhookUrl, stack.n8n.url), {
			method: 'POST',
			body: '{}',
		});
		expect(onMain.status).not.toBe(200);
	});

	it(`runs each of ${UNIQUE} events from ${UNIQUE + DUPLICATES} deliveries (40 % duplicates) sent to the webhook processor, and counts any second run`, async () => {
		const before = await stack.api.executionIds(fast.id);
		const orders = stack.simulator.state.orders.slice(0, UNIQUE);
		const base = Math.floor(Date.now() / 1000);
		const events = orders.map((order, index) =>
			orderEvent(order.id, `queue-burst-${index}`, base + index),
		);
		// Duplicates arrive together with their originals, as TikTok's overlapping retries do.
		const load = [...events, ...events.slice(0, DUPLICATES)].sort(() => Math.random() - 0.5);
		const { rounds, pending } = await deliverUntilAccepted(stack, url, load, {
			concurrency: CONCURRENT_DELIVERIES,
		});
		console.log(`${load.length} deliveries to the webhook processor: ${describeRounds(rounds)}`);
		expect(pending).toEqual([]);

		// Under load the workers can fall behind: wait until every event has run (up to 3 minutes), not only for a
		// quiet spell, so a late run is neither missed here nor counted by the next test.
		let executions = await stack.api.settleExecutions(fast.id, before, 15_000);
		const eventRuns = () => executions.filter((run) => !deadLetterOf(run));
		const lateLimit = Date.now() + 180_000;
		while (new Set(eventRuns().map(eventKeyOf)).size < UNIQUE && Date.now() < lateLimit)
			executions = await stack.api.settleExecutions(fast.id, before, 5_000);
		const runs = eventRuns();
		const keys = runs.map(eventKeyOf);
		expect(new Set(keys).size).toBe(UNIQUE);
		expect([...new Set(keys)].sort()).toEqual(
			events.map((event) => `id:${event.tts_notification_id}`).sort(),
		);
		expect(runs.filter((run) => run.status !== 'success')).toEqual([]);
		// No event runs twice. Under CPU starvation n8n's queue can lose a finished run's result (a job it took for
		// stalled): such an event comes out of the Failed output as "outcome unknown" rather than run again.
		const twice = keys.filter((key, index) => keys.indexOf(key) !== index);
		const unknown = executions.map(deadLetterOf).filter((dead) => dead?.outcome_unknown);
		console.log(
			`queue-mode intake: ${runs.length} runs for ${UNIQUE} events; twice: ${JSON.stringify(twice)}; ` +
				`outcome unknown: ${JSON.stringify(unknown.map((dead) => [dead!.event_key, dead!.last_error]))}`,
		);
		expect(twice).toEqual([]);
	});

	it('dead-letters an event whose run fails four times, and a replay run on a worker processes it once', async () => {
		const order = stack.simulator.state.orders[UNIQUE];
		const runs = await failFourTimes(
			stack,
			fast.id,
			url,
			orderEvent(order.id, 'queue-doomed'),
			20_000,
		);
		console.log(
			`dead-letter runs: ${JSON.stringify(runs.map((run) => [run.id, run.status, run.data.resultData.lastNodeExecuted]))}`,
		);
		const doomed = (run: (typeof runs)[number]) => eventKeyOf(run) === 'id:queue-doomed';
		expect(runs.filter((run) => doomed(run) && run.status === 'error')).toHaveLength(4);
		expect(runs.filter((run) => ran(run, 'Compose dead-letter alert'))).toHaveLength(1);

		const { replay, replayed: replayRuns } = await replayDeadLetters(stack, fast.id, 8000);
		// Only the doomed event's runs count: a late run of another event may finish meanwhile.
		const replayed = replayRuns.filter(doomed);
		expect(replay.status).toBe('success');
		expect(replayed).toHaveLength(1);
		expect(replayed[0].status).toBe('success');
		expect(ran(replayed[0], 'Ready to ship')).toBe(true);
		expect(eventKeyOf(replayed[0])).toBe('id:queue-doomed');

		// A second replay, from the editor again, finds nothing left to replay.
		const again = await replayDeadLetters(stack, fast.id, 5000);
		expect(again.replay.status).toBe('success');
		expect(again.replayed.filter(doomed)).toHaveLength(0);
	});
});
