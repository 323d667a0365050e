/**
 * Ship Batcher against the simulator's 50 QPS per API, side by side with a naive per-item loop.
 *
 *   ts-node --transpile-only bench/shipBatcher.ts            (10,000 packages at TikTok's real 50/s; ~4 min, the loop takes 200 s)
 *   BENCH_PACKAGES=2000 BENCH_TIME_SCALE=4 ts-node --transpile-only bench/shipBatcher.ts
 *
 * BENCH_TIME_SCALE > 1 runs the simulator's clock and the client's rate that many times faster. Above about 2 the
 * node's own CPU for 10,000 items (preflight, order checks, output items) rather than the rate budget sets the
 * pace on this 2-core machine, so the default measures the rate budget as TikTok enforces it.
 *   BENCH_PROFILE_DIR=/tmp/prof BENCH_SIMULATOR_NODE_OPTIONS="--cpu-prof --cpu-prof-dir=/tmp/prof" ts-node ...   (CPU profiles)
 *
 * Optimum: the calls each contender needs ÷ the rate it may send them at. The node spreads its calls over two
 * APIs that TikTok budgets separately (order detail, batch ship), so its strict optimum is the busier API's
 * calls ÷ rate; the figure over all its calls ÷ rate is printed too. The simulator runs in its own process
 * (bench/lib/simulatorWorker.ts); both contenders reach it over keep-alive node:http (bench/lib/keepAliveHttp.ts).
 */
import { ShipBatcher } from '../nodes/ShipBatcher/ShipBatcher.node';
import { TikTokApiError, TikTokShopClient } from '../nodes/shared/tiktok';
import { resetBuckets } from '../nodes/shared/tiktok/rateBudget';
import { validTrackingNumber } from '../test/fixtures/validTrackingNumbers';
import { closeKeepAlive, keepAliveTransport, runNodeKeepAlive } from './lib/keepAliveHttp';
import { profiled } from './lib/profiled';
import { SimulatorProcess } from './lib/simulatorProcess';
import type { WorkerStats } from './lib/workerMessages';

const PACKAGES = Number(process.env.BENCH_PACKAGES ?? 10_000);
const TIME_SCALE = Number(process.env.BENCH_TIME_SCALE ?? 1);
const TIKTOK_QPS = 50;
const RATE = TIKTOK_QPS * TIME_SCALE;
const BATCH_SIZE = 50;
/** The naive loop's pause after a 429: one simulated second. */
const NAIVE_SLEEP_MS = 1000 / TIME_SCALE;
const CARRIERS = ['UPS', 'USPS', 'Amazon Shipping', 'UniUni', 'GOFO'] as const;

interface Result {
	name: string;
	wallMs: number;
	calls: number;
	optimumMs: number;
	rateLimited: number;
	shipped: number;
	lost: number;
	simulatorCpuMs: number;
	note: string;
}

type Simulator = SimulatorProcess<'openPackages'>;

/** About a third of seeded orders are seller-shipped and awaiting shipment. */
const startSimulator = () =>
	SimulatorProcess.start(
		'openPackages',
		{ packages: PACKAGES },
		{ seed: 11, orders: Math.ceil(PACKAGES * 3.4) + 100, timeScale: TIME_SCALE },
	);

async function statsOf(sim: Simulator): Promise<WorkerStats & { shippedPackageIds: string[] }> {
	const stats = await sim.ask<WorkerStats>('stats');
	return { ...stats, shippedPackageIds: await sim.ask<string[]>('shippedPackageIds') };
}

function shipmentsOf(sim: Simulator) {
	return sim.ready.scenario.shipments.map((shipment, index) => {
		const carrier = CARRIERS[index % CARRIERS.length];
		return { ...shipment, carrier, trackingNumber: validTrackingNumber(carrier) };
	});
}

async function runShipBatcher(): Promise<Result> {
	const sim = await startSimulator();
	try {
		const shipments = shipmentsOf(sim);
		const items = shipments.map((shipment) => ({
			json: {
				order_id: shipment.orderId,
				package_id: shipment.packageId,
				tracking_number: shipment.trackingNumber,
				carrier: shipment.carrier,
			},
		}));
		resetBuckets();
		const credentials = sim.credentials();
		const node = new ShipBatcher().nodeVersions[1];
		const cpuBefore = process.cpuUsage();
		const started = performance.now();
		const [shipped, attention] = await profiled('shipBatcher', () =>
			runNodeKeepAlive(node, {
				credentials,
				items,
				parameters: {
					trackingHistory: 'none',
					options: { batchSize: BATCH_SIZE, requestsPerSecond: RATE, maxRetries: 8 },
				},
			}),
		);
		const wallMs = performance.now() - started;
		const cpu = process.cpuUsage(cpuBefore);
		const stats = await statsOf(sim);
		const byApi = Object.entries(stats.accepted);
		const busiest = Math.max(...byApi.map(([, count]) => count));
		const calls = byApi.reduce((sum, [, count]) => sum + count, 0);
		const outputs = new Set(
			[...shipped, ...attention].map((item) => (item.pairedItem as { item: number }).item),
		);
		const reallyShipped = new Set(stats.shippedPackageIds);
		const claimedButNot = shipped.filter(
			(item) => !reallyShipped.has(String(item.json.package_id)),
		).length;
		return {
			name: 'Ship Batcher',
			wallMs,
			calls,
			optimumMs: (busiest / RATE) * 1000,
			rateLimited: stats.rateLimited,
			shipped: reallyShipped.size,
			lost: items.length - outputs.size + claimedButNot,
			simulatorCpuMs: stats.cpuMs,
			note:
				`${byApi.map(([api, count]) => `${api}: ${count}`).join(', ')}; all calls ÷ rate = ${((calls / RATE) * 1000).toFixed(0)} ms; ` +
				`needs attention ${attention.length}; node CPU ${((cpu.user + cpu.system) / 1000).toFixed(0)} ms; simulator CPU ${stats.cpuMs.toFixed(0)} ms`,
		};
	} finally {
		await sim.close();
	}
}

/** One Ship Package call per package, as fast as the loop goes, and a fixed pause after each 429. */
async function runNaiveLoop(): Promise<Result> {
	const sim = await startSimulator();
	try {
		const shipments = shipmentsOf(sim);
		resetBuckets();
		// The client always paces; an absurd rate and no retries make it a plain signed HTTP call.
		const client = new TikTokShopClient(sim.credentials(), {
			http: keepAliveTransport,
			ratePerSecond: 1e9,
			maxRetries: 0,
		});
		let shipped = 0;
		let failed = 0;
		const started = performance.now();
		for (const shipment of shipments) {
			for (;;) {
				try {
					await client.post(`/fulfillment/202309/packages/${shipment.packageId}/ship`, {
						self_shipment: {
							tracking_number: shipment.trackingNumber,
							shipping_provider_id: sim.ready.scenario.providers[shipment.carrier],
						},
					});
					shipped += 1;
					break;
				} catch (error) {
					if (error instanceof TikTokApiError && error.code === 36009002) {
						await new Promise((resolve) => setTimeout(resolve, NAIVE_SLEEP_MS));
						continue;
					}
					failed += 1;
					break;
				}
			}
		}
		const wallMs = performance.now() - started;
		const stats = await statsOf(sim);
		return {
			name: 'Naive per-item loop',
			wallMs,
			calls: shipments.length,
			optimumMs: (shipments.length / RATE) * 1000,
			rateLimited: stats.rateLimited,
			shipped: new Set(stats.shippedPackageIds).size,
			lost: shipments.length - shipped - failed,
			simulatorCpuMs: stats.cpuMs,
			note: `simulator CPU ${stats.cpuMs.toFixed(0)} ms; ${failed} refused; sleeps ${NAIVE_SLEEP_MS.toFixed(0)} ms after each 429; no preflight, no order checks`,
		};
	} finally {
		await sim.close();
	}
}

function print(results: Result[]): void {
	console.log(
		`\n${PACKAGES} packages · TikTok's ${TIKTOK_QPS} QPS per API at timeScale ${TIME_SCALE} = ${RATE} calls/s real · batch size ${BATCH_SIZE}\n`,
	);
	const header = [
		'contender',
		'wall ms',
		'calls',
		'optimum ms',
		'wall ÷ optimum',
		'429s',
		'shipped',
		'lost',
	];
	const rows = results.map((result) => [
		result.name,
		result.wallMs.toFixed(0),
		String(result.calls),
		result.optimumMs.toFixed(0),
		`${(result.wallMs / result.optimumMs).toFixed(3)}×`,
		String(result.rateLimited),
		String(result.shipped),
		String(result.lost),
	]);
	const widths = header.map((title, column) =>
		Math.max(title.length, ...rows.map((row) => row[column].length)),
	);
	for (const row of [header, ...rows])
		console.log(row.map((cell, column) => cell.padEnd(widths[column])).join('  '));
	console.log('');
	for (const result of results) console.log(`${result.name}: ${result.note}`);
	const [batcher, naive] = results;
	for (const result of results) {
		const busy = result.simulatorCpuMs / result.wallMs;
		if (busy > 0.5) {
			console.log(
				`${result.name}: the simulator was busy ${(busy * 100).toFixed(0)} % of the wall time, serving one request at a time; ` +
					'near 100 % it, not the rate budget, sets the pace.',
			);
		}
	}
	console.log(
		`\nShip Batcher finished ${(naive.wallMs / batcher.wallMs).toFixed(1)}× sooner than the naive loop, with ${(naive.calls / batcher.calls).toFixed(1)}× fewer calls.`,
	);
}

async function main(): Promise<void> {
	const batcher = await runShipBatcher();
	const naive = await runNaiveLoop();
	print([batcher, naive]);
	closeKeepAlive();
}

main().catch((error: unknown) => {
	console.error(error);
	process.exit(1);
});
