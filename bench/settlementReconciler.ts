import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { createReadStream, createWriteStream, mkdtempSync, rmSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

import {
	writeMillionRows,
	type MillionSummary,
} from '../test/fixtures/settlement/world/writeMillion';
import { transpileForChild } from './lib/transpileForChild';

/**
 * Settlement Reconciler on a 1M-row Seller Center export in the independent corpus' realistic format (written by
 * test/fixtures/settlement/world/writeMillion.ts: `/` placeholders, BOM, CRLF, adjustments, malformed lines), against
 * a plain single-pass reference reconciler written for the bench (csv-parse, one Map) and "Extract From File → Code
 * node". Each side runs in its own child process so that its peak RSS is its own. Prints rows/s, wall and CPU time,
 * peak RSS, the ratios, and whether the node found exactly the findings the file plants.
 *
 * This machine's speed swings by half from one minute to the next, so a single pair of runs can say 3.5× or 5.6× for
 * the same code. Each side therefore runs in alternating rounds (BENCH_ROUNDS, default 3; ours once more at the end),
 * and the ratios compare the median run of each side, then best with best and slowest with slowest. The papaparse
 * stand-in (the baseline until csv-parse was measured as n8n runs it) is printed as a second comparison.
 *   BENCH_ROUNDS=2 ts-node --transpile-only bench/settlementReconciler.ts [rows]
 */
const ROOT = resolve(__dirname, '..');
const ROWS = Number(process.argv[2] ?? 1_000_000);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const BASELINE_TIME_LIMIT_MS = 90_000;
const FALLBACK_ROWS = 200_000;

interface Measured {
	rows: number;
	orders: number;
	findings: number;
	netPayout: number | string;
	findingsByCheck?: Record<string, number>;
	rejected?: number;
	seconds: number;
	cpuSeconds: number;
	peakRssMb: number;
}

function runChild(
	script: string,
	args: string[],
	timeLimitMs: number,
): Promise<Measured | { failed: string }> {
	return new Promise((done) => {
		const child = spawn(process.execPath, [script, ...args], {
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
			done({
				failed: signal
					? `killed (${signal}) after ${timeLimitMs / 1000} s`
					: `exit ${code}: ${stderr.split('\n').filter(Boolean).slice(-2).join(' ')}`,
			});
		});
	});
}

const fmt = (value: number, digits = 0) =>
	value.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits });

/** The machine is shared: the 1-minute load average on its cores is printed with every run so figures can be judged. */
const load = () => `load ${fmt(loadavg()[0], 1)} on ${availableParallelism()} cores`;

function line(label: string, result: Measured, loadBefore: string): string {
	return `${label.padEnd(34)} ${fmt(result.rows).padStart(10)} rows  ${fmt(result.seconds, 2).padStart(7)} s (CPU ${fmt(result.cpuSeconds, 2).padStart(6)} s)  ${fmt(result.rows / result.seconds).padStart(10)} rows/s  peak RSS ${fmt(result.peakRssMb).padStart(5)} MB  findings ${fmt(result.findings)}  [${loadBefore}]`;
}

async function measure(
	label: string,
	[script, ...args]: string[],
	timeLimitMs: number,
): Promise<Measured | { failed: string }> {
	const before = load();
	const result = await runChild(script, args, timeLimitMs);
	if (!('failed' in result)) console.log(line(label, result, before));
	return result;
}

type Side = 'ours' | 'reference' | 'user' | 'standIn';
type Runs = Record<Side, Measured[]>;
type Commands = Record<Side, (csv: string) => string[]>;

/** Rounds of ours → Extract From File → papaparse stand-in, then ours once more; stops if the baseline fails. */
async function alternate(
	commands: Commands,
	file: string,
): Promise<{ runs: Runs } | { baselineFailed: string }> {
	const runs: Runs = { ours: [], reference: [], user: [], standIn: [] };
	const run = async (side: Side, label: string, timeLimitMs: number) => {
		const result = await measure(label, commands[side](file), timeLimitMs);
		if ('failed' in result) return result.failed;
		runs[side].push(result);
		return undefined;
	};
	for (let round = 1; round <= ROUNDS; round++) {
		const failed = await run('ours', `Settlement Reconciler, round ${round}`, 120_000);
		if (failed) throw new Error(`Settlement Reconciler failed: ${failed}`);
		const referenceFailed = await run(
			'reference',
			`Plain single-pass reference, round ${round}`,
			BASELINE_TIME_LIMIT_MS * 2,
		);
		if (referenceFailed) throw new Error(`The reference reconciler failed: ${referenceFailed}`);
		const baselineFailed = await run(
			'user',
			`Extract From File → Code, round ${round}`,
			BASELINE_TIME_LIMIT_MS,
		);
		if (baselineFailed) return { baselineFailed };
		await run('standIn', `  papaparse stand-in, round ${round}`, BASELINE_TIME_LIMIT_MS);
	}
	await run('ours', 'Settlement Reconciler, last', 120_000);
	return { runs };
}

function report(runs: Runs, truth: MillionSummary): void {
	const best = (side: Measured[], pick: (result: Measured) => number) =>
		Math.min(...side.map(pick));
	const slowest = (side: Measured[], pick: (result: Measured) => number) =>
		Math.max(...side.map(pick));
	const median = (side: Measured[], pick: (result: Measured) => number) => {
		const sorted = side.map(pick).sort((a, b) => a - b);
		const middle = sorted.length >> 1;
		return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
	};
	const statistics = { median, best, slowest };
	const ratio = (against: Measured[], pick: (result: Measured) => number) =>
		Object.entries(statistics)
			.map(([name, of]) => `${name} ${fmt(of(against, pick) / of(runs.ours, pick), 1)}×`)
			.join(', ');
	const wall = (result: Measured) => result.seconds;
	const fraction = median(runs.ours, wall) / median(runs.reference, wall);
	console.log(
		`\nTime vs the plain single-pass reference: ${fmt(fraction, 2)} × its time on the median run (target ≤ 0.5×: ${fraction <= 0.5 ? 'met' : 'NOT met'}); ${ratio(runs.reference, wall)} faster`,
	);
	console.log(
		`\nSpeed vs Extract From File → Code node (wall time, ${runs.ours.length} runs of ours, ${runs.user.length} of it): ${ratio(runs.user, wall)}`,
	);
	console.log(
		`CPU time vs Extract From File → Code node: ${ratio(runs.user, (result) => result.cpuSeconds)} less`,
	);
	if (runs.standIn.length)
		console.log(`Speed vs the papaparse stand-in → Code node: ${ratio(runs.standIn, wall)}`);
	const peak = slowest(runs.ours, (result) => result.peakRssMb);
	const userPeak = best(runs.user, (result) => result.peakRssMb);
	console.log(
		`Peak RSS: ${fmt(peak)} MB (highest of our runs) vs ${fmt(userPeak)} MB, ${fmt(userPeak / peak, 1)}× less (target ≤ 300 MB: ${peak <= 300 ? 'met' : 'NOT met'})`,
	);
	const [ours] = runs.ours;
	const [user] = runs.user;
	const planted = Object.entries(truth.findingsByCheck).filter(([, count]) => count > 0);
	const exact =
		planted.every(([check, count]) => ours.findingsByCheck?.[check] === count) &&
		Object.keys(ours.findingsByCheck ?? {}).length === planted.length;
	console.log(
		`Findings: ${JSON.stringify(ours.findingsByCheck)}; planted ${JSON.stringify(Object.fromEntries(planted))}: ${exact ? 'exactly the planted ones' : 'NOT the planted ones'}`,
	);
	console.log(`Malformed lines rejected: ${ours.rejected} of ${truth.malformed}`);
	console.log(
		`Same payout total: ${String(Math.round(Number(user.netPayout) * 100) === ours.netPayout)} (baseline float sum ${user.netPayout}, ours ${ours.netPayout} cents)`,
	);
}

/** When the baseline cannot finish the full file, both sides run a smaller one and the baseline is scaled, labelled as such. */
async function extrapolate(commands: Commands, work: string): Promise<void> {
	const smallFile = join(work, 'statement-small.csv');
	const written = await writeMillionRows(smallFile, FALLBACK_ROWS);
	cleaned.set(
		smallFile,
		await withoutMalformed(smallFile, `${smallFile}.clean.csv`, written.malformedLines),
	);
	const small = await measure(
		`  baseline at ${fmt(FALLBACK_ROWS)} rows`,
		commands.user(smallFile),
		BASELINE_TIME_LIMIT_MS,
	);
	const smallOurs = await measure(
		`  ours at ${fmt(FALLBACK_ROWS)} rows`,
		commands.ours(smallFile),
		BASELINE_TIME_LIMIT_MS,
	);
	if ('failed' in small || 'failed' in smallOurs) throw new Error('the fallback size failed too');
	const scale = ROWS / FALLBACK_ROWS;
	console.log(
		`  EXTRAPOLATED (linear, not measured) baseline at ${fmt(ROWS)} rows: ~${fmt(small.seconds * scale, 0)} s, ~${fmt(small.peakRssMb * scale)} MB`,
	);
}

/**
 * n8n's Extract From File (csv-parse) stops the whole workflow at the first malformed line (a row with one cell too
 * many, a quote never closed), so the user's baseline is timed on a copy without the lines the truth lists as
 * malformed; the bench says so.
 */
/** Each generated file → its copy for Extract From File. */
const cleaned = new Map<string, string>();

async function withoutMalformed(
	file: string,
	copy: string,
	lines: readonly number[],
): Promise<string> {
	const skip = new Set(lines);
	const out = createWriteStream(copy);
	let number = 0;
	for await (const line of createInterface({
		input: createReadStream(file),
		crlfDelay: Infinity,
	})) {
		if (!skip.has(++number) && !out.write(`${line}\r\n`)) await once(out, 'drain');
	}
	out.end();
	await once(out, 'finish');
	return copy;
}

async function main(): Promise<void> {
	const work = mkdtempSync(join(tmpdir(), 'settlement-bench-'));
	try {
		transpileForChild(ROOT, ['nodes/SettlementReconciler/v1/reconciliation'], work);
		transpileForChild(ROOT, ['bench/lib'], work, (name) => name.startsWith('settlement'));
		const worker = join(work, 'bench/lib/settlementReconcilerWorker.js');
		const baseline = join(work, 'bench/lib/settlementExtractThenCodeBaseline.js');
		const reference = join(work, 'bench/lib/settlementReferenceReconciler.js');
		const commands: Commands = {
			ours: (csv) => [worker, csv],
			reference: (csv) => [reference, csv],
			user: (csv) => [baseline, cleaned.get(csv) ?? csv, 'extract-from-file'],
			standIn: (csv) => [baseline, cleaned.get(csv) ?? csv, 'papaparse'],
		};
		const file = join(work, 'statement.csv');
		const generatedAt = Date.now();
		const generated = await writeMillionRows(file, ROWS);
		cleaned.set(
			file,
			await withoutMalformed(
				file,
				join(work, 'statement-for-extract.csv'),
				generated.malformedLines,
			),
		);
		console.log(
			'Extract From File stops at the first malformed line of the export, so it runs on a copy without the malformed lines.',
		);
		console.log(
			`Generated ${fmt(generated.rows)} rows (${fmt(generated.orderRows)} order rows, ${fmt(generated.adjustmentRows)} adjustments, ${generated.malformed} malformed) in the independent corpus' format in ${fmt((Date.now() - generatedAt) / 1000, 1)} s (Node ${process.version})\n`,
		);

		const outcome = await alternate(commands, file);
		if ('runs' in outcome) return report(outcome.runs, generated);
		console.log(
			`Extract From File → Code node did not finish ${fmt(ROWS)} rows: ${outcome.baselineFailed}`,
		);
		await extrapolate(commands, work);
	} finally {
		rmSync(work, { recursive: true, force: true });
	}
}

void main().catch((error: unknown) => {
	console.error(error);
	process.exitCode = 1;
});
