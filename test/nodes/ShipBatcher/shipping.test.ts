import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { checkTrackingNumber } from '../../../nodes/shared/tracking';
import { closeAllStores } from '../../../nodes/shared/store';
import {
	ATTENTION_REASON_LABELS,
	ATTENTION_REASONS,
} from '../../../nodes/ShipBatcher/v1/shipping/attentionReasons';
import type { RunningSimulator } from '../../../dev/simulator';
import { hasPendingAfterSale } from '../../../dev/simulator/lookup';
import {
	callsTo,
	ordersWithPackage,
	ordersWithoutPackage,
	row,
	runShipBatcher,
	shippedPackageIds,
	startShop,
} from './simulatedShop';
import { validTrackingNumber } from '../../fixtures/validTrackingNumbers';

let sim: RunningSimulator;
beforeEach(async () => {
	sim = await startShop({ orders: 400 });
});
afterEach(async () => {
	await sim.close();
});

function shipBodies(): Array<{
	packages: Array<{
		id: string;
		self_shipment: { tracking_number: string; shipping_provider_id: string };
	}>;
}> {
	return sim.requests
		.filter((request) => request.path === '/fulfillment/202309/packages/ship')
		.map(
			(request) =>
				request.body as {
					packages: Array<{
						id: string;
						self_shipment: { tracking_number: string; shipping_provider_id: string };
					}>;
				},
		);
}

describe('batches', () => {
	it('splits packages into Batch Ship calls of the batch size and fetches orders 50 ids at a time', async () => {
		const withPackage = ordersWithPackage(sim).slice(0, 10);
		const without = ordersWithoutPackage(sim).slice(0, 45);
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
		const { shipped, attention } = await runShipBatcher(sim, items, { options: { batchSize: 4 } });

		expect(attention.map((item) => item.json.message)).toEqual([]);
		expect(shipped).toHaveLength(55);
		expect(
			shipped.map((item) => (item.pairedItem as { item: number }).item).sort((a, b) => a - b),
		).toEqual(items.map((_, index) => index));
		expect(shipBodies().map((body) => body.packages.length)).toEqual([4, 4, 2]);
		expect(
			shipBodies()
				.flatMap((body) => body.packages.map((pkg) => pkg.id))
				.sort(),
		).toEqual(withPackage.map(({ pkg }) => pkg.id).sort());
		const detailCalls = sim.requests.filter((request) => request.path === '/order/202309/orders');
		expect(detailCalls.map((request) => request.query.ids.split(',').length)).toEqual([50, 5]);
		expect(callsTo(sim, 'POST', /^\/fulfillment\/202309\/orders\/\d+\/packages$/)).toBe(45);
		for (const order of without) expect(order.status).toBe('IN_TRANSIT');
	});

	it('ships only the listed line items with Mark Package As Shipped, for a partial shipment', async () => {
		const order = ordersWithoutPackage(sim).find(
			(candidate) => candidate.line_items.length >= 2,
		) as (typeof sim.state.orders)[number];
		const [first, ...rest] = order.line_items;
		const tracking = validTrackingNumber('USPS');
		const { shipped } = await runShipBatcher(sim, [
			row({
				order_id: order.id,
				line_item_ids: first.id,
				tracking_number: tracking,
				carrier: 'USPS',
			}),
		]);
		expect(shipped[0].json).toMatchObject({
			shipped_by: 'mark_package_as_shipped',
			order_id: order.id,
		});
		expect(sim.mutations).toEqual([
			expect.objectContaining({
				type: 'markShipped',
				orderLineItemIds: [first.id],
				trackingNumber: tracking,
			}),
		]);
		expect(order.status).toBe('PARTIALLY_SHIPPING');
		expect(rest.every((item) => !item.tracking_number)).toBe(true);
	});
});

describe('partial errors', () => {
	it('splits data.errors back to the packages TikTok refused, and ships the rest of the batch', async () => {
		const takenElsewhere = sim.state.packages.find(
			(pkg) =>
				pkg.tracking_number &&
				pkg.shipping_provider_name &&
				checkTrackingNumber(pkg.tracking_number, pkg.shipping_provider_name).valid,
		);
		expect(takenElsewhere).toBeDefined();
		const targets = ordersWithPackage(sim).slice(0, 5);
		const items = targets.map(({ order, pkg }, index) =>
			row({
				order_id: order.id,
				package_id: pkg.id,
				tracking_number:
					index === 2 ? takenElsewhere?.tracking_number : validTrackingNumber('Amazon Shipping'),
				carrier: index === 2 ? takenElsewhere?.shipping_provider_name : 'Amazon Shipping',
			}),
		);
		const { shipped, attention } = await runShipBatcher(sim, items);

		expect(shipBodies()).toHaveLength(1);
		expect(attention).toHaveLength(1);
		expect(attention[0].pairedItem).toEqual({ item: 2 });
		expect(attention[0].json).toMatchObject({
			reason: 'tiktok_duplicate_tracking',
			reason_label: 'TikTok: tracking number used on another order',
			tiktok_code: 21011025,
			package_id: targets[2].pkg.id,
		});
		expect(attention[0].json.tiktok_message).toContain('already used by another order');
		expect(attention[0].json.tiktok_request_id).toBe(
			sim.requests.find((request) => request.path === '/fulfillment/202309/packages/ship')
				?.requestId,
		);
		expect(shipped.map((item) => item.json.package_id)).toEqual(
			targets.filter((_, index) => index !== 2).map(({ pkg }) => pkg.id),
		);
	});

	it('reports a pending after-sale request from TikTok on the item it concerns', async () => {
		const blocked = sim.state.orders.find(
			(order) =>
				order.status === 'AWAITING_SHIPMENT' &&
				order.shipping_type === 'SELLER' &&
				hasPendingAfterSale(sim.state, order.id),
		);
		expect(blocked).toBeDefined();
		const [ok] = ordersWithoutPackage(sim);
		const { shipped, attention } = await runShipBatcher(sim, [
			row({ order_id: blocked?.id, tracking_number: validTrackingNumber('UPS'), carrier: 'UPS' }),
			row({ order_id: ok.id, tracking_number: validTrackingNumber('UPS'), carrier: 'UPS' }),
		]);
		expect(
			attention.map((item) => [item.json.order_id, item.json.reason, item.json.tiktok_code]),
		).toEqual([[blocked?.id, 'after_sale_pending', 21011007]]);
		expect(shipped.map((item) => item.json.order_id)).toEqual([ok.id]);
	});
});

describe('re-runs and orders already shipped', () => {
	it('counts a re-run of the same file as shipped without sending anything again', async () => {
		const items = [
			...ordersWithPackage(sim)
				.slice(0, 3)
				.map(({ order, pkg }) =>
					row({
						order_id: order.id,
						package_id: pkg.id,
						tracking_number: validTrackingNumber('UniUni'),
						carrier: 'UniUni',
					}),
				),
			...ordersWithoutPackage(sim)
				.slice(0, 2)
				.map((order) =>
					row({
						order_id: order.id,
						tracking_number: validTrackingNumber('GOFO'),
						carrier: 'GOFO',
					}),
				),
		];
		const first = await runShipBatcher(sim, items);
		expect(first.shipped).toHaveLength(5);
		const mutationsAfterFirst = sim.mutations.length;
		sim.reset();

		const second = await runShipBatcher(sim, items);
		expect(second.attention).toEqual([]);
		expect(second.shipped.map((item) => item.json.shipped_by)).toEqual(
			Array(5).fill('already_shipped'),
		);
		expect(second.shipped.map((item) => item.json.tracking_number)).toEqual(
			first.shipped.map((item) => item.json.tracking_number),
		);
		expect(sim.mutations).toEqual([]);
		expect(sim.requests.filter((request) => request.method === 'POST')).toEqual([]);
		expect(mutationsAfterFirst).toBe(3);
	});

	it('sends an order already shipped with another number to Needs Attention, and leaves its tracking alone', async () => {
		const [{ order, pkg }] = ordersWithPackage(sim);
		const original = validTrackingNumber('UPS');
		await runShipBatcher(sim, [
			row({ order_id: order.id, package_id: pkg.id, tracking_number: original, carrier: 'UPS' }),
		]);
		const other = validTrackingNumber('UPS');
		const { shipped, attention } = await runShipBatcher(sim, [
			row({ order_id: order.id, package_id: pkg.id, tracking_number: other, carrier: 'UPS' }),
		]);
		expect(shipped).toEqual([]);
		expect(attention[0].json).toMatchObject({
			reason: 'already_shipped_different_tracking',
			tracking_number: other,
		});
		expect(attention[0].json.message).toContain(original);
		expect(pkg.tracking_number).toBe(original);
	});

	it("corrects the tracking number within TikTok's window when the user asks for it", async () => {
		const [{ order, pkg }] = ordersWithPackage(sim);
		const original = validTrackingNumber('UPS');
		await runShipBatcher(sim, [
			row({ order_id: order.id, package_id: pkg.id, tracking_number: original, carrier: 'UPS' }),
		]);
		const corrected = validTrackingNumber('USPS');
		const { shipped } = await runShipBatcher(
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
		expect(shipped[0].json).toMatchObject({
			shipped_by: 'shipping_info_update',
			previous_tracking_number: original,
			tracking_number: corrected,
			shipping_provider_name: 'USPS',
		});
		expect(sim.mutations.at(-1)).toMatchObject({
			type: 'shippingInfoUpdate',
			packageId: pkg.id,
			trackingNumber: corrected,
			previousTrackingNumber: original,
		});

		const again = validTrackingNumber('USPS');
		const { attention } = await runShipBatcher(
			sim,
			[row({ order_id: order.id, package_id: pkg.id, tracking_number: again, carrier: 'USPS' })],
			{ updateTracking: true },
		);
		expect(attention[0].json).toMatchObject({
			reason: 'tracking_update_already_used',
			tiktok_code: 21011051,
		});
	});

	it('says the 72-hour window has closed when TikTok answers 21011049 to a correction', async () => {
		const [{ order, pkg }] = ordersWithPackage(sim);
		await runShipBatcher(sim, [
			row({
				order_id: order.id,
				package_id: pkg.id,
				tracking_number: validTrackingNumber('UPS'),
				carrier: 'UPS',
			}),
		]);
		sim.state.packages.find((candidate) => candidate.id === pkg.id)!.shippedAt! -= 73 * 3600;
		const late = validTrackingNumber('USPS');
		const { attention } = await runShipBatcher(
			sim,
			[row({ order_id: order.id, package_id: pkg.id, tracking_number: late, carrier: 'USPS' })],
			{ updateTracking: true },
		);
		expect(attention[0].json).toMatchObject({
			reason: 'tracking_update_window_closed',
			tiktok_code: 21011049,
		});
		expect(String(attention[0].json.message)).toContain('72 hours');
	});
});

describe('order state', () => {
	it('skips cancelled, on-hold, unpaid and TikTok-label orders without calling a shipping API', async () => {
		const pick = (predicate: (order: (typeof sim.state.orders)[number]) => boolean) =>
			sim.state.orders.find(predicate) as (typeof sim.state.orders)[number];
		const cancelled = pick((order) => order.status === 'CANCELLED');
		const onHold = pick((order) => order.status === 'ON_HOLD');
		const unpaid = pick((order) => order.status === 'UNPAID');
		const tiktokLabel = pick(
			(order) => order.status === 'AWAITING_SHIPMENT' && order.shipping_type === 'TIKTOK',
		);
		const items = [cancelled, onHold, unpaid, tiktokLabel].map((order) =>
			row({ order_id: order.id, tracking_number: validTrackingNumber('UPS'), carrier: 'UPS' }),
		);
		items.push(
			row({
				order_id: '576699999999999999',
				tracking_number: validTrackingNumber('UPS'),
				carrier: 'UPS',
			}),
		);
		const { shipped, attention } = await runShipBatcher(sim, items);
		expect(shipped).toEqual([]);
		expect(attention.map((item) => item.json.reason)).toEqual([
			'order_cancelled',
			'order_on_hold',
			'order_unpaid',
			'order_shipped_by_tiktok',
			'order_not_found',
		]);
		expect(sim.requests.filter((request) => request.path.startsWith('/fulfillment/'))).toEqual([]);
	});

	it('finds the order of an item that names only its package', async () => {
		const [{ order, pkg }] = ordersWithPackage(sim);
		const { shipped } = await runShipBatcher(sim, [
			row({ package_id: pkg.id, tracking_number: validTrackingNumber('UPS'), carrier: 'UPS' }),
		]);
		expect(shipped[0].json).toMatchObject({
			order_id: order.id,
			package_id: pkg.id,
			shipped_by: 'batch_ship_packages',
		});
	});

	it('gives the late-shipment line, the hours left and the close-to-line flag on both outputs', async () => {
		const now = Math.floor(Date.now() / 1000);
		const [soon, later] = ordersWithoutPackage(sim);
		soon.paid_time = now - 3 * 86400 + 5 * 3600;
		soon.rts_sla_time = now + 30 * 3600;
		soon.shipping_due_time = now + 40 * 3600;
		later.paid_time = now - 3600;
		later.rts_sla_time = now + 20 * 3600;
		later.shipping_due_time = now + 50 * 3600;
		const { shipped, attention } = await runShipBatcher(
			sim,
			[
				row({ order_id: soon.id, tracking_number: 'N/A', carrier: 'UPS' }),
				row({
					order_id: later.id,
					tracking_number: validTrackingNumber('UPS'),
					carrier: 'UPS',
					shipped_at: new Date((now - 600) * 1000).toISOString(),
				}),
			],
			{ closeToLineHours: 6 },
		);
		expect(attention[0].json).toMatchObject({
			reason: 'tracking_garbage',
			ship_by_source: 'paid_time + 3 days',
			close_to_late_line: true,
			past_late_line: false,
		});
		expect(attention[0].json.hours_left).toBeCloseTo(5, 0);
		expect(shipped[0].json).toMatchObject({
			ship_by: new Date(later.rts_sla_time * 1000).toISOString(),
			ship_by_source: 'rts_sla_time',
			close_to_late_line: false,
			left_before_late_line: true,
		});
	});
});

describe('tracking number history', () => {
	let folder: string;
	beforeEach(() => {
		folder = mkdtempSync(join(tmpdir(), 'ship-batcher-'));
	});
	afterEach(async () => {
		await closeAllStores();
		rmSync(folder, { recursive: true, force: true });
	});

	it('catches a label reused on another order in a later run', async () => {
		const [first, second] = ordersWithPackage(sim);
		const parameters = {
			trackingHistory: 'embedded',
			options: { historyFile: join(folder, 'history.sqlite') },
		};
		const tracking = validTrackingNumber('Amazon Shipping');
		await runShipBatcher(
			sim,
			[
				row({
					order_id: first.order.id,
					package_id: first.pkg.id,
					tracking_number: tracking,
					carrier: 'Amazon',
				}),
			],
			parameters,
		);
		const rerun = await runShipBatcher(
			sim,
			[
				row({
					order_id: first.order.id,
					package_id: first.pkg.id,
					tracking_number: tracking,
					carrier: 'Amazon',
				}),
			],
			parameters,
		);
		expect(rerun.shipped[0].json.shipped_by).toBe('already_shipped');

		const { attention } = await runShipBatcher(
			sim,
			[
				row({
					order_id: second.order.id,
					package_id: second.pkg.id,
					tracking_number: tracking,
					carrier: 'Amazon',
				}),
			],
			parameters,
		);
		expect(attention[0].json).toMatchObject({ reason: 'tracking_reused_recently' });
		expect(attention[0].json.message).toContain(`order ${first.order.id}`);
		expect(shippedPackageIds(sim)).toEqual([first.pkg.id]);
	});
});

describe('reason labels', () => {
	it('gives every Needs Attention reason a label a person reads, without codes', () => {
		for (const reason of ATTENTION_REASONS) {
			expect(ATTENTION_REASON_LABELS[reason]).toMatch(/^[A-Z][^_]+$/);
		}
		expect(new Set(Object.values(ATTENTION_REASON_LABELS)).size).toBe(ATTENTION_REASONS.length);
	});
});
