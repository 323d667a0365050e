import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import type { Execution } from '../../dev/stack/n8nApi';
import { startStack, type Stack } from '../../dev/stack/stack';
import { productionWebhookUrl, template, TEMPLATES_DIR } from '../../dev/stack/templates';

interface WorkflowJson {
	id: string;
	name: string;
	nodes: Array<{ name: string; webhookId?: string; parameters: Record<string, unknown> }>;
	[key: string]: unknown;
}

/** The template with TikTok's retry pauses scaled down to 1 s and no client-side retries, so failures show fast. */
function fastVariant(): WorkflowJson {
	const workflow = JSON.parse(
		readFileSync(join(TEMPLATES_DIR, 'order-intake.json'), 'utf8'),
	) as WorkflowJson;
	workflow.id = 'ttsOrderIntakeE2E';
	workflow.name = 'Order intake (scaled retries, e2e)';
	for (const node of workflow.nodes) {
		if (node.name === 'TikTok Shop Trigger') {
			node.webhookId = 'tiktok-shop-order-intake-e2e';
			node.parameters.registerWebhook = false;
			node.parameters.options = { retryDelays: '1', maxAttempts: 4 };
		}
		if (node.name === 'Get order details') node.parameters.requestOptions = { maxRetries: 0 };
	}
	return workflow;
}

const ran = (execution: Execution, node: string) =>
	Boolean(execution.data.resultData.runData[node]);

describe('workflows/order-intake.json in n8n 2.41.1', () => {
	const original = template('order-intake.json');
	const fast = fastVariant();
	let stack: Stack;
	let url: string;

	const executionsSoFar = () => stack.api.executionIds(fast.id);
	const settle = (before: string[], quietMs?: number) =>
		stack.api.settleExecutions(fast.id, before, quietMs);
	const awaitingShipment = (index: number) =>
		stack.simulator.state.orders.filter((order) => order.status === 'AWAITING_SHIPMENT')[index];
	const orderEvent = (orderId: string, notification: string) => ({
		type: 1,
		tts_notification_id: notification,
		data: {
			order_id: orderId,
			order_status: 'AWAITING_SHIPMENT',
			is_on_hold_order: false,
			update_time: Math.floor(Date.now() / 1000),
		},
	});

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
		const before = await executionsSoFar();
		stack.simulator.faults.inject({
			pathPattern: /^\/order\/202309\/orders$/,
			kind: '5xx',
			times: 4,
		});
		await stack.simulator.webhooks.send(url, orderEvent(awaitingShipment(3).id, 'e2e-doomed'));
		const runs = await settle(before, 15_000);
		expect(runs.filter((run) => run.status === 'error')).toHaveLength(4);
		const alerts = runs.filter((run) => ran(run, 'Compose dead-letter alert'));
		expect(alerts).toHaveLength(1);

		const afterDeadLetter = await executionsSoFar();
		const replay = await stack.api.waitForExecution(
			await stack.api.runManually(fast.id, 'Replay dead letters (run by hand)'),
		);
		expect(replay.status).toBe('success');
		const replayed = (await settle([...afterDeadLetter, replay.id], 5000)).filter(
			(run) => run.id !== replay.id,
		);
		expect(replayed).toHaveLength(1);
		expect(replayed[0].status).toBe('success');
		expect(ran(replayed[0], 'Ready to ship')).toBe(true);
	});
});
