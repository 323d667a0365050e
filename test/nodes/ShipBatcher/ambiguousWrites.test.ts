import type { RunningSimulator } from '../../../dev/simulator';
import {
	ordersWithPackage,
	ordersWithoutPackage,
	row,
	runShipBatcher,
	startShop,
} from './simulatedShop';
import { validTrackingNumber } from '../../fixtures/validTrackingNumbers';

/**
 * Ship and Update Shipping Info are once-only on TikTok: a retry of one whose answer was lost meets "already
 * shipped" / 21011051. After a timeout, reset or 5xx the batcher re-reads what TikTok holds instead.
 */
let sim: RunningSimulator;
beforeEach(async () => {
	sim = await startShop({ orders: 400 });
});
afterEach(async () => sim.close());

function callsTo(path: RegExp) {
	return sim.requests.filter((request) => request.method === 'POST' && path.test(request.path));
}

async function shipFirst() {
	const [{ order, pkg }] = ordersWithPackage(sim);
	const original = validTrackingNumber('UPS');
	await runShipBatcher(sim, [
		row({ order_id: order.id, package_id: pkg.id, tracking_number: original, carrier: 'UPS' }),
	]);
	sim.reset();
	return { order, pkg, original };
}

describe('once-only writes after an ambiguous failure', () => {
	it('Update Shipping Info applied but its answer lost: re-reads the package and reports it updated, not 21011051', async () => {
		const { order, pkg, original } = await shipFirst();
		sim.faults.inject({ pathPattern: '/shipping_info/update', kind: 'lostResponse', times: 1 });
		const corrected = validTrackingNumber('USPS');
		const { shipped, attention } = await runShipBatcher(
			sim,
			[
				row({
					order_id: order.id,
					package_id: pkg.id,
					tracking_number: corrected,
					carrier: 'USPS',
				}),
			],
			{ updateTracking: true },
		);

		expect(attention.map((item) => item.json.message)).toEqual([]);
		expect(shipped[0].json).toMatchObject({
			shipped_by: 'shipping_info_update',
			previous_tracking_number: original,
			tracking_number: corrected,
		});
		expect(callsTo(/\/shipping_info\/update$/)).toHaveLength(1);
		expect(
			sim.requests.some(
				(request) =>
					request.method === 'GET' && request.path === `/fulfillment/202309/packages/${pkg.id}`,
			),
		).toBe(true);
		expect(pkg.tracking_number).toBe(corrected);
	});

	it('Update Shipping Info not applied (5xx): Needs Attention with both numbers, and no second attempt', async () => {
		const { order, pkg, original } = await shipFirst();
		sim.faults.inject({ pathPattern: '/shipping_info/update', kind: '5xx', times: 1 });
		const corrected = validTrackingNumber('USPS');
		const { shipped, attention } = await runShipBatcher(
			sim,
			[
				row({
					order_id: order.id,
					package_id: pkg.id,
					tracking_number: corrected,
					carrier: 'USPS',
				}),
			],
			{ updateTracking: true },
		);

		expect(shipped).toEqual([]);
		expect(attention[0].json).toMatchObject({
			reason: 'already_shipped_different_tracking',
			tracking_number: corrected,
		});
		expect(attention[0].json.message).toContain(original);
		expect(attention[0].json.message).toContain(corrected);
		expect(callsTo(/\/shipping_info\/update$/)).toHaveLength(1);
		expect(pkg.tracking_number).toBe(original);
	});

	it('Batch Ship Packages applied but its answer lost: shipped, from what TikTok holds, with one call', async () => {
		const entries = ordersWithPackage(sim).slice(0, 3);
		sim.faults.inject({
			pathPattern: '/fulfillment/202309/packages/ship',
			kind: 'lostResponse',
			times: 1,
		});
		const numbers = entries.map(() => validTrackingNumber('UPS'));
		const { shipped, attention } = await runShipBatcher(
			sim,
			entries.map(({ order, pkg }, index) =>
				row({
					order_id: order.id,
					package_id: pkg.id,
					tracking_number: numbers[index],
					carrier: 'UPS',
				}),
			),
		);
		expect(attention.map((item) => item.json.message)).toEqual([]);
		expect(shipped.map((item) => item.json.tracking_number).sort()).toEqual([...numbers].sort());
		expect(callsTo(/^\/fulfillment\/202309\/packages\/ship$/)).toHaveLength(1);
	});

	it('Mark Package As Shipped applied but its answer lost: shipped, read back from the order, with one call', async () => {
		const [order] = ordersWithoutPackage(sim);
		sim.faults.inject({ pathPattern: /\/orders\/\d+\/packages$/, kind: 'lostResponse', times: 1 });
		const tracking = validTrackingNumber('USPS');
		const { shipped, attention } = await runShipBatcher(sim, [
			row({ order_id: order.id, tracking_number: tracking, carrier: 'USPS' }),
		]);
		expect(attention.map((item) => item.json.message)).toEqual([]);
		expect(shipped[0].json).toMatchObject({
			shipped_by: 'mark_package_as_shipped',
			tracking_number: tracking,
		});
		expect(callsTo(/\/orders\/\d+\/packages$/)).toHaveLength(1);
	});
});
