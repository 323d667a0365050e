import {
	getOrderDetails,
	ORDER_IDS_PER_CALL,
	searchOrderPages,
	searchOrders,
} from '../../nodes/shared/tiktok/resources/orders';
import { simulatorWorld } from './world';

const world = simulatorWorld({ seed: 31, orders: 230 });

const searches = () =>
	world.sim.requests.filter((request) => request.path.endsWith('/orders/search'));

describe('orders resource', () => {
	it('searches every page, 100 a page, sending only the filter fields that are set', async () => {
		const found = await searchOrders(world.client, {
			order_status: 'AWAITING_SHIPMENT',
			create_time_lt: undefined,
		});
		const expected = world.sim.state.orders.filter((order) => order.status === 'AWAITING_SHIPMENT');
		expect(found.map((order) => order.id).sort()).toEqual(expected.map((order) => order.id).sort());
		for (const request of searches()) {
			expect(request.path).toBe('/order/202309/orders/search');
			expect(request.query).toMatchObject({ page_size: '100', sort_field: 'create_time' });
			expect(request.query.sort_order).toBeUndefined();
			expect(request.body).toEqual({ order_status: 'AWAITING_SHIPMENT' });
		}
	});

	it('pages through the whole shop, oldest first when asked, and stops at maxItems', async () => {
		const pages: number[] = [];
		for await (const page of searchOrderPages(world.client, {}, { sortOrder: 'ASC' }))
			pages.push(page.length);
		expect(pages).toEqual([100, 100, 30]);
		expect(searches().every((request) => request.query.sort_order === 'ASC')).toBe(true);

		world.sim.reset();
		const some = await searchOrders(world.client, {}, { sortField: 'update_time', maxItems: 5 });
		expect(some).toHaveLength(5);
		expect(searches()).toHaveLength(1);
		expect(searches()[0].query.sort_field).toBe('update_time');
	});

	it(`reads details ${ORDER_IDS_PER_CALL} ids a call; ids TikTok does not know are absent`, async () => {
		const ids = world.sim.state.orders.slice(0, 120).map((order) => order.id);
		const unknown = '576460752303423999';
		const found = await getOrderDetails(world.client, [...ids, unknown]);
		expect([...found.keys()]).toEqual(ids);
		expect(found.get(ids[0])?.status).toBe(world.sim.state.orders[0].status);
		const calls = world.sim.requests.filter((request) => request.path === '/order/202309/orders');
		expect(calls.map((request) => request.query.ids.split(',').length)).toEqual([50, 50, 21]);
	});
});
