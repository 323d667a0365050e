/**
 * TikTok Shop Trigger vs what a user builds today (Webhook node + Remove Duplicates v2), in real n8n 2.41.1:
 * 200 concurrent deliveries, 40 % of them duplicates (TikTok re-delivers), sent to each. Prints the
 * acknowledgement latency (p50, p99), executions started and events processed twice.
 * Run: npm run build && ts-node --transpile-only bench/webhookAck.ts
 *
 * n8n runs with the setting the README recommends for webhook volume, N8N_EXPRESSION_ENGINE_LAZY_ACQUIRE=true
 * (n8n otherwise builds an expression isolate for every request to a community trigger). BENCH_N8N_DEFAULTS=1
 * runs n8n's defaults instead; BENCH_N8N_ENV='NAME=value …' adds settings.
 */
import { signWebhook } from '../nodes/shared/tiktok/webhookSignature';
import { nodeOutput, type Execution } from '../dev/stack/n8nApi';
import { RECOMMENDED_N8N_SETTINGS, startStack, type Stack } from '../dev/stack/stack';

export const UNIQUE = 120;
export const DUPLICATES = 80;
export const TRIGGER_ID = 'ttsBenchTrigger1';
const BASELINE_ID = 'ttsBenchBaseline';

const node = (
	name: string,
	type: string,
	typeVersion: number,
	position: [number, number],
	parameters: object,
	extra: object = {},
) => ({
	id: `${name.replace(/\W/g, '')}-${typeVersion}`.padEnd(12, '0'),
	name,
	type,
	typeVersion,
	position,
	parameters,
	...extra,
});

export const triggerWorkflow = {
	id: TRIGGER_ID,
	name: 'Bench: TikTok Shop Trigger',
	nodes: [
		node(
			'TikTok Shop Trigger',
			'n8n-nodes-tiktok-shop-ops.tikTokShopTrigger',
			1.1,
			[0, 0],
			{
				events: [],
				registerWebhook: false,
				processing: 'guaranteed',
				stateStore: 'embedded',
				options: { queueName: 'bench' },
			},
			{
				webhookId: 'bench-tiktok-trigger',
				credentials: {
					tikTokShopApi: { id: 'tiktokShopApiCred', name: 'TikTok Shop API account' },
				},
			},
		),
		node('Processed', 'n8n-nodes-base.noOp', 1, [240, 0], {}),
	],
	connections: {
		'TikTok Shop Trigger': { main: [[{ node: 'Processed', type: 'main', index: 0 }], []] },
	},
	settings: { executionOrder: 'v1' },
};

const baselineWorkflow = {
	id: BASELINE_ID,
	name: 'Bench: Webhook + Remove Duplicates',
	nodes: [
		node(
			'Webhook',
			'n8n-nodes-base.webhook',
			2,
			[0, 0],
			{ httpMethod: 'POST', path: 'bench-baseline', responseMode: 'onReceived', options: {} },
			{ webhookId: 'bench-baseline' },
		),
		node('Remove Duplicates', 'n8n-nodes-base.removeDuplicates', 2, [240, 0], {
			operation: 'removeItemsSeenInPreviousExecutions',
			dedupeValue: '={{ $json.body.tts_notification_id }}',
			options: {},
		}),
		node('Processed', 'n8n-nodes-base.noOp', 1, [480, 0], {}),
	],
	connections: {
		Webhook: { main: [[{ node: 'Remove Duplicates', type: 'main', index: 0 }]] },
		'Remove Duplicates': { main: [[{ node: 'Processed', type: 'main', index: 0 }]] },
	},
	settings: { executionOrder: 'v1' },
};

export function deliveries(
	appKey: string,
	appSecret: string,
	shopId: string,
): Array<{ body: string; signature: string; id: string }> {
	const now = Math.floor(Date.now() / 1000);
	const unique = Array.from({ length: UNIQUE }, (_, index) => {
		const id = `bench-${now}-${index}`;
		const body = JSON.stringify({
			type: 1,
			tts_notification_id: id,
			shop_id: shopId,
			timestamp: now,
			data: {
				order_id: String(576684019603311365n + BigInt(index)),
				order_status: 'AWAITING_SHIPMENT',
				update_time: now,
			},
		});
		return { body, signature: signWebhook(appKey, appSecret, body), id };
	});
	// Duplicates arrive together with their originals, as TikTok's overlapping retries do.
	return [...unique, ...unique.slice(0, DUPLICATES)].sort(() => Math.random() - 0.5);
}

export async function fire(
	url: string,
	load: ReturnType<typeof deliveries>,
): Promise<{ latencies: number[]; statuses: number[] }> {
	const results = await Promise.all(
		load.map(async ({ body, signature }) => {
			const started = performance.now();
			const response = await fetch(url, {
				method: 'POST',
				headers: { 'content-type': 'application/json', authorization: signature },
				body,
			});
			await response.arrayBuffer();
			return { latency: performance.now() - started, status: response.status };
		}),
	);
	return {
		latencies: results.map((result) => result.latency).sort((a, b) => a - b),
		statuses: results.map((result) => result.status),
	};
}

export const percentile = (sorted: number[], p: number) =>
	sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];

export async function settledExecutions(stack: Stack, workflowId: string): Promise<Execution[]> {
	let count = -1;
	for (let stableSince = Date.now(); Date.now() - stableSince < 8000;) {
		await new Promise((resolve) => setTimeout(resolve, 1000));
		const now = (await allExecutionIds(stack, workflowId)).length;
		if (now !== count) [count, stableSince] = [now, Date.now()];
	}
	const ids = await allExecutionIds(stack, workflowId);
	return await Promise.all(ids.map((id) => stack.api.waitForExecution(id)));
}

async function allExecutionIds(stack: Stack, workflowId: string): Promise<string[]> {
	return (await stack.api.executions(workflowId)).map((execution) => execution.id);
}

/** One row of the acknowledgement table: a burst's answers and the runs it caused. */
export function ackRow(
	target: string,
	{ latencies, statuses }: { latencies: number[]; statuses: number[] },
	executions: Execution[],
	idOf: (json: Record<string, unknown>) => unknown,
) {
	const { processed, twice } = processedTwice(executions, idOf);
	return {
		target,
		'unexpected status': statuses.filter((status) => status !== 200).length,
		'p50 ack ms': Math.round(percentile(latencies, 50)),
		'p99 ack ms': Math.round(percentile(latencies, 99)),
		'executions started': executions.length,
		'events processed': processed,
		'processed twice': twice,
	};
}

function processedTwice(
	executions: Execution[],
	idOf: (json: Record<string, unknown>) => unknown,
): { processed: number; twice: number } {
	const counts = new Map<unknown, number>();
	for (const execution of executions) {
		// The baseline's Remove Duplicates stops a run before "Processed" when it drops the item.
		if (!execution.data.resultData.runData.Processed) continue;
		for (const json of nodeOutput(execution, 'Processed'))
			counts.set(idOf(json), (counts.get(idOf(json)) ?? 0) + 1);
	}
	return {
		processed: counts.size,
		twice: [...counts.values()].filter((count) => count > 1).length,
	};
}

async function main(): Promise<void> {
	const n8nEnv = benchEnv();
	console.log(
		`n8n settings: ${
			Object.entries(n8nEnv)
				.map(([name, value]) => `${name}=${value}`)
				.join(' ') || "n8n's defaults"
		}`,
	);
	const stack = await startStack({
		setupOwner: true,
		extraWorkflows: [triggerWorkflow, baselineWorkflow],
		publish: [TRIGGER_ID, BASELINE_ID],
		log: (line) => console.log(line),
		n8nEnv,
	});
	try {
		const { appKey, appSecret } = stack.simulator.app;
		const rows: Array<Record<string, string | number>> = [];
		// Warm both paths (workflow and credential caches, JIT) before measuring either.
		for (const url of [
			`${stack.n8n.url}/webhook/bench-tiktok-trigger/webhook`,
			`${stack.n8n.url}/webhook/bench-baseline`,
		]) {
			await fire(url, deliveries(appKey, appSecret, stack.simulator.shop.id).slice(0, 3));
		}
		await new Promise((resolve) => setTimeout(resolve, 3000));
		const warmUp = {
			[TRIGGER_ID]: (await allExecutionIds(stack, TRIGGER_ID)).length,
			[BASELINE_ID]: (await allExecutionIds(stack, BASELINE_ID)).length,
		};
		for (const [label, url, workflowId, idOf] of [
			[
				'TikTok Shop Trigger',
				`${stack.n8n.url}/webhook/bench-tiktok-trigger/webhook`,
				TRIGGER_ID,
				(json: Record<string, unknown>) => json.notification_id,
			],
			[
				'Webhook + Remove Duplicates v2 (baseline)',
				`${stack.n8n.url}/webhook/bench-baseline`,
				BASELINE_ID,
				(json: Record<string, unknown>) =>
					(json.body as Record<string, unknown>).tts_notification_id,
			],
		] as const) {
			const { latencies, statuses } = await fire(
				url,
				deliveries(appKey, appSecret, stack.simulator.shop.id),
			);
			const executions = (await settledExecutions(stack, workflowId)).slice(
				0,
				-warmUp[workflowId] || undefined,
			);
			rows.push(ackRow(label, { latencies, statuses }, executions, idOf));
		}
		// n8n's own cost per request: the same burst with a wrong signature is refused (401) before any store or run.
		const forged = deliveries(appKey, appSecret, stack.simulator.shop.id).map((delivery) => ({
			...delivery,
			signature: '0'.repeat(64),
		}));
		const floor = await fire(`${stack.n8n.url}/webhook/bench-tiktok-trigger/webhook`, forged);
		rows.push({
			target: "n8n's webhook path alone (forged → 401)",
			'unexpected status': floor.statuses.filter((status) => status !== 401).length,
			'p50 ack ms': Math.round(percentile(floor.latencies, 50)),
			'p99 ack ms': Math.round(percentile(floor.latencies, 99)),
			'executions started': 0,
			'events processed': 0,
			'processed twice': 0,
		});
		console.log(
			`\n${UNIQUE + DUPLICATES} concurrent deliveries, ${UNIQUE} distinct events (${Math.round((DUPLICATES / (UNIQUE + DUPLICATES)) * 100)} % duplicates)`,
		);
		console.table(rows);
		const [ours, baseline] = rows;
		console.log(
			`executions started: ${ours['executions started']} vs ${baseline['executions started']} (ratio ${(Number(ours['executions started']) / Number(baseline['executions started'])).toFixed(2)})`,
		);
		console.log(
			`p99 ack: ${ours['p99 ack ms']} ms vs ${baseline['p99 ack ms']} ms (ratio ${(Number(ours['p99 ack ms']) / Number(baseline['p99 ack ms'])).toFixed(2)}); target ≤ 250 ms`,
		);
		console.log(
			`n8n's own webhook path, no storage and no run, answers the same burst at p99 ${rows[2]['p99 ack ms']} ms`,
		);
	} finally {
		await stack.stop();
	}
}

if (require.main === module)
	main().catch((error: unknown) => {
		console.error(error);
		process.exit(1);
	});

/** n8n settings under test: the recommended one unless BENCH_N8N_DEFAULTS is set, plus BENCH_N8N_ENV. */
export function benchEnv(): NodeJS.ProcessEnv {
	const recommended = process.env.BENCH_N8N_DEFAULTS ? {} : RECOMMENDED_N8N_SETTINGS;
	const extra = Object.fromEntries(
		(process.env.BENCH_N8N_ENV ?? '')
			.split(/\s+/)
			.filter(Boolean)
			.map((pair) => pair.split('=', 2)),
	);
	return { ...recommended, ...extra };
}
