import { clientFor, rawCall } from '../../dev/harness/simulatorClient';
import { startSimulator, type RunningSimulator } from '../../dev/simulator/index';

const search = {
	method: 'POST' as const,
	path: '/order/202309/orders/search',
	query: { page_size: '1' },
	body: '{}',
};

describe('rate limit (reference §9)', () => {
	let sim: RunningSimulator;
	// A near-frozen clock: the bucket does not refill during the test, so counts are exact.
	beforeAll(async () => {
		sim = await startSimulator({ orders: 10, rateLimitPerSecond: 3, timeScale: 1e-6 });
	});
	afterAll(() => sim.close());

	it('answers HTTP 429 / 36009002 beyond the limit, per API', async () => {
		const answers = await Promise.all(Array.from({ length: 5 }, () => rawCall(sim, search)));
		expect(answers.filter((a) => a.status === 200)).toHaveLength(3);
		const limited = answers.filter((a) => a.status === 429);
		expect(limited).toHaveLength(2);
		expect(limited.every((a) => a.envelope.code === 36009002)).toBe(true);
		expect(sim.rateLimitedCount).toBe(2);
		// Another API has its own bucket; an order id in the path does not make a new API.
		expect((await rawCall(sim, { path: '/logistics/202309/warehouses' })).status).toBe(200);
		const [a, b] = sim.state.orders;
		expect(
			(await rawCall(sim, { path: `/fulfillment/202309/orders/${a.id}/tracking` })).status,
		).toBe(200);
		expect(
			(await rawCall(sim, { path: `/fulfillment/202309/orders/${b.id}/tracking` })).status,
		).toBe(200);
		expect(
			(await rawCall(sim, { path: `/fulfillment/202309/orders/${a.id}/tracking` })).status,
		).toBe(200);
		expect(
			(await rawCall(sim, { path: `/fulfillment/202309/orders/${b.id}/tracking` })).status,
		).toBe(429);
		sim.reset();
		expect(sim.rateLimitedCount).toBe(0);
		expect((await rawCall(sim, search)).status).toBe(200);
	});
});

describe('faults', () => {
	let sim: RunningSimulator;
	beforeAll(async () => {
		sim = await startSimulator({ orders: 10, timeScale: 1000 });
	});
	afterAll(() => sim.close());
	beforeEach(() => sim.reset());

	const statuses = () =>
		sim.requests.filter((r) => r.path === '/order/202309/orders/search').map((r) => r.status);

	it.each([
		['5xx', 500],
		['429', 429],
		['503', 503],
		['timeout', 504],
	] as const)('the client rides out a %s storm', async (kind, status) => {
		sim.faults.inject({ pathPattern: /orders\/search$/, kind, times: 3 });
		const { data } = await clientFor(sim, { maxRetries: 5 }).post<{ orders: unknown[] }>(
			'/order/202309/orders/search',
			{},
			{ page_size: 1 },
		);
		expect(data.orders).toHaveLength(1);
		expect(statuses()).toEqual([status, status, status, 200]);
	});

	it('gives up after maxRetries while the fault lasts, and recovers after clear()', async () => {
		sim.faults.inject({ pathPattern: 'orders/search', kind: '5xx' });
		await expect(
			clientFor(sim, { maxRetries: 2 }).post('/order/202309/orders/search', {}, { page_size: 1 }),
		).rejects.toMatchObject({ code: 36009003 });
		expect(statuses()).toEqual([500, 500, 500]);
		expect((await rawCall(sim, { path: '/logistics/202309/warehouses' })).status).toBe(200);
		sim.faults.clear();
		expect((await rawCall(sim, search)).status).toBe(200);
	});
});
