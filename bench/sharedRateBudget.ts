/**
 * One TikTok budget (50 per second per app + shop + API) taken by N n8n worker processes at once.
 *
 *   ts-node --transpile-only bench/sharedRateBudget.ts          (N = 1, 2, 4; 500 takes per process; ~2.5 min)
 *   BENCH_TAKES=200 BENCH_PROCESSES=1,2 ts-node --transpile-only bench/sharedRateBudget.ts
 *
 * Each process (dev/harness/sharedRateBudgetWorker.ts) runs BENCH_CONCURRENCY callers, as a node sends its items,
 * until it has had BENCH_TAKES turns. Both budgets run in the same run against one redis-server on loopback:
 * - shared: the Redis GCRA budget (nodes/shared/tiktok/sharedRateBudget.ts), what queue mode now uses;
 * - per process: each process's own token bucket, what every process used before; the baseline that earns 429s.
 * Printed per run: the achieved rate (takes ÷ span of send times) and its ratio to 50/s, the most sends in any
 * 1-second window of real time and the most slots in any 1-second window of Redis time (the schedule itself), the p99 wait per take (from asking to sending, own queue included), the p99 of what Redis
 * made a slot wait (the wait behind other processes), and each process's share.
 */
import { spawn } from 'node:child_process';
import { join } from 'node:path';

import { startRedisServer, type RedisServer } from '../dev/harness/redisServer';
import type { WorkerArgs, WorkerGrants } from '../dev/harness/sharedRateBudgetWorker';

const RATE = 50;
const TAKES = Number(process.env.BENCH_TAKES ?? 500);
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 4);
const PROCESSES = (process.env.BENCH_PROCESSES ?? '1,2,4').split(',').map(Number);
const ROOT = join(__dirname, '..');

function startWorker(server: RedisServer, args: Omit<WorkerArgs, 'port'>) {
	const child = spawn(
		process.execPath,
		[
			'-r',
			require.resolve('ts-node/register/transpile-only'),
			join(ROOT, 'dev/harness/sharedRateBudgetWorker.ts'),
			JSON.stringify({ ...args, port: server.port }),
		],
		{ cwd: ROOT, stdio: ['pipe', 'pipe', 'inherit'] },
	);
	let stdout = '';
	const ready = new Promise<void>((resolve) => {
		child.stdout.on('data', (chunk: Buffer) => {
			stdout += chunk.toString();
			if (stdout.startsWith('ready\n')) resolve();
		});
	});
	const result = new Promise<WorkerGrants>((resolve, reject) => {
		child.once('exit', (code) =>
			code === 0
				? resolve(JSON.parse(stdout.slice('ready\n'.length)) as WorkerGrants)
				: reject(new Error(`worker exited with ${code}`)),
		);
	});
	return { ready, result, go: () => child.stdin.write('go\n') };
}

function percentile(values: number[], p: number): number {
	if (values.length === 0) return 0;
	const sorted = [...values].sort((a, b) => a - b);
	return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

function maxInWindow(times: number[], width: number): number {
	const sorted = [...times].sort((a, b) => a - b);
	let best = 0;
	for (let end = 0, start = 0; end < sorted.length; end++) {
		while (sorted[end] - sorted[start] >= width) start++;
		best = Math.max(best, end - start + 1);
	}
	return best;
}

interface Row {
	budget: string;
	processes: number;
	takes: number;
	rate: number;
	maxPerSecond: number;
	maxSlotsPerSecond: string;
	p99WaitMs: number;
	p99GrantWaitMs: number;
	shares: string;
}

async function run(
	server: RedisServer,
	budget: 'shared' | 'process',
	processes: number,
): Promise<Row> {
	const key = {
		appKey: 'bench-app',
		shop: 'ROW_bench_shop',
		api: `/fulfillment/202309/packages/{id}/ship#${budget}-${processes}`,
	};
	const workers = Array.from({ length: processes }, () =>
		startWorker(server, {
			key,
			ratePerSecond: RATE,
			takes: TAKES,
			concurrency: CONCURRENCY,
			skewMs: 0,
			budget,
		}),
	);
	await Promise.all(workers.map((worker) => worker.ready));
	workers.forEach((worker) => worker.go());
	const results = await Promise.all(workers.map((worker) => worker.result));
	const sentAt = results.flatMap((result) => result.sentAt);
	const spanSeconds = (Math.max(...sentAt) - Math.min(...sentAt)) / 1000;
	return {
		budget: budget === 'shared' ? 'shared (Redis)' : 'per process',
		processes,
		takes: sentAt.length,
		rate: (sentAt.length - 1) / spanSeconds,
		maxPerSecond: maxInWindow(sentAt, 1000),
		maxSlotsPerSecond:
			budget === 'shared'
				? String(
						maxInWindow(
							results.flatMap((result) => result.slots.map((micros) => micros / 1000)),
							1000,
						),
					)
				: '-',
		p99WaitMs: percentile(
			results.flatMap((result) => result.waits),
			99,
		),
		p99GrantWaitMs: percentile(
			results.flatMap((result) => result.grantWaits),
			99,
		),
		shares:
			results.map((result) => ((100 * result.sentAt.length) / sentAt.length).toFixed(0)).join('/') +
			' %',
	};
}

async function main(): Promise<void> {
	const server = await startRedisServer();
	const rows: Row[] = [];
	try {
		for (const processes of PROCESSES) {
			for (const budget of ['shared', 'process'] as const) {
				if (budget === 'process' && processes === 1) continue; // the same as shared with one process, bar Redis
				const row = await run(server, budget, processes);
				rows.push(row);
				process.stderr.write(`${row.budget} × ${processes}: ${row.rate.toFixed(2)}/s\n`);
			}
		}
	} finally {
		await server.stop();
	}
	console.log(
		`\n${TAKES} takes per process, ${CONCURRENCY} callers each, one budget of ${RATE}/s; redis-server on loopback\n`,
	);
	console.log(
		'budget          procs  takes  rate/s  ÷50/s  max in 1 s (sent / slots)  p99 wait  p99 Redis wait  shares',
	);
	for (const row of rows) {
		console.log(
			[
				row.budget.padEnd(15),
				String(row.processes).padStart(5),
				String(row.takes).padStart(6),
				row.rate.toFixed(2).padStart(7),
				(row.rate / RATE).toFixed(3).padStart(6),
				`${row.maxPerSecond} / ${row.maxSlotsPerSecond}`.padStart(26),
				`${row.p99WaitMs.toFixed(0)} ms`.padStart(9),
				`${row.p99GrantWaitMs.toFixed(1)} ms`.padStart(15),
				` ${row.shares}`,
			].join(' '),
		);
	}
}

main().catch((error: unknown) => {
	console.error(error);
	process.exit(1);
});
