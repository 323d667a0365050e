import { TikTokShop } from '../../../nodes/TikTokShop/TikTokShop.node';
import { resetBuckets } from '../../../nodes/shared/tiktok/rateBudget';
import { runNode } from '../../../dev/harness/fakeExecuteFunctions';
import { simulatorCredentials } from '../../../dev/harness/simulatorCredentials';
import { startSimulator, type RunningSimulator } from '../../../dev/simulator';

/**
 * Nothing silent: a lookup by id answers for every id asked, with the record or with a "not found" item (an error
 * item under Continue On Fail), so an unknown id never vanishes behind a green check.
 */
const node = new TikTokShop().nodeVersions[1];
let simulator: RunningSimulator;

beforeAll(async () => {
	simulator = await startSimulator();
});
afterAll(async () => {
	await simulator.close();
});
beforeEach(() => resetBuckets());

const UNKNOWN_ORDER = '999999999999999991';
const UNKNOWN_PACKAGE = '888888888888888881';

async function run(parameters: Record<string, unknown>, continueOnFail = false) {
	const [items] = await runNode(node, {
		credentials: simulatorCredentials(simulator),
		parameters,
		continueOnFail,
	});
	return items;
}

describe('Order → Get', () => {
	it('outputs a "not found" item for an unknown id, not an empty green run', async () => {
		const items = await run({ resource: 'order', operation: 'get', orderIds: UNKNOWN_ORDER });
		expect(items).toHaveLength(1);
		expect(items[0].json).toMatchObject({
			order_id: UNKNOWN_ORDER,
			found: false,
			message: expect.stringContaining(UNKNOWN_ORDER),
		});
		expect(items[0].pairedItem).toEqual({ item: 0 });
	});

	it('answers each id in the order asked: the known order and a "not found" item for the other', async () => {
		const known = simulator.state.orders[0].id;
		const items = await run({
			resource: 'order',
			operation: 'get',
			orderIds: `${UNKNOWN_ORDER}, ${known}`,
		});
		expect(
			items.map((item) => [
				item.json.id ?? null,
				item.json.order_id ?? null,
				item.json.found ?? null,
			]),
		).toEqual([
			[null, UNKNOWN_ORDER, false],
			[known, null, null],
		]);
	});

	it('under Continue On Fail the unknown id is an error item, the shape n8n sends to the error output', async () => {
		const known = simulator.state.orders[1].id;
		const items = await run(
			{ resource: 'order', operation: 'get', orderIds: `${known},${UNKNOWN_ORDER}` },
			true,
		);
		expect(items[0].json.id).toBe(known);
		expect(Object.keys(items[1].json).sort()).toEqual(['details', 'error']);
		expect(items[1].json.error).toContain(UNKNOWN_ORDER);
		expect(items[1].json.details).toMatchObject({ order_id: UNKNOWN_ORDER, itemIndex: 0 });
	});

	it('more than 50 ids: every unknown one is reported across calls', async () => {
		const known = simulator.state.orders.slice(0, 55).map((order) => order.id);
		const unknown = ['999999999999999001', '999999999999999002'];
		const items = await run({
			resource: 'order',
			operation: 'get',
			orderIds: [...known, ...unknown].join(','),
		});
		expect(items).toHaveLength(57);
		expect(
			items.filter((item) => item.json.found === false).map((item) => item.json.order_id),
		).toEqual(unknown);
	});
});

describe('Package → Get', () => {
	it('outputs a "not found" item for an unknown package id', async () => {
		const items = await run({ resource: 'package', operation: 'get', packageId: UNKNOWN_PACKAGE });
		expect(items).toHaveLength(1);
		expect(items[0].json).toMatchObject({ package_id: UNKNOWN_PACKAGE, found: false });
	});

	it('takes several ids and answers each; none is dropped', async () => {
		const known = simulator.state.packages[0].id;
		const items = await run({
			resource: 'package',
			operation: 'get',
			packageId: `${known}, ${UNKNOWN_PACKAGE}`,
		});
		expect(items).toHaveLength(2);
		expect(items[0].json.id ?? items[0].json.package_id).toBe(known);
		expect(items[0].json.found).toBeUndefined();
		expect(items[1].json).toMatchObject({ package_id: UNKNOWN_PACKAGE, found: false });
	});

	it('under Continue On Fail the unknown package is an error item', async () => {
		const items = await run(
			{ resource: 'package', operation: 'get', packageId: UNKNOWN_PACKAGE },
			true,
		);
		expect(Object.keys(items[0].json).sort()).toEqual(['details', 'error']);
		expect(items[0].json.details).toMatchObject({ package_id: UNKNOWN_PACKAGE });
	});
});
