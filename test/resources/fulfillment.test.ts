import type { TikTokShopClient } from '../../nodes/shared/tiktok/client';
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
import { clientFor } from '../../dev/harness/simulatorClient';
import { startSimulator, type Package, type RunningSimulator } from '../../dev/simulator/index';
import { validTrackingNumber } from '../fixtures/validTrackingNumbers';

let sim: RunningSimulator;
let client: TikTokShopClient;

beforeAll(async () => {
	sim = await startSimulator({ seed: 37 });
	client = clientFor(sim);
});
afterAll(() => sim.close());
beforeEach(() => sim.reset());

const usps = () => sim.state.shippingProviders.find((provider) => provider.name === 'USPS')!.id;

function openSellerPackages(): Package[] {
	return sim.state.packages.filter((pkg) => {
		const order = sim.state.orders.find((candidate) => candidate.id === pkg.order_id)!;
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
		const shipped = sim.state.packages.find(
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
		const result = await shipPackages(client, shipments);
		const call = sim.requests.at(-1)!;
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
		await expect(shipPackages(client, shipments)).rejects.toThrow(RangeError);
		expect(sim.requests).toHaveLength(0);
	});

	it('reads a package and searches packages 50 a page', async () => {
		const pkg = sim.state.packages[0];
		const detail = await getPackage(client, pkg.id);
		expect(detail.id).toBe(pkg.id);
		expect(detail.orders?.[0]?.id ?? detail.order_id).toBe(pkg.order_id);

		sim.reset();
		const processing = await searchPackages(client, { package_status: 'PROCESSING' });
		expect(processing.map((found) => found.id).sort()).toEqual(
			sim.state.packages
				.filter((candidate) => candidate.status === 'PROCESSING')
				.map((candidate) => candidate.id)
				.sort(),
		);
		const searches = sim.requests.filter((request) => request.path.endsWith('/packages/search'));
		expect(searches.length).toBeGreaterThan(0);
		for (const request of searches) expect(request.query.page_size).toBe('50');
		const limited = await searchPackages(client, {}, { maxItems: 3 });
		expect(limited).toHaveLength(3);
	});

	it("reads an order's carrier scans: newest first from TikTok, oldest first as a history", async () => {
		const order = sim.state.orders.find((candidate) => candidate.status === 'DELIVERED')!;
		const scans = await getTracking(client, order.id);
		expect(scans.length).toBeGreaterThan(1);
		const times = scans.map((scan) => scan.update_time_millis!);
		expect([...times].sort((a, b) => b - a)).toEqual(times);
		const history = await getOrderTracking(client, order.id);
		expect(history.map((event) => event.update_time_millis)).toEqual([...times].reverse());
	});
});
