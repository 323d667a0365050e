/**
 * The pack in n8n 2.41.1's queue mode (dev/stack/queueMode.ts: PostgreSQL, Redis, main, a webhook processor and
 * 2 workers, each with the pack), against the same pack in one n8n process, in one run:
 *
 *   npm run build && ts-node --transpile-only bench/queueMode.ts          (both parts, ~15 min on 2 cores)
 *   ts-node --transpile-only bench/queueMode.ts ack | ship                 (one part)
 *
 * ack:  the webhookAck burst (200 concurrent signed deliveries, 40 % duplicates) to the TikTok Shop Trigger in a
 *       single n8n process (embedded store) and to the webhook processor in queue mode (Redis store): ack p50 and
 *       p99, runs started, events processed twice; ratios queue ÷ single.
 * ship: 10,000 packages through the Ship Batcher (Tracking Number History on Redis, so the rate budget is shared)
 *       as one execution on one worker, then as two executions of 5,000 on two workers at once, against the
 *       simulator's 50 requests per second per API: calls, 429s, lost packages, and the Ship Batcher's wall (its
 *       first start to its last end) against the optimum (the busier API's calls ÷ 50, and all calls ÷ 50).
 *
 * Both parts print the queue-mode stack's resident memory (main + webhook processor + workers, each with its task
 * runner, + Redis + PostgreSQL), sampled every 500 ms: the peak and its parts.
 */
import { cpus, loadavg } from 'node:os';

import { nodeOutput, type Execution } from '../dev/stack/n8nApi';
import { treeRssBytes } from '../dev/stack/processTree';
import type { QueueModeOptions } from '../dev/stack/queueMode';
import { startStack, type Stack } from '../dev/stack/stack';
import {
	postTrackingFile,
	shipmentRows,
	shipWorkflow,
	startTrackingFileServer,
	SHIP_WORKFLOW_ID,
	type ShipmentRow,
} from '../dev/harness/shipWorkflow';
import { validTrackingNumber } from '../test/fixtures/validTrackingNumbers';
import {
	ackRow,
	benchEnv,
	deliveries,
	DUPLICATES,
	fire,
	settledExecutions,
	TRIGGER_ID,
	triggerWorkflow,
	UNIQUE,
} from './webhookAck';

const RATE = 50;
const PACKAGES = Number(process.env.BENCH_PACKAGES ?? 10_000);
const GB = 1024 ** 3;
const log = (line: string) => console.log(`  ${line}`);

/** Samples the stack's resident memory until stopped; returns the peak total and its parts. */
function sampleMemory(stack: Stack) {
	const parts = () => [
		{ name: 'n8n main', bytes: treeRssBytes(stack.n8n.guardPid) },
		...(stack.queue?.rss() ?? []),
	];
	let peak = { total: 0, parts: parts() };
	const sample = () => {
		const now = parts();
		const total = now.reduce((sum, part) => sum + part.bytes, 0);
		if (total > peak.total) peak = { total, parts: now };
	};
	sample();
	const timer = setInterval(sample, 500);
	return {
		stop() {
			clearInterval(timer);
			sample();
			return peak;
		},
	};
}

function describeMemory(label: string, peak: ReturnType<ReturnType<typeof sampleMemory>['stop']>) {
	const mb = (bytes: number) => `${Math.round(bytes / 1024 ** 2)} MB`;
	console.log(
		`${label}: peak RSS ${(peak.total / GB).toFixed(2)} GB (limit 6 GB: ${peak.total <= 6 * GB ? 'met' : 'NOT met'}) = ` +
			peak.parts.map((part) => `${part.name} ${mb(part.bytes)}`).join(' + '),
	);
}

async function ackRun(label: string, queue?: QueueModeOptions) {
	console.log(`\n${label}: starting…`);
	const stack = await startStack({
		setupOwner: true,
		extraWorkflows: [triggerWorkflow],
		publish: [TRIGGER_ID],
		n8nEnv: benchEnv(),
		queue,
		log,
	});
	const memory = sampleMemory(stack);
	try {
		const { appKey, appSecret } = stack.simulator.app;
		const url = `${stack.webhookUrl}/webhook/bench-tiktok-trigger/webhook`;
		// Warm the path (workflow and credential caches, JIT) before measuring.
		await fire(url, deliveries(appKey, appSecret, stack.simulator.shop.id).slice(0, 3));
		await new Promise((resolve) => setTimeout(resolve, 3000));
		const warm = (await stack.api.executionIds(TRIGGER_ID)).length;
		const burst = await fire(url, deliveries(appKey, appSecret, stack.simulator.shop.id));
		const executions = (await settledExecutions(stack, TRIGGER_ID)).slice(0, -warm || undefined);
		const peak = memory.stop();
		if (queue) describeMemory(label, peak);
		return ackRow(label, burst, executions, (json) => json.notification_id);
	} finally {
		memory.stop();
		await stack.stop();
	}
}

async function ackPart(): Promise<void> {
	const single = await ackRun('single n8n process (SQLite, embedded store)');
	const queue = await ackRun('queue mode (webhook processor, 2 workers, Redis store)', {
		workers: 2,
	});
	console.log(
		`\n${UNIQUE + DUPLICATES} concurrent deliveries, ${UNIQUE} distinct events (${Math.round((DUPLICATES / (UNIQUE + DUPLICATES)) * 100)} % duplicates)`,
	);
	console.table([single, queue]);
	const ratio = (key: 'p50 ack ms' | 'p99 ack ms') => (queue[key] / single[key]).toFixed(2);
	console.log(
		`queue ÷ single: p50 ack ${ratio('p50 ack ms')}, p99 ack ${ratio('p99 ack ms')}; TikTok's deadline 3,000 ms`,
	);
}

/** The Ship Batcher's first start and last end over the runs, from n8n's own run data. */
function nodeWindow(runs: Execution[]): { startMs: number; endMs: number } {
	const spans = runs.map((run) => {
		const node = run.data.resultData.runData['Ship Batcher'][0] as unknown as {
			startTime: number;
			executionTime: number;
		};
		return { start: node.startTime, end: node.startTime + node.executionTime };
	});
	return {
		startMs: Math.min(...spans.map((span) => span.start)),
		endMs: Math.max(...spans.map((span) => span.end)),
	};
}

async function shipRound(
	stack: Stack,
	server: Awaited<ReturnType<typeof startTrackingFileServer>>,
	label: string,
	files: ShipmentRow[][],
) {
	stack.simulator.reset();
	const before = await stack.api.executionIds(SHIP_WORKFLOW_ID);
	const names = files.map((rows) => server.put(rows));
	const posted = Date.now();
	const statuses = await Promise.all(names.map((name) => postTrackingFile(stack, name)));
	if (statuses.some((status) => status !== 200))
		throw new Error(`the tracking files were answered ${statuses.join(', ')}`);
	const runs = await stack.api.waitForFinished(SHIP_WORKFLOW_ID, before, files.length);
	const window = nodeWindow(runs);
	const accepted = new Map<string, number>();
	for (const request of stack.simulator.requests) {
		if (request.status !== 200 || request.code !== 0) continue;
		const api = request.path.replace(/\/\d+(?=\/|$)/g, '/{id}');
		accepted.set(api, (accepted.get(api) ?? 0) + 1);
	}
	const calls = [...accepted.values()].reduce((sum, count) => sum + count, 0);
	const busiest = Math.max(...accepted.values());
	const shipped = new Set(
		stack.simulator.mutations.flatMap((mutation) =>
			mutation.type === 'batchShip' ? mutation.shipped.map((entry) => entry.packageId) : [],
		),
	);
	const sent = files.flat();
	const reported = runs.flatMap((run) => nodeOutput(run, 'Ship Batcher', 0)).length;
	const wallS = (window.endMs - window.startMs) / 1000;
	const endToEndS = (Math.max(...runs.map((run) => Date.parse(stoppedAt(run)))) - posted) / 1000;
	return {
		workers: label,
		packages: sent.length,
		runs: runs.filter((run) => run.status === 'success').length,
		calls,
		'429s': stack.simulator.rateLimitedCount,
		lost: sent.filter((row) => !shipped.has(row.package_id)).length + (sent.length - reported),
		'node wall s': Number(wallS.toFixed(2)),
		'÷ busier API calls/50': Number((wallS / (busiest / RATE)).toFixed(3)),
		'÷ all calls/50': Number((wallS / (calls / RATE)).toFixed(3)),
		'post → last run end s': Number(endToEndS.toFixed(1)),
		apis: [...accepted].map(([api, count]) => `${api} ${count}`).join(', '),
	};
}

const stoppedAt = (run: Execution) => (run as unknown as { stoppedAt: string }).stoppedAt;

async function shipPart(): Promise<void> {
	console.log(`\nShip Batcher, ${PACKAGES} packages, 1 vs 2 workers: starting…`);
	const server = await startTrackingFileServer();
	const stack = await startStack({
		setupOwner: true,
		extraWorkflows: [shipWorkflow(server.url)],
		publish: [SHIP_WORKFLOW_ID],
		// One execution per worker, so that two tracking files run on two workers at once.
		queue: { workers: 2, workerConcurrency: 1 },
		simulator: { seed: 11, orders: Math.ceil(PACKAGES * 2 * 3.4) + 100 },
		log,
	});
	const memory = sampleMemory(stack);
	try {
		const rows = shipmentRows(stack, PACKAGES * 2, validTrackingNumber);
		const half = PACKAGES / 2;
		const one = await shipRound(stack, server, '1 (one run)', [rows.slice(0, PACKAGES)]);
		const two = await shipRound(stack, server, '2 (two runs at once)', [
			rows.slice(PACKAGES, PACKAGES + half),
			rows.slice(PACKAGES + half),
		]);
		console.table([one, two]);
		console.log(
			`2 workers ÷ 1 worker: node wall ${(two['node wall s'] / one['node wall s']).toFixed(2)}; ` +
				`target: node wall ≤ 1.05 × calls ÷ 50 (the busier API's calls; both APIs are budgeted separately), 0 × 429, 0 lost`,
		);
		describeMemory('queue-mode stack during the ship runs', memory.stop());
	} finally {
		memory.stop();
		await stack.stop();
		await server.close();
	}
}

async function main(): Promise<void> {
	const parts = process.argv.slice(2);
	console.log(
		`Machine: ${cpus().length} cores, load average ${loadavg()
			.map((value) => value.toFixed(1))
			.join(' ')} at the start`,
	);
	if (parts.length === 0 || parts.includes('ack')) await ackPart();
	if (parts.length === 0 || parts.includes('ship')) await shipPart();
}

main().catch((error: unknown) => {
	console.error(error);
	process.exit(1);
});
