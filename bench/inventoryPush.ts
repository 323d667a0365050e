/**
 * Inventory Push benchmark: 20,000 SKUs in 4,000 products (1–10 SKUs, 1–3 warehouses each), 10 % of SKUs changed,
 * the simulator limiting each API to 50 requests per second, time-scaled (BENCH_TIME_SCALE, default 1, i.e. TikTok's real 50/s: the
 * simulator and the client both run at 50 × scale per second, with a burst of one second's worth, as TikTok at 50).
 *
 *   ts-node --transpile-only bench/inventoryPush.ts
 *
 * Prints update calls ÷ changed products, read calls, wall time ÷ the optimum (calls ÷ rate), and items
 * lost, for the Inventory Push and, in the same run, for the baseline that pushes every product. The simulator
 * runs in a child process (bench/lib/simulatorWorker.ts) so that its CPU does not count against the node, and
 * both contenders reach it over keep-alive node:http (bench/lib/keepAliveHttp.ts) as n8n's own helper does;
 * BENCH_PROFILE_DIR=/tmp/prof writes a CPU profile of the measured push.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { InventoryPush } from '../nodes/InventoryPush/InventoryPush.node';
import { updatesInFlight } from '../nodes/InventoryPush/v1/inventory/syncProducts';
import { closeAllStores } from '../nodes/shared/store';
import { TikTokShopClient } from '../nodes/shared/tiktok';
import { resetBuckets } from '../nodes/shared/tiktok/rateBudget';
import { closeKeepAlive, keepAliveTransport, runNodeKeepAlive } from './lib/keepAliveHttp';
import { profiled } from './lib/profiled';
import { pushEveryProduct } from './lib/pushEveryProduct';
import { SimulatorProcess } from './lib/simulatorProcess';
import type { RequestSummary, WorkerStats } from './lib/workerMessages';

const PRODUCTS = 4_000;
const SKUS = 20_000;
const CHANGED_SHARE = 0.1;
const TIME_SCALE = Number(process.env.BENCH_TIME_SCALE ?? 1);
const RATE = 50 * TIME_SCALE;
const UPDATE = /\/inventory\/update$/;
const READ = /^\/product\/202309\/inventory\/search$/;

/**
 * The optimum: calls ÷ rate, the theoretical minimum the Ship Batcher issue names, reached by a client that sends
 * every call at the rate and never more than `RATE` in any second. The client deliberately stops there: TikTok
 * documents no burst, and a server that counts per second or keeps a bucket both accept it with room for jitter.
 */
const optimumSeconds = (calls: number) => calls / RATE;
/**
 * Only reachable by spending the simulator's one-second burst at the start and then running with no headroom: a
 * client doing that against TikTok would earn 429s on any network jitter. Printed for comparison.
 */
const burstOptimumSeconds = (calls: number) => Math.max(0, calls - RATE) / RATE;

async function main(): Promise<void> {
	const folder = mkdtempSync(join(tmpdir(), 'bench-inventory-push-'));
	process.env.N8N_USER_FOLDER = folder;
	// The simulator's own timeScale refills faster but keeps a 50-token burst; scaling the limit itself keeps
	// the burst equal to the client's (one second's worth), as at real speed.
	const sim = await SimulatorProcess.start(
		'inventoryCatalogue',
		{ products: PRODUCTS, skus: SKUS, changedShare: CHANGED_SHARE, seed: 20261125 },
		{ seed: 3, orders: 20, rateLimitPerSecond: RATE },
	);
	try {
		const { catalogue, changedSkuIds, products } = sim.ready.scenario;
		const wanted = new Map(sim.ready.scenario.wanted);
		const changedSkus = new Set(changedSkuIds);
		const changedProducts = new Set(
			catalogue.skus.filter((sku) => changedSkus.has(sku.skuId)).map((sku) => sku.productId),
		);
		const rows = catalogue.skus.map((sku) => ({
			sku: sku.sellerSku,
			quantity: wanted.get(sku.skuId)!,
		}));
		const credentials = sim.credentials();
		const node = new InventoryPush().nodeVersions[1];
		const run = (items: typeof rows) =>
			runNodeKeepAlive(node, {
				credentials,
				items: items.map((json) => ({ json })),
				parameters: {
					stockSource: 'input',
					sku: (index: number) => items[index].sku,
					quantity: (index: number) => items[index].quantity,
					defaultWarehouseId: catalogue.defaultWarehouseId,
					options: { requestsPerSecond: RATE },
				},
			});
		const requests = () => sim.ask<RequestSummary[]>('requests');
		const countWrong = () =>
			sim.ask<number>('countWrong', {
				wanted: [...wanted],
				defaultWarehouseId: catalogue.defaultWarehouseId,
			});
		const fresh = async () => {
			await sim.ask('restoreInventory');
			await sim.ask('reset');
			resetBuckets();
		};

		console.log(
			`Inventory Push benchmark: ${SKUS} SKUs in ${PRODUCTS} products, ${changedSkus.size} SKUs changed in ${changedProducts.size} products; ${RATE} requests/s per API (50 × time scale ${TIME_SCALE}); simulator in its own process\n`,
		);

		// The catalogue (seller SKU → product, SKU id, warehouses) is cached between runs; load it once first.
		let started = performance.now();
		await run(rows.slice(0, 1));
		const catalogueSeconds = (performance.now() - started) / 1000;
		const searchCalls = (await requests()).filter((request) =>
			request.path.endsWith('/products/search'),
		).length;
		await fresh();

		const cpuBefore = process.cpuUsage();
		started = performance.now();
		const [updated, unchanged, attention] = await profiled('inventoryPush', () => run(rows));
		const pushSeconds = (performance.now() - started) / 1000;
		const pushCpu = process.cpuUsage(cpuBefore);
		const startedAt = Date.now() - pushSeconds * 1000;
		const pushRequests = await requests();
		const pushStats = await sim.ask<WorkerStats>('stats');
		const at = (pattern: RegExp, pick: (times: number[]) => number) =>
			(
				(pick(
					pushRequests
						.filter((request) => pattern.test(request.path))
						.map((request) => request.time),
				) -
					startedAt) /
				1000
			).toFixed(2);
		const phases = `first read ${at(READ, (t) => Math.min(...t))} s, last read ${at(READ, (t) => Math.max(...t))} s, first update ${at(UPDATE, (t) => Math.min(...t))} s, last update ${at(UPDATE, (t) => Math.max(...t))} s`;
		const pushUpdates = pushRequests.filter(
			(request) => UPDATE.test(request.path) && request.status === 200,
		).length;
		const pushReads = pushRequests.filter(
			(request) => READ.test(request.path) && request.status === 200,
		).length;
		const lost = SKUS - updated.length - unchanged.length - attention.length;
		const wrong = await countWrong();
		const pushOptimum = Math.max(optimumSeconds(pushUpdates), optimumSeconds(pushReads));
		const pushBurstOptimum = Math.max(
			burstOptimumSeconds(pushUpdates),
			burstOptimumSeconds(pushReads),
		);

		await fresh();
		const client = new TikTokShopClient(credentials, {
			http: keepAliveTransport,
			ratePerSecond: RATE,
		});
		started = performance.now();
		const baseline = await pushEveryProduct(
			client,
			products,
			wanted,
			catalogue.defaultWarehouseId,
			updatesInFlight(RATE),
		);
		const baselineSeconds = (performance.now() - started) / 1000;
		const baselineStats = await sim.ask<WorkerStats>('stats');
		const baselineWrong = await countWrong();

		const table = [
			['', 'Inventory Push', 'Baseline: push every product'],
			['update calls', String(pushUpdates), String(baseline.calls)],
			[
				'update calls ÷ changed products',
				ratio(pushUpdates / changedProducts.size),
				ratio(baseline.calls / changedProducts.size),
			],
			['read calls (inventory/search)', String(pushReads), '0'],
			['429 answers', String(pushStats.rateLimited), String(baselineStats.rateLimited)],
			['wall time (s)', pushSeconds.toFixed(2), baselineSeconds.toFixed(2)],
			[
				'optimum: calls ÷ rate (s)',
				pushOptimum.toFixed(2),
				optimumSeconds(baseline.calls).toFixed(2),
			],
			[
				'wall ÷ optimum (calls ÷ rate)',
				ratio(pushSeconds / pushOptimum),
				ratio(baselineSeconds / optimumSeconds(baseline.calls)),
			],
			[
				'wall ÷ burst optimum ((calls − rate) ÷ rate)',
				ratio(pushSeconds / pushBurstOptimum),
				ratio(baselineSeconds / burstOptimumSeconds(baseline.calls)),
			],
			['items lost', String(lost), String(baseline.failedSkus)],
			['SKUs not at the wanted quantity afterwards', String(wrong), String(baselineWrong)],
			[
				'outputs updated / unchanged / needs attention',
				`${updated.length} / ${unchanged.length} / ${attention.length}`,
				'-',
			],
			[
				'simulator CPU in its own process (ms)',
				pushStats.cpuMs.toFixed(0),
				baselineStats.cpuMs.toFixed(0),
			],
		];
		for (const row of table) console.log(`${row[0].padEnd(54)}${row[1].padEnd(18)}${row[2]}`);
		console.log(`\nInventory Push timeline: ${phases}`);
		console.log(
			`Inventory Push process CPU during its run: ${((pushCpu.user + pushCpu.system) / 1000).toFixed(0)} ms`,
		);
		// The baseline is a bare loop over the same client and simulator: its own ratio is what this machine allows.
		console.log(
			`Inventory Push wall ÷ optimum, relative to the baseline's (same client, same machine): ${ratio(pushSeconds / pushOptimum / (baselineSeconds / optimumSeconds(baseline.calls)))}`,
		);
		console.log(`Inventory Push wall ÷ baseline wall: ${ratio(pushSeconds / baselineSeconds)}`);
		console.log(
			`Catalogue load before the runs (cached afterwards): ${searchCalls} products/search calls, ${catalogueSeconds.toFixed(2)} s`,
		);
		console.log(
			`Targets: update calls = changed products ${pushUpdates === changedProducts.size ? 'met' : 'MISSED'}; wall ≤ 1.05 × optimum ${pushSeconds <= 1.05 * pushOptimum ? 'met' : 'MISSED'}; 0 items lost ${lost === 0 && wrong === 0 ? 'met' : 'MISSED'}`,
		);
	} finally {
		await sim.close();
		closeKeepAlive();
		await closeAllStores();
		rmSync(folder, { recursive: true, force: true });
	}
}

function ratio(value: number): string {
	return Number.isFinite(value) ? value.toFixed(3) : '-';
}

main().catch((error) => {
	console.error(error);
	process.exitCode = 1;
});
