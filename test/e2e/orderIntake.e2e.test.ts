import { nodeOutput } from '../../dev/stack/n8nApi';
import { startStack, type Stack } from '../../dev/stack/stack';
import { productionWebhookUrl, template } from '../../dev/stack/templates';
import {
	awaitingShipmentEvent,
	failFourTimes,
	fastOrderIntake,
	ran,
	replayDeadLetters,
} from './harness/orderIntakeVariant';

describe('workflows/order-intake.json in n8n 2.41.1', () => {
	const original = template('order-intake.json');
	const fast = fastOrderIntake(
		'ttsOrderIntakeE2E',
		'Order intake (scaled retries, e2e)',
		'tiktok-shop-order-intake-e2e',
	);
	let stack: Stack;
	let url: string;

	const executionsSoFar = () => stack.api.executionIds(fast.id);
	const settle = (before: string[], quietMs?: number) =>
		stack.api.settleExecutions(fast.id, before, quietMs);
	const awaitingShipment = (index: number) =>
		stack.simulator.state.orders.filter((order) => order.status === 'AWAITING_SHIPMENT')[index];
	const orderEvent = (orderId: string, notification: string) =>
		awaitingShipmentEvent(orderId, notification);

	beforeAll(async () => {
		stack = await startStack({
			setupOwner: true,
			extraWorkflows: [fast],
			publish: [original.id, fast.id],
		});
		url = productionWebhookUrl(
			stack.n8n.url,
			{ ...original, nodes: fast.nodes as never, file: 'order-intake.json' },
			'TikTok Shop Trigger',
		);
	});
	afterAll(async () => {
		await stack?.stop();
	});

	it('registered its webhook URL with TikTok for ORDER_STATUS_CHANGE on activation', () => {
		const address = productionWebhookUrl(stack.n8n.url, original, 'TikTok Shop Trigger');
		expect(stack.simulator.mutations).toContainEqual(
			expect.objectContaining({
				type: 'webhookRegister',
				eventType: 'ORDER_STATUS_CHANGE',
				address,
			}),
		);
	});

	it('runs once for an event delivered three times in a row and five times at once', async () => {
		const before = await executionsSoFar();
		const order = awaitingShipment(0);
		const report = await stack.simulator.webhooks.send(url, orderEvent(order.id, 'e2e-dup'), {
			duplicates: 2,
			concurrentDuplicates: 5,
		});
		expect(report.attempts.every((attempt) => attempt.status === 200)).toBe(true);
		const runs = await settle(before);
		expect(runs).toHaveLength(1);
		expect(runs[0].status).toBe('success');
		expect(ran(runs[0], 'Ready to ship')).toBe(true);
	});

	it('starts nothing for a forged delivery and answers 401', async () => {
		const before = await executionsSoFar();
		const report = await stack.simulator.webhooks.send(
			url,
			orderEvent(awaitingShipment(1).id, 'e2e-forged'),
			{ forgeSignature: true, retry: false },
		);
		expect(report.attempts.map((attempt) => attempt.status)).toEqual([401]);
		expect(await settle(before, 3000)).toHaveLength(0);
	});

	it('retries a run that fails twice and processes it exactly once', async () => {
		const before = await executionsSoFar();
		stack.simulator.faults.inject({
			pathPattern: /^\/order\/202309\/orders$/,
			kind: '5xx',
			times: 2,
		});
		await stack.simulator.webhooks.send(url, orderEvent(awaitingShipment(2).id, 'e2e-flaky'));
		// Retries come 1 s apart; on a loaded 2-core machine a run can take seconds to start, so wait for a quiet spell.
		const runs = await settle(before, 15_000);
		expect(runs.map((run) => run.status).sort()).toEqual(['error', 'error', 'success']);
		expect(runs.filter((run) => ran(run, 'Ready to ship'))).toHaveLength(1);
	});

	it('dead-letters a run that fails four times, and a replay from the editor processes it once', async () => {
		const runs = await failFourTimes(
			stack,
			fast.id,
			url,
			orderEvent(awaitingShipment(3).id, 'e2e-doomed'),
			15_000,
		);
		expect(runs.filter((run) => run.status === 'error')).toHaveLength(4);
		const alerts = runs.filter((run) => ran(run, 'Compose dead-letter alert'));
		expect(alerts).toHaveLength(1);
		expect(String(nodeOutput(alerts[0], 'Compose dead-letter alert')[0].text)).toMatch(
			/^TikTok Shop event .+ for order \d+ failed 4 times \(last error: .+\)\. Replay it from the "Replay dead letters" branch once the cause is fixed\.$/,
		);

		const { replay, replayed } = await replayDeadLetters(stack, fast.id, 5000);
		expect(replay.status).toBe('success');
		expect(replayed).toHaveLength(1);
		expect(replayed[0].status).toBe('success');
		expect(ran(replayed[0], 'Ready to ship')).toBe(true);
	});
});
