import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import type { WebhookEvent } from '../../../dev/simulator';
import type { Execution } from '../../../dev/stack/n8nApi';
import type { Stack } from '../../../dev/stack/stack';
import { TEMPLATES_DIR } from '../../../dev/stack/templates';

export interface WorkflowJson {
	id: string;
	name: string;
	nodes: Array<{ name: string; webhookId?: string; parameters: Record<string, unknown> }>;
	[key: string]: unknown;
}

/**
 * workflows/order-intake.json with TikTok's retry pauses scaled down to 1 s and no client-side retries, so that
 * failures show fast; its own id, name and webhook, imported beside the template.
 */
export function fastOrderIntake(id: string, name: string, webhookId: string): WorkflowJson {
	const workflow = JSON.parse(
		readFileSync(join(TEMPLATES_DIR, 'order-intake.json'), 'utf8'),
	) as WorkflowJson;
	workflow.id = id;
	workflow.name = name;
	for (const node of workflow.nodes) {
		if (node.name === 'TikTok Shop Trigger') {
			node.webhookId = webhookId;
			node.parameters.registerWebhook = false;
			node.parameters.options = { retryDelays: '1', maxAttempts: 4 };
		}
		if (node.name === 'Get order details') node.parameters.requestOptions = { maxRetries: 0 };
	}
	return workflow;
}

/** An ORDER_STATUS_CHANGE event for an order awaiting shipment (update time: now unless given). */
export const awaitingShipmentEvent = (
	orderId: string,
	notification: string,
	updateTime = Math.floor(Date.now() / 1000),
) => ({
	type: 1,
	tts_notification_id: notification,
	data: {
		order_id: orderId,
		order_status: 'AWAITING_SHIPMENT',
		is_on_hold_order: false,
		update_time: updateTime,
	},
});

export const ran = (execution: Execution, node: string) =>
	Boolean(execution.data.resultData.runData[node]);

/**
 * Makes Get Order fail four times in a row, delivers the event and waits for its runs to settle: the template
 * then holds it as a dead letter. Returns those runs.
 */
export async function failFourTimes(
	stack: Stack,
	workflowId: string,
	url: string,
	event: WebhookEvent,
	quietMs: number,
): Promise<Execution[]> {
	const before = await stack.api.executionIds(workflowId);
	stack.simulator.faults.inject({
		pathPattern: /^\/order\/202309\/orders$/,
		kind: '5xx',
		times: 4,
	});
	await stack.simulator.webhooks.send(url, event, { ackTimeoutMs: 30_000 });
	return await stack.api.settleExecutions(workflowId, before, quietMs);
}

/** Runs the template's "Replay dead letters (run by hand)" branch; returns it and the runs it caused, settled. */
export async function replayDeadLetters(
	stack: Stack,
	workflowId: string,
	quietMs: number,
): Promise<{ replay: Execution; replayed: Execution[] }> {
	const before = await stack.api.executionIds(workflowId);
	const replay = await stack.api.waitForExecution(
		await stack.api.runManually(workflowId, 'Replay dead letters (run by hand)'),
	);
	const replayed = (
		await stack.api.settleExecutions(workflowId, [...before, replay.id], quietMs)
	).filter((run) => run.id !== replay.id);
	return { replay, replayed };
}
