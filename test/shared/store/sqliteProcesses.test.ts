import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { SqliteStore } from '../../../nodes/shared/store/sqliteStore';
import { RACE, type RaceResult } from './sqliteRaceWorker';

const PROCESSES = 3;
const RECORDS = 45;

/** Starts one worker process; resolves once it is ready, with a way to start it and its result. */
function startWorker(path: string, index: number) {
	const child = spawn(
		process.execPath,
		[
			'-r',
			require.resolve('ts-node/register/transpile-only'),
			join(__dirname, 'sqliteRaceWorker.ts'),
			path,
			String(index),
		],
		{ cwd: join(__dirname, '../../..'), stdio: ['pipe', 'pipe', 'pipe'] },
	);
	let stdout = '';
	let stderr = '';
	child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
	const ready = new Promise<void>((resolve) => {
		child.stdout.on('data', (chunk: Buffer) => {
			stdout += chunk.toString();
			if (stdout.startsWith('ready\n')) resolve();
		});
	});
	const result = new Promise<RaceResult>((resolve, reject) => {
		child.once('exit', (code) => {
			if (code !== 0) reject(new Error(`worker ${index} exited with ${code}:\n${stderr}`));
			else resolve(JSON.parse(stdout.slice('ready\n'.length)) as RaceResult);
		});
	});
	return { ready, result, go: () => child.stdin.write('go\n') };
}

describe('embedded store shared by several processes', () => {
	let dir: string;
	beforeAll(() => {
		dir = mkdtempSync(join(tmpdir(), 'store-processes-'));
	});
	afterAll(() => rmSync(dir, { recursive: true, force: true }));

	it('stays exact when processes race on claims, movements and due records', async () => {
		const path = join(dir, 'tiktok-shop-ops.sqlite');
		const setup = new SqliteStore({ path });
		await setup.setOnHand('shop-us', RACE.sku, RACE.startingStock);
		for (let index = 0; index < RECORDS; index++)
			await setup.putRecord('retry', `evt-${index}`, { index }, 0);

		const workers = Array.from({ length: PROCESSES }, (_, index) => startWorker(path, index));
		await Promise.all(workers.map((worker) => worker.ready));
		workers.forEach((worker) => worker.go());
		const results = await Promise.all(workers.map((worker) => worker.result));

		const claimed = results.flatMap((result) => result.claimed);
		expect(claimed).toHaveLength(RACE.claims);
		expect(new Set(claimed).size).toBe(RACE.claims);
		const applied = results.reduce((sum, result) => sum + result.applied, 0);
		expect(applied).toBe(RACE.sharedSales + PROCESSES * RACE.ownSales);
		const taken = results.flatMap((result) => result.taken);
		expect(taken).toHaveLength(RECORDS);
		expect(new Set(taken).size).toBe(RECORDS);
		expect(await setup.getStock('shop-us', RACE.sku, 10, 1)).toEqual({
			onHand: RACE.startingStock - applied,
			soldInWindow: applied,
		});
		await setup.close();
	});
});
