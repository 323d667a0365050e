import { startSimulator, type RunningSimulator } from '../../dev/simulator/index';
import { orderById, packagesOfOrder, trackingUsedByAnotherOrder } from '../../dev/simulator/lookup';

let sim: RunningSimulator;

beforeAll(async () => {
	sim = await startSimulator({ seed: 5, orders: 60 });
});
afterAll(() => sim.close());

describe('reset() re-reads the shop for lookups', () => {
	it('finds records by the ids and tracking numbers a test edited in place, and no longer by the old ones', () => {
		const { state } = sim;
		const pkg = state.packages.find((candidate) => candidate.tracking_number)!;
		const order = orderById(state, pkg.order_id)!;
		const otherOrderId = state.orders.find((candidate) => candidate.id !== order.id)!.id;
		// Built before the edits, as a test's earlier requests would have built them.
		expect(packagesOfOrder(state, order.id)).toContain(pkg);

		const oldOrderId = order.id;
		order.id = '576399999999999001';
		for (const record of state.packages.filter((candidate) => candidate.order_id === oldOrderId))
			record.order_id = order.id;
		pkg.tracking_number = '1ZEDITEDINPLACE01';
		sim.reset();

		expect(orderById(state, order.id)).toBe(order);
		expect(orderById(state, oldOrderId)).toBeUndefined();
		expect(packagesOfOrder(state, order.id)).toContain(pkg);
		expect(packagesOfOrder(state, oldOrderId)).toEqual([]);
		expect(trackingUsedByAnotherOrder(state, '1ZEDITEDINPLACE01', otherOrderId)).toBe(true);
	});
});
