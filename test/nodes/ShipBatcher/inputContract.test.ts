import type { RunningSimulator } from '../../../dev/simulator';
import { ordersWithoutPackage, runShipBatcher, startShop } from './simulatedShop';
import { validTrackingNumber } from '../../fixtures/validTrackingNumbers';

let sim: RunningSimulator;
beforeEach(async () => {
	sim = await startShop();
});
afterEach(async () => {
	await sim.close();
});

describe('input contract', () => {
	it('reads renamed and nested fields, line items given as a list, and a Unix ship time', async () => {
		const order = ordersWithoutPackage(sim).find(
			(candidate) => candidate.line_items.length >= 2,
		) as (typeof sim.state.orders)[number];
		const tracking = validTrackingNumber('UPS');
		const items = [
			{
				json: {
					'Order #': order.id,
					shipment: { tracking, via: 'UPS SurePost' },
					items: [order.line_items[0].id, order.line_items[1].id],
					'Shipped On': Math.floor(Date.now() / 1000) - 3600,
					customer: 'Ava K.',
				},
			},
		];
		const { shipped, attention } = await runShipBatcher(sim, items, {
			fieldNames: {
				orderId: 'Order #',
				trackingNumber: 'shipment.tracking',
				carrier: 'shipment.via',
				lineItemIds: 'items',
				shippedAt: 'Shipped On',
			},
		});
		expect(attention).toEqual([]);
		expect(shipped[0].json).toMatchObject({
			order_id: order.id,
			tracking_number: tracking,
			carrier: 'UPS SurePost',
			shipping_provider_name: 'UPS',
			customer: 'Ava K.',
		});
		expect(typeof shipped[0].json.left_before_late_line).toBe('boolean');
		expect(sim.mutations).toEqual([
			expect.objectContaining({
				type: 'markShipped',
				orderLineItemIds: [order.line_items[0].id, order.line_items[1].id],
			}),
		]);
	});

	it('sends an unreadable ship time to Needs Attention instead of guessing it', async () => {
		const [order] = ordersWithoutPackage(sim);
		const { attention } = await runShipBatcher(sim, [
			{
				json: {
					order_id: order.id,
					tracking_number: validTrackingNumber('UPS'),
					carrier: 'UPS',
					shipped_at: 'yesterday-ish',
				},
			},
		]);
		expect(attention[0].json).toMatchObject({ reason: 'invalid_ship_time' });
		expect(sim.requests).toEqual([]);
	});
});
