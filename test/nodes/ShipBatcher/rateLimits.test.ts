import type { RunningSimulator } from '../../../dev/simulator';
import {
	ordersWithPackage,
	ordersWithoutPackage,
	row,
	runShipBatcher,
	shippedPackageIds,
	startShop,
} from './simulatedShop';
import { validTrackingNumber } from '../../fixtures/validTrackingNumbers';

let sim: RunningSimulator;
afterEach(async () => {
	await sim.close();
});

describe('a 429 storm from the simulator', () => {
	it('loses no item: every package ships exactly once when the shop answers 429 again and again', async () => {
		// The shop allows 5 calls per second per API while the node is told 50: most calls bounce until the client's backoff paces them.
		sim = await startShop({ orders: 400, rateLimitPerSecond: 5 });
		sim.faults.inject({ pathPattern: '/fulfillment/202309/packages/ship', kind: '429', times: 4 });
		sim.faults.inject({ pathPattern: '/order/202309/orders', kind: '429', times: 2 });
		const withPackage = ordersWithPackage(sim).slice(0, 24);
		const without = ordersWithoutPackage(sim).slice(0, 6);
		const items = [
			...withPackage.map(({ order, pkg }) =>
				row({
					order_id: order.id,
					package_id: pkg.id,
					tracking_number: validTrackingNumber('UPS'),
					carrier: 'UPS',
				}),
			),
			...without.map((order) =>
				row({ order_id: order.id, tracking_number: validTrackingNumber('USPS'), carrier: 'USPS' }),
			),
		];

		const { shipped, attention } = await runShipBatcher(sim, items, {
			options: { batchSize: 3, maxRetries: 10 },
		});

		const throttled = sim.requests.filter((request) => request.status === 429);
		expect(sim.rateLimitedCount).toBeGreaterThan(0);
		expect(throttled.length).toBeGreaterThan(sim.rateLimitedCount);
		expect(attention.map((item) => item.json.message)).toEqual([]);
		expect(
			shipped.map((item) => (item.pairedItem as { item: number }).item).sort((a, b) => a - b),
		).toEqual(items.map((_, index) => index));
		const packageIds = shippedPackageIds(sim);
		expect(packageIds).toHaveLength(30);
		expect(new Set(packageIds).size).toBe(30);
		for (const { pkg } of withPackage) expect(pkg.status).toBe('FULFILLING');
	});

	it('hands the items of calls that never got through to Needs Attention, and none of them is lost', async () => {
		sim = await startShop();
		sim.faults.inject({ pathPattern: '/fulfillment/202309/packages/ship', kind: '429' });
		const targets = ordersWithPackage(sim).slice(0, 4);
		const items = targets.map(({ order, pkg }) =>
			row({
				order_id: order.id,
				package_id: pkg.id,
				tracking_number: validTrackingNumber('UPS'),
				carrier: 'UPS',
			}),
		);

		const { shipped, attention } = await runShipBatcher(sim, items, {
			options: { batchSize: 2, maxRetries: 1 },
		});

		expect(shipped).toEqual([]);
		expect(attention.map((item) => (item.pairedItem as { item: number }).item)).toEqual([
			0, 1, 2, 3,
		]);
		expect(attention.map((item) => [item.json.reason, item.json.tiktok_code])).toEqual(
			Array(4).fill(['tiktok_unavailable', 36009002]),
		);
		expect(attention[0].json.message).toContain('run the workflow again later');
		expect(shippedPackageIds(sim)).toEqual([]);
	});
});
