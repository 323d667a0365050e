import { DateTime } from 'luxon';
import sharp from 'sharp';

import { TikTokShopHealth } from '../../../nodes/TikTokShopHealth/TikTokShopHealth.node';
import { resetBuckets } from '../../../nodes/shared/tiktok/rateBudget';
import { runNode } from '../../../dev/harness/fakeExecuteFunctions';
import { simulatorCredentials } from '../../../dev/harness/simulatorCredentials';
import { startSimulator, type RunningSimulator } from '../../../dev/simulator';
import { PLANTED, plantShopHealthHistory } from '../../../dev/simulator/seed/shopHealth';

const node = new TikTokShopHealth().nodeVersions[1];
let sim: RunningSimulator;

beforeAll(async () => {
	sim = await startSimulator({ orders: 0 });
	plantShopHealthHistory(sim.state, Math.floor(Date.now() / 1000));
});
afterAll(async () => {
	await sim.close();
});
beforeEach(() => {
	resetBuckets();
	sim.state.shop.region = 'US';
	sim.reset();
});

function run(
	parameters: Record<string, unknown>,
	extra: {
		continueOnFail?: boolean;
		items?: Array<{ json: Record<string, never> }>;
		timezone?: string;
	} = {},
) {
	return runNode(node, { credentials: simulatorCredentials(sim), parameters, ...extra });
}

const { atRisk } = PLANTED;

describe('TikTok Shop Health: Orders at Risk against the planted shop', () => {
	it('lists exactly the planted orders, most urgent first, each with its band, reason and next step', async () => {
		const [out] = await run({ operation: 'ordersAtRisk' });
		expect(out.map((item) => [item.json.order_id, item.json.band, item.json.reason])).toEqual([
			[atRisk.F, 'overdue', 'NO_CARRIER_SCAN'],
			[atRisk.R7, 'overdue', 'NO_TRACKING'],
			[atRisk.R4, 'overdue', 'LATE_CARRIER_SCAN'],
			[atRisk.R1, 'critical', 'NO_TRACKING'],
			[atRisk.R6, 'urgent', 'BUYER_CANCEL_REQUEST'],
			[atRisk.R2, 'urgent', 'NO_TRACKING'],
			[atRisk.R5, 'urgent', 'ON_HOLD'],
			[atRisk.R3, 'soon', 'NO_CARRIER_SCAN'],
		]);
		expect(out.every((item) => (item.pairedItem as { item: number }).item === 0)).toBe(true);
		expect(out[3].json).toMatchObject({
			band_label: 'Due within 4 h',
			reason_label: 'No tracking number yet',
			deadline_field: 'shipping_due_time',
		});
		expect(out[3].json.hours_left).toBeCloseTo(3, 0);
		expect(out[7].json.next_step).toMatch(/Hand the parcel to .+ or book a pickup/);
	});

	it('reads open orders with one search per status in pages of 100, and tracking only for uploaded parcels without a scan', async () => {
		await run({ operation: 'ordersAtRisk' });
		const searches = sim.requests.filter(
			(request) => request.path === '/order/202309/orders/search',
		);
		expect(
			searches.map((request) => (request.body as { order_status: string }).order_status),
		).toEqual(['AWAITING_COLLECTION', 'PARTIALLY_SHIPPING', 'AWAITING_SHIPMENT', 'ON_HOLD']);
		expect(searches.every((request) => request.query.page_size === '100')).toBe(true);
		const tracking = sim.requests
			.filter((request) => request.path.endsWith('/tracking'))
			.map((request) => request.path.split('/')[4]);
		expect(tracking.sort()).toEqual([atRisk.F, atRisk.R3].sort());
		// Tracking has its own rate budget: the reads of the first status's parcels run while later statuses are searched.
		const firstTracking = sim.requests.findIndex((request) => request.path.endsWith('/tracking'));
		expect(firstTracking).toBeLessThan(sim.requests.lastIndexOf(searches[searches.length - 1]));
	});

	it('groups by band for one alert per band, and takes edited bands', async () => {
		const [out] = await run({
			operation: 'ordersAtRisk',
			riskOutput: 'perBand',
			criticalHours: 2,
			urgentHours: 8,
			soonHours: 48,
		});
		expect(out.map((item) => [item.json.band, item.json.band_label, item.json.count])).toEqual([
			['overdue', 'Past the line', 3],
			['urgent', 'Due within 8 h', 2],
			['soon', 'Due within 48 h', 7], // R2, R5, R3 and the four safe orders due in 30–45 h
		]);
		expect(out[1].json.order_ids).toEqual([atRisk.R1, atRisk.R6]);
	});

	it('fails when a tracking read fails, instead of listing the parcel as not scanned', async () => {
		sim.faults.inject({ pathPattern: /\/tracking$/, kind: '5xx' });
		await expect(
			run({ operation: 'ordersAtRisk', requestOptions: { maxRetries: 0 } }),
		).rejects.toThrow();
		expect(
			sim.requests.filter((request) => request.path === '/order/202309/orders/search'),
		).toHaveLength(4);
	});

	it("writes times in the workflow's time zone by default, in the Time Zone field's when set", async () => {
		const local = (iso: unknown, zone: string) =>
			DateTime.fromISO(String(iso), { zone })
				.setLocale('en-US')
				.toFormat('ccc, LLL d, h:mm a ZZZZ');
		const [chicago] = await run({ operation: 'ordersAtRisk' }, { timezone: 'America/Chicago' });
		for (const { json } of chicago) {
			expect(json.time_zone).toBe('America/Chicago');
			expect(json.deadline_local).toBe(local(json.deadline, 'America/Chicago'));
			expect(json.deadline_local).toMatch(/ C[SD]T$/);
		}
		expect(chicago[3].json.next_step).toContain(
			`before ${chicago[3].json.deadline_local as string}.`,
		);

		const [pacific] = await run(
			{ operation: 'ordersAtRisk', riskOutput: 'perBand', timeZone: ' America/Los_Angeles ' },
			{ timezone: 'America/Chicago' },
		);
		expect(pacific[0].json.time_zone).toBe('America/Los_Angeles');
		const orders = pacific.flatMap((item) => item.json.orders as Array<Record<string, unknown>>);
		expect(orders).toHaveLength(8);
		for (const order of orders) {
			expect(order.deadline_local).toBe(local(order.deadline, 'America/Los_Angeles'));
			expect(order.next_step).not.toMatch(/UTC|C[SD]T/);
		}
		const lateScan = orders.find((order) => order.reason === 'LATE_CARRIER_SCAN') as Record<
			string,
			unknown
		>;
		expect(lateScan.carrier_scan_at_local).toBe(
			local(lateScan.carrier_scan_at, 'America/Los_Angeles'),
		);
		expect(lateScan.next_step).toContain(`scanned it ${lateScan.carrier_scan_at_local as string}`);
	});

	it('refuses a Time Zone that is not one, naming the field and an example, before any call', async () => {
		const failure = run({ operation: 'ordersAtRisk', timeZone: 'Pacific' });
		await expect(failure).rejects.toThrow('Time Zone "Pacific" is not a time zone');
		await expect(failure).rejects.toMatchObject({
			description: expect.stringContaining('America/Los_Angeles'),
		});
		expect(sim.requests).toEqual([]);
	});

	it('refuses bands that do not grow', async () => {
		await expect(
			run({ operation: 'ordersAtRisk', criticalHours: 12, urgentHours: 4, soonHours: 24 }),
		).rejects.toThrow(/must grow/);
	});
});

describe('TikTok Shop Health: Compute Metrics against the planted shop', () => {
	it('prints the planted numbers with the orders behind each', async () => {
		const [out] = await run({ operation: 'computeMetrics', windowDays: 30 });
		const byMetric = Object.fromEntries(out.map((item) => [item.json.metric, item.json]));
		expect(byMetric.late_dispatch_rate).toMatchObject({
			value: 4.17,
			numerator: 1,
			denominator: 24,
			status: 'breach',
			orders: [...PLANTED.lateDispatch],
		});
		expect(byMetric.valid_tracking_rate).toMatchObject({
			value: 96,
			numerator: 24,
			denominator: 25,
			status: 'ok',
			orders: [...PLANTED.invalidTracking],
		});
		expect(byMetric.seller_fault_cancellation_rate).toMatchObject({
			value: 2.44,
			numerator: 1,
			denominator: 41,
			status: 'ok',
			orders: [...PLANTED.sellerFaultCancelled],
		});
		expect(byMetric.on_time_delivery_rate).toMatchObject({
			value: 82.61,
			numerator: 19,
			denominator: 23,
			status: 'ok',
		});
		expect([...(byMetric.on_time_delivery_rate.orders as string[])].sort()).toEqual(
			[...PLANTED.lateDelivery].sort(),
		);
		expect(byMetric.return_handling_time).toMatchObject({
			value: 20,
			unit: 'hours',
			numerator: 3,
			status: 'ok',
		});
	});

	it('an empty window gives zeros and "no orders"', async () => {
		const [out] = await run({
			operation: 'computeMetrics',
			windowDays: 7,
			windowEnd: new Date(Date.now() - 200 * 86400_000).toISOString(),
		});
		expect(out).toHaveLength(5);
		for (const item of out)
			expect(item.json).toMatchObject({
				value: 0,
				denominator: 0,
				status: 'no_data',
				note: 'no orders',
			});
	});

	it("prints TikTok's SPS value next to each metric SPS also reports, and the difference", async () => {
		const [out] = await run({ operation: 'computeMetrics', windowDays: 30, compareWithSps: true });
		const byMetric = Object.fromEntries(out.map((item) => [item.json.metric, item.json]));
		expect(byMetric.late_dispatch_rate).toMatchObject({
			sps_value: 4.17,
			sps_threshold: 4,
			difference: 0,
		});
		expect(byMetric.on_time_delivery_rate).toMatchObject({ sps_value: 84, difference: -1.39 });
		expect(byMetric.valid_tracking_rate).toMatchObject({
			sps_value: null,
			sps_note: 'SPS does not report this metric.',
		});
	});

	it('still works for a shop outside the US, and says why there is no SPS value', async () => {
		sim.state.shop.region = 'GB' as 'US';
		const [out] = await run({ operation: 'computeMetrics', windowDays: 30, compareWithSps: true });
		expect(out[0].json).toMatchObject({
			metric: 'late_dispatch_rate',
			value: 4.17,
			sps_note: 'Shop Performance Score covers US shops only; this shop is in GB.',
		});
		expect(sim.requests.some((request) => request.path.includes('shop_performance_score'))).toBe(
			false,
		);
	});
});

describe('TikTok Shop Health: Get Performance Score', () => {
	it('overview: score, tier, metrics with standing; a metric TikTok added later passes through; a PNG trend chart', async () => {
		const [out] = await run({
			operation: 'getPerformanceScore',
			spsView: 'overview',
			includeChart: true,
		});
		expect(out).toHaveLength(1);
		const json = out[0].json as Record<string, unknown> & {
			metrics: Array<Record<string, unknown>>;
		};
		expect(json).toMatchObject({
			score: 3.8,
			tier: 'GOOD',
			is_scored: true,
			breaches: ['LATE_DISPATCH_RATE'],
			unknown_metrics: ['SHOP_COMMENT_RESPONSE_TIME'],
		});
		expect(
			json.metrics.find((metric) => metric.metric_id === 'SELLER_FAULT_CANCELLATION_RATE'),
		).toMatchObject({ value: 2.44, threshold: 2.5, standing: 'meets' });
		const added = json.metrics.find((metric) => metric.metric_id === 'SHOP_COMMENT_RESPONSE_TIME');
		expect(added).toMatchObject({
			label: 'Comment response time',
			known: false,
			value: 7.5,
			unit: 'hours',
			tiktok: expect.objectContaining({ benchmark_percentile: 62 }),
		});
		const chart = out[0].binary?.chart;
		expect(chart).toMatchObject({ mimeType: 'image/png', fileName: 'shop-performance-trend.png' });
		const meta = await sharp(Buffer.from(chart!.data, 'base64')).metadata();
		expect(meta).toMatchObject({ format: 'png', width: 900 });
		expect(meta.height).toBe(50 + 6 * 170);
	});

	it('metric details: history and diagnosis per metric', async () => {
		const [out] = await run({
			operation: 'getPerformanceScore',
			spsView: 'metricDetail',
			metricIds: 'LATE_DISPATCH_RATE',
		});
		expect(out).toHaveLength(1);
		expect(out[0].json).toMatchObject({
			metric_id: 'LATE_DISPATCH_RATE',
			value: 4.17,
			trend: 'UP',
			tier: 'FAIR',
			evaluation_window_days: 90,
		});
		expect(out[0].json.history).toHaveLength(30);
		expect(out[0].json.diagnoses).toEqual([
			expect.objectContaining({ issue_type: 'CARRIER_SCAN_AFTER_DISPATCH_SLA' }),
		]);
	});

	it('drill-down pages through every chat with Return All, and stops at the limit', async () => {
		const [all] = await run({
			operation: 'getPerformanceScore',
			spsView: 'drillDown',
			metricId: 'IM_RESPONSE_RATE',
			drillDownTo: 'CHAT',
			returnAll: true,
		});
		expect(all).toHaveLength(120);
		expect(new Set(all.map((item) => item.json.conversation_id)).size).toBe(120);
		const calls = sim.requests.filter((request) => request.path.endsWith('/metrics/records'));
		expect(calls.map((request) => request.query.page_size)).toEqual(['100', '100']);
		sim.reset();
		const [some] = await run({
			operation: 'getPerformanceScore',
			spsView: 'drillDown',
			metricId: 'LATE_DISPATCH_RATE',
			drillDownTo: 'ORDER',
			returnAll: false,
			limit: 30,
		});
		expect(some.map((item) => item.json.order_id)).toEqual([...PLANTED.lateDispatch]);
	});

	it('a shop outside the US gets a clear message before any SPS call; Continue On Fail keeps the item', async () => {
		sim.state.shop.region = 'GB' as 'US';
		await expect(run({ operation: 'getPerformanceScore', spsView: 'overview' })).rejects.toThrow(
			/Shop Performance Score is available for US shops only; ".+" is in GB/,
		);
		const [out] = await run(
			{ operation: 'getPerformanceScore', spsView: 'overview' },
			{ continueOnFail: true },
		);
		expect(out[0].json).toMatchObject({
			error: expect.stringMatching(/US shops only/),
			details: { itemIndex: 0, description: expect.stringMatching(/Compute Metrics/) },
		});
		expect(sim.requests.some((request) => request.path.includes('shop_performance_score'))).toBe(
			false,
		);
	});

	it("TikTok's refusal becomes a NodeApiError with TikTok's code and request_id, per item under Continue On Fail", async () => {
		const [out] = await run(
			{ operation: 'getPerformanceScore', spsView: 'metricDetail', metricIds: 'NOT_A_METRIC' },
			{ continueOnFail: true, items: [{ json: {} }, { json: {} }] },
		);
		expect(out).toHaveLength(2);
		expect(out.map((item) => (item.pairedItem as { item: number }).item)).toEqual([0, 1]);
		expect(out[1].json).toMatchObject({
			error: expect.stringMatching(/not a Shop Performance Score metric \(code 36009001\)/),
			details: { code: 36009001, itemIndex: 1 },
		});
		expect(typeof (out[1].json.details as { request_id: unknown }).request_id).toBe('string');
	});
});
