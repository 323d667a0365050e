import {
	computeMetrics,
	type MetricKey,
	type MetricResult,
} from '../../../nodes/TikTokShopHealth/v1/health/metrics';
import { DAY, HOUR, NOW, order, returnCase, shipped } from './orderFixtures';

const window = { from: NOW - 30 * DAY, to: NOW };

function metric(results: MetricResult[], key: MetricKey): MetricResult {
	const found = results.find((result) => result.metric === key);
	if (!found) throw new Error(`no ${key}`);
	return found;
}

function run(
	orders: Parameters<typeof computeMetrics>[0]['orders'],
	extra: Partial<Parameters<typeof computeMetrics>[0]> = {},
) {
	return computeMetrics({
		orders,
		returns: [],
		carrierScans: new Map(),
		window,
		now: NOW,
		...extra,
	});
}

describe('Compute Metrics, each number worked out by hand', () => {
	it('late dispatch rate: 2 of 5 scanned orders were first scanned after shipping_due_time = 40 %', () => {
		const onTime = [1, 2, 3].map(() => shipped({ scanAfterHours: 30 })); // due at 48 h
		const lateScan = shipped({ scanAfterHours: 49 });
		const lateViaTracking = shipped({}); // no collection_time: the scan comes from TikTok's tracking
		const neverScanned = shipped({}); // not dispatched yet: not in the rate
		const scans = new Map([
			[lateViaTracking.id, lateViaTracking.create_time + 60 * HOUR],
			[neverScanned.id, undefined],
		]);
		const result = metric(
			run([...onTime, lateScan, lateViaTracking, neverScanned], { carrierScans: scans }),
			'late_dispatch_rate',
		);
		expect(result).toMatchObject({
			numerator: 2,
			denominator: 5,
			value: 40,
			unit: '%',
			threshold: 4,
			threshold_type: 'MAX',
			status: 'breach',
		});
		expect(result.orders).toEqual([lateScan.id, lateViaTracking.id]);
	});

	it('late dispatch rate leaves Fulfilled by TikTok orders out', () => {
		const fbt = shipped({ scanAfterHours: 90, fulfillment_type: 'FULFILLMENT_BY_TIKTOK' });
		const own = shipped({ scanAfterHours: 10 });
		expect(metric(run([fbt, own]), 'late_dispatch_rate')).toMatchObject({
			numerator: 0,
			denominator: 1,
			value: 0,
			status: 'ok',
		});
	});

	it('valid tracking rate: 3 of 4 numbers past the line have carrier scans = 75 %; a number still inside its line is not judged', () => {
		const scanned = [1, 2, 3].map(() => shipped({ scanAfterHours: 20 }));
		const neverScanned = shipped({ created: NOW - 5 * DAY }); // line passed 3 days ago, no scan
		const stillInside = shipped({ created: NOW - 10 * HOUR }); // line in 38 h
		const cancelled = shipped({ status: 'CANCELLED' });
		const result = metric(
			run([...scanned, neverScanned, stillInside, cancelled]),
			'valid_tracking_rate',
		);
		expect(result).toMatchObject({
			numerator: 3,
			denominator: 4,
			value: 75,
			threshold: 95,
			threshold_type: 'MIN',
			status: 'breach',
		});
		expect(result.orders).toEqual([neverScanned.id]);
	});

	it('seller-fault cancellation rate: seller + TikTok-for-not-shipping cancellations, 2 of 7 paid orders = 28.57 %', () => {
		const open = [1, 2, 3].map(() => order());
		const bySeller = order({
			status: 'CANCELLED',
			cancellation_initiator: 'SELLER',
			cancel_reason: 'Out of stock',
		});
		const bySystem = order({
			status: 'CANCELLED',
			cancellation_initiator: 'SYSTEM',
			cancel_reason: 'Seller did not ship on time',
		});
		const byBuyer = order({
			status: 'CANCELLED',
			cancellation_initiator: 'BUYER',
			cancel_reason: 'No longer needed',
		});
		const unpaidTimeout = order({
			status: 'CANCELLED',
			cancellation_initiator: 'SYSTEM',
			cancel_reason: 'Payment timeout',
		});
		const unpaid = order({ status: 'UNPAID' });
		const result = metric(
			run([...open, bySeller, bySystem, byBuyer, unpaidTimeout, unpaid]),
			'seller_fault_cancellation_rate',
		);
		// paid = 3 open + 4 cancelled = 7 (the UNPAID one is not paid); 2 / 7 = 28.571… %
		expect(result).toMatchObject({
			numerator: 2,
			denominator: 7,
			value: 28.57,
			threshold: 2.5,
			status: 'breach',
		});
		expect(result.orders).toEqual([bySeller.id, bySystem.id]);
	});

	it('on-time delivery rate: 3 of 4 orders due were delivered by delivery_due_time = 75 %', () => {
		const onTime = [1, 2].map(() => shipped({ scanAfterHours: 20, deliveredAfterDays: 5 }));
		const exactlyOnDue = shipped({ scanAfterHours: 20, deliveredAfterDays: 8 }); // delivered at the due second: on time
		const notDelivered = shipped({ scanAfterHours: 20, created: NOW - 9 * DAY }); // due a day ago, still in transit
		const notDueYet = shipped({ scanAfterHours: 20, created: NOW - 3 * DAY });
		const cancelled = order({
			status: 'CANCELLED',
			cancellation_initiator: 'BUYER',
			created: NOW - 20 * DAY,
		});
		const result = metric(
			run([...onTime, exactlyOnDue, notDelivered, notDueYet, cancelled]),
			'on_time_delivery_rate',
		);
		expect(result).toMatchObject({
			numerator: 3,
			denominator: 4,
			value: 75,
			threshold: 80,
			threshold_type: 'MIN',
			status: 'breach',
		});
		expect(result.orders).toEqual([notDelivered.id]);
	});

	it('return handling time: decided after 10, 30 and 20 h = 20 h on average; a pending one 50 h old is listed', () => {
		const base = NOW - 6 * DAY;
		const returns = [
			returnCase('576684019603311001', base, {
				return_status: 'AWAITING_BUYER_SHIP',
				update_time: base + 10 * HOUR,
			}),
			returnCase('576684019603311002', base, {
				return_status: 'REFUND_OR_RETURN_REQUEST_REJECT',
				update_time: base + 30 * HOUR,
			}),
			returnCase('576684019603311003', base, {
				return_status: 'RETURN_OR_REFUND_REQUEST_COMPLETE',
				update_time: base + 20 * HOUR,
			}),
			returnCase('576684019603311004', NOW - 50 * HOUR, {
				return_status: 'RETURN_OR_REFUND_REQUEST_PENDING',
				update_time: NOW - 50 * HOUR,
			}),
		];
		const result = metric(
			run([order()], { returns, thresholds: { return_handling_time: { value: 25, type: 'MAX' } } }),
			'return_handling_time',
		);
		expect(result).toMatchObject({
			value: 20,
			unit: 'hours',
			numerator: 3,
			denominator: 3,
			threshold: 25,
			status: 'ok',
		});
		// slower than 25 h: the 30 h decision and the request waiting 50 h
		expect(result.orders).toEqual(['576684019603311002', '576684019603311004']);
	});

	it('an empty window returns zeros for every metric with "no orders"', () => {
		const results = run([shipped({ created: NOW - 40 * DAY, scanAfterHours: 90 })]);
		expect(results.map((result) => result.metric)).toEqual([
			'late_dispatch_rate',
			'valid_tracking_rate',
			'seller_fault_cancellation_rate',
			'on_time_delivery_rate',
			'return_handling_time',
		]);
		for (const result of results)
			expect(result).toMatchObject({
				value: 0,
				numerator: 0,
				denominator: 0,
				status: 'no_data',
				note: 'no orders',
				orders: [],
			});
	});

	it('a threshold exactly met is ok: 1 late of 25 = 4 % against 4 %', () => {
		const orders = [
			...Array.from({ length: 24 }, () => shipped({ scanAfterHours: 20 })),
			shipped({ scanAfterHours: 50 }),
		];
		expect(metric(run(orders), 'late_dispatch_rate')).toMatchObject({ value: 4, status: 'ok' });
	});
});
