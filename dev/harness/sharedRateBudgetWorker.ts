/**
 * One "n8n worker" for sharedRateBudget.test.ts and bench/sharedRateBudget.ts: its own process and Redis connection,
 * taking slots of one shared budget. argv: JSON { port, key, ratePerSecond, takes?, durationMs?, concurrency, skewMs }.
 * Prints "ready", waits for "go" on stdin, then prints one JSON line of WorkerGrants and exits.
 * skewMs shifts this process's Date.now(): the budget must not care (Redis TIME is its clock).
 */
import { Redis } from 'ioredis';

import {
	processRateBudget,
	type RateBudget,
	type RateKey,
} from '../../nodes/shared/tiktok/rateBudget';
import { SharedRateBudget } from '../../nodes/shared/tiktok/sharedRateBudget';

export interface WorkerArgs {
	port: number;
	key: RateKey;
	ratePerSecond: number;
	/** Stop after this many takes… */
	takes?: number;
	/** …or once this long has passed (real time). */
	durationMs?: number;
	/** Callers taking at once, as the items of one node run. */
	concurrency: number;
	skewMs: number;
	/** 'process' takes from this process's token bucket instead: the old behaviour, as a baseline. */
	budget?: 'shared' | 'process';
}

export interface WorkerGrants {
	/** Real time (performance clock, ms since the epoch) at which each take resolved. */
	sentAt: number[];
	/** The slot of each take, in Redis time (µs). */
	slots: number[];
	/** How long each take waited, ms (from asking to resolving, including this process's queue). */
	waits: number[];
	/** How long Redis told each slot to wait, ms (the wait behind other processes). */
	grantWaits: number[];
}

/** Real time, unaffected by a patched Date.now. */
export const realNow = () => performance.timeOrigin + performance.now();

async function main(): Promise<void> {
	const args = JSON.parse(process.argv[2]) as WorkerArgs;
	const realDateNow = Date.now.bind(Date);
	Date.now = () => realDateNow() + args.skewMs;
	const grants: WorkerGrants = { sentAt: [], slots: [], waits: [], grantWaits: [] };
	const shared = new SharedRateBudget(
		async () => {
			const redis = new Redis({ host: '127.0.0.1', port: args.port, lazyConnect: true });
			await redis.connect();
			return redis;
		},
		{
			onGrant: (_key, grant) => {
				grants.slots.push(grant.slotMicros);
				grants.grantWaits.push(grant.waitMs);
			},
		},
	);
	const budget: RateBudget = args.budget === 'process' ? processRateBudget : shared;
	await shared.grant({ ...args.key, api: '/warm-up' }, 1000); // connect and load the script before "go"
	process.stdout.write('ready\n');
	await new Promise<void>((resolve) => process.stdin.once('data', () => resolve()));
	process.stdin.destroy(); // or it keeps the process alive after the last take
	const deadline = realNow() + (args.durationMs ?? Infinity);
	let remaining = args.takes ?? Infinity;
	const caller = async () => {
		while (remaining > 0 && realNow() < deadline) {
			remaining--;
			const asked = realNow();
			await budget.take(args.key, args.ratePerSecond);
			const now = realNow();
			grants.sentAt.push(now);
			grants.waits.push(now - asked);
		}
	};
	await Promise.all(Array.from({ length: args.concurrency }, caller));
	process.stdout.write(`${JSON.stringify(grants)}\n`);
	await shared.close();
}

if (require.main === module) {
	main().catch((error: unknown) => {
		process.stderr.write(`${String(error)}\n`);
		process.exit(1);
	});
}
