import {
	getPackage,
	getTracking,
	searchPackages,
	shipPackages,
	SHIP_PACKAGES_PER_CALL,
	type PackageShipment,
} from '../../nodes/shared/tiktok/resources/fulfillment';
import { refusalOf } from '../../nodes/shared/tiktok/resources';
import { getOrderTracking } from '../../nodes/shared/tiktok/resources/tracking';
import type { Package } from '../../dev/simulator/index';
import { validTrackingNumber } from '../fixtures/validTrackingNumbers';
import { simulatorWorld } from './world';

const world = simulatorWorld({ seed: 37 });

const usps = () =>
	world.sim.state.shippingProviders.find((provider) => provider.name === 'USPS')!.id;

function openSellerPackages(): Package[] {
	return world.sim.state.packages.filter((pkg) => {
		const order = world.sim.state.orders.find((candidate) => candidate.id === pkg.order_id)!;
		return (
			pkg.status === 'PROCESSING' &&
			pkg.shipping_type === 'SELLER' &&
			order.status === 'AWAITING_SHIPMENT' &&
			!order.is_buyer_request_cancel
		);
	});
}

describe('fulfillment resource', () => {
	it('ships a batch in one call and answers each refused package by id', async () => {
		const [good, bad] = openSellerPackages();
		const shipped = world.sim.state.packages.find(
			(pkg) => pkg.status === 'FULFILLING' && pkg.shipping_type === 'SELLER',
		)!;
		const shipments: PackageShipment[] = [
			{ packageId: good.id, trackingNumber: validTrackingNumber('USPS', 7101), providerId: usps() },
			{ packageId: bad.id, trackingNumber: 'x-1', providerId: usps() },
			{
				packageId: shipped.id,
				trackingNumber: validTrackingNumber('USPS', 7102),
				providerId: usps(),
			},
		];
		const result = await shipPackages(world.client, shipments);
		const call = world.sim.requests.at(-1)!;
		expect(call.path).toBe('/fulfillment/202309/packages/ship');
		expect(result.requestId).toBe(call.requestId);
		expect([...result.refused.keys()].sort()).toEqual([bad.id, shipped.id].sort());
		expect(result.refused.get(bad.id)).toMatchObject({
			code: 21011022,
			requestId: call.requestId,
			detail: { package_id: bad.id },
		});
		expect(result.unattributed).toEqual([]);
		expect(refusalOf(result, good.id)).toBeUndefined();
		expect(good.status).toBe('FULFILLING');
	});

	it(`refuses more than ${SHIP_PACKAGES_PER_CALL} packages without calling TikTok`, async () => {
		const shipments = Array.from({ length: SHIP_PACKAGES_PER_CALL + 1 }, (_, i) => ({
			packageId: String(i),
			trackingNumber: validTrackingNumber('USPS', 7200 + i),
			providerId: usps(),
		}));
		await expect(shipPackages(world.client, shipments)).rejects.toThrow(RangeError);
		expect(world.sim.requests).toHaveLength(0);
	});

	it('reads a package and searches packages 50 a page', async () => {
		const pkg = world.sim.state.packages[0];
		const detail = await getPackage(world.client, pkg.id);
		expect(detail.id).toBe(pkg.id);
		expect(detail.orders?.[0]?.id ?? detail.order_id).toBe(pkg.order_id);

		world.sim.reset();
		const processing = await searchPackages(world.client, { package_status: 'PROCESSING' });
		expect(processing.map((found) => found.id).sort()).toEqual(
			world.sim.state.packages
				.filter((candidate) => candidate.status === 'PROCESSING')
				.map((candidate) => candidate.id)
				.sort(),
		);
		const searches = world.sim.requests.filter((request) =>
			request.path.endsWith('/packages/search'),
		);
		expect(searches.length).toBeGreaterThan(0);
		for (const request of searches) expect(request.query.page_size).toBe('50');
		const limited = await searchPackages(world.client, {}, { maxItems: 3 });
		expect(limited).toHaveLength(3);
	});

	it("reads an order's carrier scans: newest first from TikTok, oldest first as a history", async () => {
		const order = world.sim.state.orders.find((candidate) => candidate.status === 'DELIVERED')!;
		const scans = await getTracking(world.client, order.id);
		expect(scans.length).toBeGreaterThan(1);
		const times = scans.map((scan) => scan.update_time_millis!);
		expect([...times].sort((a, b) => b - a)).toEqual(times);
		const history = await getOrderTracking(world.client, order.id);
		expect(history.map((event) => event.update_time_millis)).toEqual([...times].reverse());
	});
});
