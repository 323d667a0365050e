/**
 * Child process: a TikTok Shop simulator with `packages` seller-shipped packages waiting for tracking numbers.
 * It runs apart from the benchmarked code so that the simulator's own work does not count against it.
 */
import { startSimulator } from '../../test/simulator';
import { hasPendingAfterSale } from '../../test/simulator/lookup';
import { IdFactory, SeededRandom } from '../../test/simulator/random';
import { openPackage } from '../../test/simulator/shipping';

export interface WorkerReady {
	type: 'ready';
	url: string;
	app: { appKey: string; appSecret: string };
	shopCipher: string;
	tokens: { accessToken: string; refreshToken: string; accessTokenExpiresAt: number };
	shipments: Array<{ orderId: string; packageId: string }>;
	/** Shipping provider name → id, as Get Shipping Providers lists them for the seller delivery options. */
	providers: Record<string, string>;
}

export interface WorkerStats {
	type: 'stats';
	rateLimited: number;
	requests: number;
	/** Requests per API path that TikTok accepted (status 200, code 0). */
	accepted: Record<string, number>;
	shippedPackageIds: string[];
	/** CPU the simulator process spent since it was ready, in ms: it serves one request at a time. */
	cpuMs: number;
}

async function main(): Promise<void> {
	const packages = Number(process.argv[2]);
	const timeScale = Number(process.argv[3]);
	// About a third of seeded orders are seller-shipped and awaiting shipment.
	const sim = await startSimulator({ seed: 11, orders: Math.ceil(packages * 3.4) + 100, timeScale });
	const { state } = sim;
	const ready = state.orders.filter((order) => order.status === 'AWAITING_SHIPMENT' && order.shipping_type === 'SELLER' && !hasPendingAfterSale(state, order.id)).slice(0, packages);
	if (ready.length < packages) throw new Error(`Only ${ready.length} seller orders awaiting shipment; seed more orders`);
	const ids = new IdFactory(new SeededRandom(23));
	const now = Math.floor(Date.now() / 1000);
	// Only the orders shipped here stay in the shop: the simulator looks ids up by scanning, and the benchmark measures the client, not that.
	const chosen = new Set(ready.map((order) => order.id));
	state.packages = state.packages.filter((pkg) => chosen.has(pkg.order_id));
	for (const order of ready) {
		if (!state.packages.some((pkg) => pkg.order_id === order.id && pkg.status === 'PROCESSING')) state.packages.push(openPackage(ids, order, now));
	}
	state.orders = ready;
	const message: WorkerReady = {
		type: 'ready',
		url: sim.url,
		app: sim.app,
		shopCipher: sim.shop.cipher,
		tokens: sim.tokens,
		shipments: state.packages.map((pkg) => ({ orderId: pkg.order_id, packageId: pkg.id })),
		providers: Object.fromEntries(state.shippingProviders.map((provider) => [provider.name, provider.id])),
	};
	const cpuAtReady = process.cpuUsage();
	process.send?.(message);
	process.on('message', (request: { type: string }) => {
		if (request.type === 'stats') {
			const accepted: Record<string, number> = {};
			for (const entry of sim.requests) {
				if (entry.status !== 200 || entry.code !== 0) continue;
				const api = entry.path.replace(/\/\d+(?=\/|$)/g, '/{id}');
				accepted[api] = (accepted[api] ?? 0) + 1;
			}
			const stats: WorkerStats = {
				type: 'stats',
				cpuMs: (() => {
					const cpu = process.cpuUsage(cpuAtReady);
					return (cpu.user + cpu.system) / 1000;
				})(),
				rateLimited: sim.rateLimitedCount,
				requests: sim.requests.length,
				accepted,
				shippedPackageIds: sim.mutations.flatMap((mutation) =>
					mutation.type === 'batchShip' ? mutation.shipped.map((entry) => entry.packageId) : mutation.type === 'ship' ? [mutation.packageId] : [],
				),
			};
			process.send?.(stats);
		}
		if (request.type === 'close') void sim.close().then(() => process.exit(0));
	});
}

main().catch((error: unknown) => {
	console.error(error);
	process.exit(1);
});
