import { startSimulator, type RunningSimulator } from '../../dev/simulator/index';
import { rawCall } from '../../dev/harness/simulatorClient';
import { PLANTED, plantShopHealthHistory } from '../../dev/simulator/seed/shopHealth';

let sim: RunningSimulator;

beforeAll(async () => {
	sim = await startSimulator({ orders: 0 });
	plantShopHealthHistory(sim.state, Math.floor(Date.now() / 1000));
	sim.reset();
});
afterAll(async () => {
	await sim.close();
});
afterEach(() => {
	sim.state.shop.region = 'US';
});

describe('Simulator: Shop Performance Score 202606 (inferred shapes) and the planted shop health history', () => {
	it('overview: score, tier and each metric with value, threshold, trend and tier, plus a metric the node does not know', async () => {
		const { envelope } = await rawCall(sim, {
			path: '/analytics/202606/shop_performance_score/overview',
		});
		expect(envelope.code).toBe(0);
		const data = envelope.data as {
			shop_performance_score: { score: string; tier: string };
			metrics: Array<Record<string, unknown>>;
		};
		expect(data.shop_performance_score).toMatchObject({
			score: '3.80',
			tier: 'GOOD',
			is_scored: true,
		});
		const late = data.metrics.find((metric) => metric.metric_id === 'LATE_DISPATCH_RATE');
		expect(late).toMatchObject({
			value: '4.17',
			threshold: '4',
			threshold_type: 'MAX',
			trend: 'UP',
			tier: 'FAIR',
		});
		expect(
			data.metrics.find((metric) => metric.metric_id === 'SELLER_FAULT_CANCELLATION_RATE'),
		).toMatchObject({ value: '2.44', threshold: '2.5' });
		expect(
			data.metrics.find((metric) => metric.metric_id === 'SHOP_COMMENT_RESPONSE_TIME'),
		).toMatchObject({ benchmark_percentile: 62 });
	});

	it('detail has 30 days of history; diagnosis and the order drill-down name the planted late order', async () => {
		const detail = await rawCall(sim, {
			path: '/analytics/202606/shop_performance_score/metrics/detail',
			query: { metric_id: 'LATE_DISPATCH_RATE' },
		});
		expect((detail.envelope.data?.history as unknown[]).length).toBe(30);
		const diagnosis = await rawCall(sim, {
			path: '/analytics/202606/shop_performance_score/metrics/diagnosis',
			query: { metric_id: 'LATE_DISPATCH_RATE' },
		});
		expect(diagnosis.envelope.data?.diagnoses).toEqual([
			expect.objectContaining({ issue_type: 'CARRIER_SCAN_AFTER_DISPATCH_SLA', affected_count: 1 }),
		]);
		const orders = await rawCall(sim, {
			path: '/analytics/202606/shop_performance_score/metrics/records',
			query: { metric_id: 'LATE_DISPATCH_RATE', record_type: 'ORDER', page_size: '50' },
		});
		expect(
			(orders.envelope.data?.items as Array<{ order_id: string }>).map((item) => item.order_id),
		).toEqual([...PLANTED.lateDispatch]);
	});

	it('drill-downs page with page_size and next_page_token; bad parameters are refused', async () => {
		const first = await rawCall(sim, {
			path: '/analytics/202606/shop_performance_score/metrics/records',
			query: { metric_id: 'IM_RESPONSE_RATE', record_type: 'CHAT', page_size: '100' },
		});
		expect(first.envelope.data).toMatchObject({ total_count: 120 });
		expect((first.envelope.data?.items as unknown[]).length).toBe(100);
		const second = await rawCall(sim, {
			path: '/analytics/202606/shop_performance_score/metrics/records',
			query: {
				metric_id: 'IM_RESPONSE_RATE',
				record_type: 'CHAT',
				page_size: '100',
				page_token: first.envelope.data?.next_page_token as string,
			},
		});
		expect((second.envelope.data?.items as unknown[]).length).toBe(20);
		expect(second.envelope.data?.next_page_token).toBe('');
		const tooBig = await rawCall(sim, {
			path: '/analytics/202606/shop_performance_score/metrics/dimensions',
			query: { metric_id: 'LATE_DISPATCH_RATE', dimension_type: 'PRODUCT', page_size: '101' },
		});
		expect(tooBig.envelope.code).toBe(36009001);
		const unknown = await rawCall(sim, {
			path: '/analytics/202606/shop_performance_score/metrics/detail',
			query: { metric_id: 'NOT_A_METRIC' },
		});
		expect(unknown.envelope.message).toMatch(/not a Shop Performance Score metric/);
	});

	it('a shop outside the US is refused', async () => {
		(sim.state.shop as { region: string }).region = 'GB';
		const { envelope } = await rawCall(sim, {
			path: '/analytics/202606/shop_performance_score/overview',
		});
		expect(envelope.code).not.toBe(0);
		expect(envelope.message).toMatch(/only available to US shops; this shop is in GB/);
	});

	it('the planted history: 41 orders, each open risk in the status TikTok reports, and the late scan in the tracking history', async () => {
		expect(sim.state.orders).toHaveLength(PLANTED.totalOrders);
		const tracking = await rawCall(sim, {
			path: `/fulfillment/202309/orders/${PLANTED.atRisk.R4}/tracking`,
		});
		const events = tracking.envelope.data?.tracking as Array<{ description: string }>;
		expect(events.map((event) => event.description)).toEqual([
			'Picked up by carrier',
			'Shipping label created, carrier awaiting item',
		]);
		const unscanned = await rawCall(sim, {
			path: `/fulfillment/202309/orders/${PLANTED.atRisk.F}/tracking`,
		});
		expect((unscanned.envelope.data?.tracking as unknown[]).length).toBe(1);
	});
});
