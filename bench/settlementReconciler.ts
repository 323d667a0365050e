import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

import { writeSettlementCsv } from './lib/settlementCsvGenerator';
import { transpileForChild } from './lib/transpileForChild';

/**
 * Settlement Reconciler vs "Extract From File → Code node" on a 1M-row Seller Center statement. Each side runs in its
 * own child process so that its peak RSS is its own. Prints rows/s, wall and CPU time, peak RSS and the ratios; ours
 * runs before and after the baseline, since other work on a shared machine can slow any single run.
 *   ts-node --transpile-only bench/settlementReconciler.ts [rows]
 */
const ROOT = resolve(__dirname, '..');
const ROWS = Number(process.argv[2] ?? 1_000_000);
const BASELINE_TIME_LIMIT_MS = 90_000;
const FALLBACK_ROWS = 200_000;
/** The whole bench stays under 3 minutes: no second run of ours once this much time has gone. */
const SECOND_RUN_UNTIL_MS = 120_000;

interface Measured {
	rows: number;
	orders: number;
	findings: number;
	netPayout: number | string;
	seconds: number;
	cpuSeconds: number;
	peakRssMb: number;
}

function runChild(script: string, file: string, timeLimitMs: number): Promise<Measured | { failed: string }> {
	return new Promise((done) => {
		const child = spawn(process.execPath, [script, file], {
			env: { ...process.env, NODE_PATH: join(ROOT, 'node_modules') },
			stdio: ['ignore', 'pipe', 'pipe'],
		});
		let stdout = '';
		let stderr = '';
		child.stdout.on('data', (chunk) => (stdout += chunk));
		child.stderr.on('data', (chunk) => (stderr += chunk));
		const timer = setTimeout(() => child.kill('SIGKILL'), timeLimitMs);
		child.on('close', (code, signal) => {
			clearTimeout(timer);
			if (code === 0) return done(JSON.parse(stdout.trim().split('\n').pop()!) as Measured);
			done({ failed: signal ? `killed (${signal}) after ${timeLimitMs / 1000} s` : `exit ${code}: ${stderr.split('\n').filter(Boolean).slice(-2).join(' ')}` });
		});
	});
}

const fmt = (value: number, digits = 0) => value.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits });

/** The machine is shared: the 1-minute load average on its cores is printed with every run so figures can be judged. */
const load = () => `load ${fmt(loadavg()[0], 1)} on ${availableParallelism()} cores`;

function line(label: string, result: Measured, loadBefore: string): string {
	return `${label.padEnd(34)} ${fmt(result.rows).padStart(10)} rows  ${fmt(result.seconds, 2).padStart(7)} s (CPU ${fmt(result.cpuSeconds, 2).padStart(6)} s)  ${fmt(result.rows / result.seconds).padStart(10)} rows/s  peak RSS ${fmt(result.peakRssMb).padStart(5)} MB  findings ${fmt(result.findings)}  [${loadBefore}]`;
}

async function measure(label: string, script: string, file: string, timeLimitMs: number): Promise<Measured | { failed: string }> {
	const before = load();
	const result = await runChild(script, file, timeLimitMs);
	if (!('failed' in result)) console.log(line(label, result, before));
	return result;
}

async function main(): Promise<void> {
	const startedAt = Date.now();
	const work = mkdtempSync(join(tmpdir(), 'settlement-bench-'));
	try {
		transpileForChild(ROOT, ['nodes/SettlementReconciler/v1/helpers'], work);
		transpileForChild(ROOT, ['bench/lib'], work, (name) => name.startsWith('settlement'));
		const ours = join(work, 'bench/lib/settlementReconcilerWorker.js');
		const baseline = join(work, 'bench/lib/settlementExtractThenCodeBaseline.js');
		const file = join(work, 'statement.csv');
		const generatedAt = Date.now();
		const generated = await writeSettlementCsv(file, ROWS);
		console.log(`Generated ${fmt(generated.rows)} rows, ${fmt(generated.orders)} orders, ${fmt(generated.bytes / 1e6, 1)} MB in ${fmt((Date.now() - generatedAt) / 1000, 1)} s (Node ${process.version})\n`);

		const first = await measure('Settlement Reconciler (streaming)', ours, file, 120_000);
		if ('failed' in first) throw new Error(`Settlement Reconciler failed: ${first.failed}`);
		const user = await measure('Extract From File → Code node', baseline, file, BASELINE_TIME_LIMIT_MS);
		if (!('failed' in user)) {
			// Run again after the baseline (time allowing), so a burst of load from other work does not decide the ratio.
			const second = Date.now() - startedAt < SECOND_RUN_UNTIL_MS ? await measure('Settlement Reconciler, again', ours, file, 60_000) : undefined;
			const runs = second && !('failed' in second) ? [first, second] : [first];
			const ratios = (pick: (result: Measured) => number) => runs.map((run) => `${fmt(pick(user) / pick(run), 1)}×`).join(' and ');
			console.log(`\nSpeed (wall time): ${ratios((result) => result.seconds)} faster (target ≥ 5×)`);
			console.log(`Speed (CPU time):  ${ratios((result) => result.cpuSeconds)} less CPU`);
			const peak = Math.max(...runs.map((run) => run.peakRssMb));
			console.log(`Peak RSS: ${fmt(peak)} MB (highest of our runs) vs ${fmt(user.peakRssMb)} MB, ${fmt(user.peakRssMb / peak, 1)}× less (target ≤ 200 MB: ${peak <= 200 ? 'met' : 'NOT met'})`);
			console.log(`Same payout total: ${String(Math.round(Number(user.netPayout) * 100) === first.netPayout)} (baseline float sum ${user.netPayout}, ours ${first.netPayout} cents)`);
			return;
		}
		console.log(`Extract From File → Code node       did not finish ${fmt(ROWS)} rows: ${user.failed}`);
		const smallFile = join(work, 'statement-small.csv');
		await writeSettlementCsv(smallFile, FALLBACK_ROWS);
		const small = await measure(`  baseline at ${fmt(FALLBACK_ROWS)} rows`, baseline, smallFile, BASELINE_TIME_LIMIT_MS);
		const smallOurs = await measure(`  ours at ${fmt(FALLBACK_ROWS)} rows`, ours, smallFile, BASELINE_TIME_LIMIT_MS);
		if ('failed' in small || 'failed' in smallOurs) throw new Error('the fallback size failed too');
		const scale = ROWS / FALLBACK_ROWS;
		console.log(`  EXTRAPOLATED (linear, not measured) baseline at ${fmt(ROWS)} rows: ~${fmt(small.seconds * scale, 0)} s, ~${fmt(small.peakRssMb * scale)} MB`);
	} finally {
		rmSync(work, { recursive: true, force: true });
	}
}

void main().catch((error: unknown) => {
	console.error(error);
	process.exitCode = 1;
});
