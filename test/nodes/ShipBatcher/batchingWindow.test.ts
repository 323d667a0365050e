import type { RunningSimulator } from '../../../dev/simulator';
import { ordersWithPackage, row, runShipBatcher, startShop } from './simulatedShop';
import { validTrackingNumber } from '../../fixtures/validTrackingNumbers';

let sim: RunningSimulator;
beforeEach(async () => {
	sim = await startShop();
});
afterEach(async () => {
	await sim.close();
});

describe('batching window', () => {
	it('lets executions that overlap share one Batch Ship call, each getting back only its own items', async () => {
		const targets = ordersWithPackage(sim).slice(0, 5);
		const rowFor = ({ order, pkg }: (typeof targets)[number]) =>
			row({
				order_id: order.id,
				package_id: pkg.id,
				tracking_number: validTrackingNumber('UPS'),
				carrier: 'UPS',
			});
		const parameters = { batching: 'collect', windowSeconds: 1 };

		const [first, second, third] = await Promise.all([
			runShipBatcher(sim, targets.slice(0, 2).map(rowFor), parameters),
			runShipBatcher(sim, targets.slice(2, 4).map(rowFor), parameters),
			runShipBatcher(sim, [rowFor(targets[4])], parameters),
		]);

		const shipCalls = sim.requests.filter(
			(request) => request.path === '/fulfillment/202309/packages/ship',
		);
		expect(shipCalls).toHaveLength(1);
		expect((shipCalls[0].body as { packages: unknown[] }).packages).toHaveLength(5);
		expect(first.shipped.map((item) => item.json.package_id)).toEqual([
			targets[0].pkg.id,
			targets[1].pkg.id,
		]);
		expect(second.shipped.map((item) => item.json.package_id)).toEqual([
			targets[2].pkg.id,
			targets[3].pkg.id,
		]);
		expect(third.shipped.map((item) => [item.json.package_id, item.pairedItem])).toEqual([
			[targets[4].pkg.id, { item: 0 }],
		]);
	});

	it('sends a full batch without waiting for the window', async () => {
		const targets = ordersWithPackage(sim).slice(0, 4);
		const items = targets.map(({ order, pkg }) =>
			row({
				order_id: order.id,
				package_id: pkg.id,
				tracking_number: validTrackingNumber('UPS'),
				carrier: 'UPS',
			}),
		);
		const { shipped } = await runShipBatcher(sim, items, {
			batching: 'collect',
			windowSeconds: 60,
			options: { batchSize: 2 },
		});
		expect(shipped).toHaveLength(4);
		expect(
			sim.requests.filter((request) => request.path === '/fulfillment/202309/packages/ship'),
		).toHaveLength(2);
	});
});
