import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

import { writeSettlementCsv } from './lib/settlementCsvGenerator';
import { transpileForChild } from './lib/transpileForChild';

/**
 * Settlement Reconciler vs "Extract From File → Code node" on a 1M-row Seller Center statement. Each side runs in its
 * own child process so that its peak RSS is its own. Prints rows/s, peak RSS and the ratios.
 *   ts-node --transpile-only bench/settlementReconciler.ts [rows]
 */
const ROOT = resolve(__dirname, '..');
const ROWS = Number(process.argv[2] ?? 1_000_000);
const BASELINE_TIME_LIMIT_MS = 90_000;
const FALLBACK_ROWS = 200_000;

interface Measured {
	rows: number;
	orders: number;
	findings: number;
	netPayout: number | string;
	seconds: number;
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

function line(label: string, result: Measured): string {
	return `${label.padEnd(34)} ${fmt(result.rows).padStart(10)} rows  ${fmt(result.seconds, 2).padStart(7)} s  ${fmt(result.rows / result.seconds).padStart(10)} rows/s  peak RSS ${fmt(result.peakRssMb).padStart(5)} MB  findings ${fmt(result.findings)}`;
}

async function main(): Promise<void> {
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

		const reconciler = await runChild(ours, file, 120_000);
		if ('failed' in reconciler) throw new Error(`Settlement Reconciler failed: ${reconciler.failed}`);
		console.log(line('Settlement Reconciler (streaming)', reconciler));
		const user = await runChild(baseline, file, BASELINE_TIME_LIMIT_MS);
		if (!('failed' in user)) {
			console.log(line('Extract From File → Code node', user));
			console.log(`\nSpeed: ${fmt(user.seconds / reconciler.seconds, 1)}× faster (target ≥ 5×)`);
			console.log(`Peak RSS: ${fmt(reconciler.peakRssMb)} MB vs ${fmt(user.peakRssMb)} MB, ${fmt(user.peakRssMb / reconciler.peakRssMb, 1)}× less (target ≤ 200 MB: ${reconciler.peakRssMb <= 200 ? 'met' : 'NOT met'})`);
			console.log(`Same payout total: ${String(Math.round(Number(user.netPayout) * 100) === reconciler.netPayout)} (baseline float sum ${user.netPayout}, ours ${reconciler.netPayout} cents)`);
			return;
		}
		console.log(`Extract From File → Code node       did not finish ${fmt(ROWS)} rows: ${user.failed}`);
		const smallFile = join(work, 'statement-small.csv');
		await writeSettlementCsv(smallFile, FALLBACK_ROWS);
		const small = await runChild(baseline, smallFile, BASELINE_TIME_LIMIT_MS);
		const smallOurs = await runChild(ours, smallFile, BASELINE_TIME_LIMIT_MS);
		if ('failed' in small || 'failed' in smallOurs) throw new Error('the fallback size failed too');
		console.log(line(`  baseline at ${fmt(FALLBACK_ROWS)} rows`, small));
		console.log(line(`  ours at ${fmt(FALLBACK_ROWS)} rows`, smallOurs));
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
