/**
 * One "n8n process" for sqliteProcesses.test.ts: opens the shared file, says `ready`, waits for
 * `go` on stdin so all processes start together, races the others, and prints what it won as JSON.
 */
import { SqliteStore } from '../../../nodes/shared/store/sqliteStore';

export type RaceResult = { claimed: string[]; applied: number; taken: string[] };

export const RACE = {
	claims: 60,
	sharedSales: 40,
	ownSales: 20,
	startingStock: 1000,
	sku: 'TS-MUG-WHT',
};

async function main(): Promise<void> {
	const [path, worker] = process.argv.slice(2);
	const store = new SqliteStore({ path });
	process.stdout.write('ready\n');
	await new Promise((resolve) => process.stdin.once('data', resolve));

	const result: RaceResult = { claimed: [], applied: 0, taken: [] };
	for (let index = 0; index < RACE.claims; index++) {
		if (await store.claim('webhook', `evt-${index}`, 72 * 3600_000))
			result.claimed.push(`evt-${index}`);
	}
	const sales = [
		...Array.from({ length: RACE.sharedSales }, (_, index) => `tiktok:order-${index}:1`),
		...Array.from(
			{ length: RACE.ownSales },
			(_, index) => `tiktok:worker-${worker}-order-${index}:1`,
		),
	];
	for (const key of sales) {
		const change = await store.recordMovement('shop-us', {
			sku: RACE.sku,
			key,
			delta: -1,
			atMs: 1,
			kind: 'sale',
		});
		if (change.applied) result.applied++;
	}
	for (;;) {
		const batch = await store.takeDue('retry', 1, 3, 3600_000);
		if (batch.length === 0) break;
		result.taken.push(...batch.map((entry) => entry.id));
	}
	await store.close();
	process.stdout.write(`${JSON.stringify(result)}\n`);
	process.stdin.destroy();
}

if (require.main === module) void main();
