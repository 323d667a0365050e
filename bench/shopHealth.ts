/**
 * TikTok Shop Health's Orders at Risk over a shop with 20,000 open orders, against the simulator's 50 QPS per API.
 *
 *   ts-node --transpile-only bench/shopHealth.ts                    (20,000 open orders at TikTok's real 50/s; ~10 s)
 *   BENCH_OPEN_ORDERS=5000 ts-node --transpile-only bench/shopHealth.ts
 *
 * Calls: the fewest the API allows are one Order Search page of 100 per status searched (at least one each, for the
 * four open statuses), plus one tracking read per order whose reason depends on the carrier's first scan (a tracking
 * number, no collection_time, and past the dispatch line or due within the widest band). Wall time is compared with
 * all calls ÷ rate (target ≤ 1.05 ×); Order Search and tracking are budgeted separately by TikTok, so the busier API's
 * calls ÷ rate is printed too. The simulator runs in its own process (bench/lib/simulatorWorker.ts); the node reaches
 * it over keep-alive node:http (bench/lib/keepAliveHttp.ts).
 */
import { TikTokShopHealth } from '../nodes/TikTokShopHealth/TikTokShopHealth.node';
import { resetBuckets } from '../nodes/shared/tiktok/rateBudget';
import { closeKeepAlive, runNodeKeepAlive } from './lib/keepAliveHttp';
import { SimulatorProcess } from './lib/simulatorProcess';
import type { WorkerStats } from './lib/workerMessages';

const OPEN_ORDERS = Number(process.env.BENCH_OPEN_ORDERS ?? 20_000);
const RATE = 50;
const PAGE_SIZE = 100;
/** API keys as the simulator worker counts them (numbers in paths, the version included, become {id}). */
const SEARCH = '/order/{id}/orders/search';
const TRACKING = '/fulfillment/{id}/orders/{id}/tracking';

async function main(): Promise<void> {
	const sim = await SimulatorProcess.start(
		'openOrdersAtRisk',
		{ orders: OPEN_ORDERS },
		{ seed: 21, orders: 0, rateLimitPerSecond: RATE },
	);
	try {
		const { byStatus, needScan, atRisk } = sim.ready.scenario;
		const statuses = ['AWAITING_SHIPMENT', 'PARTIALLY_SHIPPING', 'ON_HOLD', 'AWAITING_COLLECTION'];
		const minimumPages = statuses.reduce(
			(sum, status) => sum + Math.max(1, Math.ceil((byStatus[status] ?? 0) / PAGE_SIZE)),
			0,
		);
		const minimum = minimumPages + needScan;

		resetBuckets();
		const node = new TikTokShopHealth().nodeVersions[1];
		const cpuBefore = process.cpuUsage();
		const started = performance.now();
		const [out] = await runNodeKeepAlive(node, {
			credentials: sim.credentials(),
			parameters: {
				operation: 'ordersAtRisk',
				riskOutput: 'perOrder',
				readTracking: true,
				requestOptions: { requestsPerSecond: RATE },
			},
		});
		const wallMs = performance.now() - started;
		const cpu = process.cpuUsage(cpuBefore);
		const stats = await sim.ask<WorkerStats>('stats');

		const searches = stats.accepted[SEARCH] ?? 0;
		const tracking = stats.accepted[TRACKING] ?? 0;
		const calls = Object.values(stats.accepted).reduce((sum, count) => sum + count, 0);
		const allCallsMs = (calls / RATE) * 1000;
		const busiestMs = (Math.max(searches, tracking) / RATE) * 1000;

		console.log(
			`\nOrders at Risk · ${OPEN_ORDERS} open orders · TikTok's ${RATE} QPS per API · pages of ${PAGE_SIZE}\n`,
		);
		console.log(
			`open orders per status: ${statuses.map((status) => `${status} ${byStatus[status] ?? 0}`).join(', ')}`,
		);
		const rows = [
			['', 'made', 'minimum'],
			['Order Search pages', String(searches), String(minimumPages)],
			['tracking reads', String(tracking), String(needScan)],
			['all calls', String(calls), String(minimum)],
		];
		for (const row of rows)
			console.log(`${row[0].padEnd(20)}${row[1].padStart(8)}${row[2].padStart(10)}`);
		console.log(
			`other APIs: ${
				Object.entries(stats.accepted)
					.filter(([api]) => api !== SEARCH && api !== TRACKING)
					.map(([api, count]) => `${api} ${count}`)
					.join(', ') || 'none'
			}`,
		);
		console.log('');
		console.log(`wall time            ${wallMs.toFixed(0)} ms`);
		console.log(
			`all calls ÷ rate     ${allCallsMs.toFixed(0)} ms   → wall ÷ (calls ÷ rate) = ${(wallMs / allCallsMs).toFixed(3)}× (target ≤ 1.05×)`,
		);
		console.log(
			`busier API ÷ rate    ${busiestMs.toFixed(0)} ms   → wall ÷ strict optimum = ${(wallMs / busiestMs).toFixed(3)}×`,
		);
		console.log(
			`429s ${stats.rateLimited}; orders listed at risk ${out.length} (planted ${atRisk}); node CPU ${((cpu.user + cpu.system) / 1000).toFixed(0)} ms; simulator CPU ${stats.cpuMs.toFixed(0)} ms`,
		);
		if (stats.cpuMs / wallMs > 0.5) {
			console.log(
				`the simulator was busy ${((stats.cpuMs / wallMs) * 100).toFixed(0)} % of the wall time, serving one request at a time; near 100 % it, not the rate budget, sets the pace.`,
			);
		}
		if (out.length !== atRisk) process.exitCode = 1;
	} finally {
		await sim.close();
		closeKeepAlive();
	}
}

main().catch((error: unknown) => {
	console.error(error);
	process.exit(1);
});
