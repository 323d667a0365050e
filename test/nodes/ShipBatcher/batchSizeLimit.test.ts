import type { RunningSimulator } from '../../../dev/simulator';
import { ordersWithPackage, row, runShipBatcher, startShop } from './simulatedShop';
import { validTrackingNumber } from '../../fixtures/validTrackingNumbers';

const SHIP_PATH = '/fulfillment/202309/packages/ship';

let sim: RunningSimulator | undefined;
afterEach(async () => {
	await sim?.close();
	sim = undefined;
});

function shipCalls(shop: RunningSimulator): Array<{ size: number; status: number; code: number }> {
	return shop.requests
		.filter((request) => request.path === SHIP_PATH)
		.map((request) => ({
			size: (request.body as { packages: unknown[] }).packages.length,
			status: request.status,
			code: request.code,
		}));
}

function itemsFor(shop: RunningSimulator, count: number) {
	const entries = ordersWithPackage(shop).slice(0, count);
	expect(entries).toHaveLength(count);
	return entries.map(({ order, pkg }) =>
		row({
			order_id: order.id,
			package_id: pkg.id,
			tracking_number: validTrackingNumber('UPS'),
			carrier: 'UPS',
		}),
	);
}

describe('Batch Ship Packages size', () => {
	it('caps Batch Size at 50: a workflow saved with 100 sends at most 50 packages per call', async () => {
		sim = await startShop({ orders: 900 });
		const items = itemsFor(sim, 70);
		const { shipped, attention } = await runShipBatcher(sim, items, {
			options: { batchSize: 100 },
		});
		expect(attention.map((item) => item.json.message)).toEqual([]);
		expect(shipped).toHaveLength(70);
		expect(shipCalls(sim).map((call) => call.size)).toEqual([50, 20]);
	});

	it('splits a batch TikTok refuses for its size and ships the halves, instead of sending every package to Needs Attention', async () => {
		sim = await startShop({ orders: 900, rules: { batchShipMaxPackages: 20 } });
		const items = itemsFor(sim, 50);
		const { shipped, attention } = await runShipBatcher(sim, items, { options: { batchSize: 50 } });
		expect(attention.map((item) => item.json.message)).toEqual([]);
		expect(shipped).toHaveLength(50);
		const calls = shipCalls(sim);
		expect(calls[0]).toEqual({ size: 50, status: 400, code: 36009001 });
		// 50 → 25 + 25 (both refused) → 13 + 12 + 13 + 12, shipped.
		expect(
			calls
				.filter((call) => call.code === 0)
				.map((call) => call.size)
				.sort((a, b) => a - b),
		).toEqual([12, 12, 13, 13]);
		expect(calls.filter((call) => call.code !== 0).map((call) => call.size)).toEqual([50, 25, 25]);
		expect(
			sim.mutations
				.filter((mutation) => mutation.type === 'batchShip')
				.flatMap((mutation) => (mutation.type === 'batchShip' ? mutation.shipped : [])),
		).toHaveLength(50);
	});
});
