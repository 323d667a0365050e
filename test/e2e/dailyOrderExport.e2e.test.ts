import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';

import Papa from 'papaparse';

import { describeFailure, nodeOutput, type Execution } from '../../dev/stack/n8nApi';
import { startStack, type Stack } from '../../dev/stack/stack';
import { template } from '../../dev/stack/templates';

const ORDER_SEARCH = '/order/202309/orders/search';
const DAY_SECONDS = 24 * 3600;

interface CsvRow {
	order_id: string;
	status: string;
	created_at: string;
	updated_at: string;
	currency: string;
	total_amount: string;
	items: string;
	shipping_type: string;
	shipping_provider: string;
	tracking_number: string;
}

describe('workflows/daily-order-export.json in n8n 2.41.1', () => {
	const workflow = template('daily-order-export.json');
	let stack: Stack;
	let execution: Execution;
	let runStarted: number;
	let runEnded: number;
	let mutationsBefore: number;
	/** Order searches made during this run; other active templates may call the simulator too. */
	const searches = () =>
		stack.simulator.requests.filter(
			(request) => request.path === ORDER_SEARCH && request.time >= runStarted * 1000,
		);

	beforeAll(async () => {
		stack = await startStack({ setupOwner: true, publish: [workflow.id] });
		mutationsBefore = stack.simulator.mutations.length;
		runStarted = Math.floor(Date.now() / 1000);
		const id = await stack.api.runManually(workflow.id, 'Every day at 06:00');
		execution = await stack.api.waitForExecution(id);
		runEnded = Math.ceil(Date.now() / 1000);
	});

	afterAll(async () => {
		await stack?.stop();
	});

	it('is imported with its credential and active', async () => {
		const stored = await stack.api.workflow(workflow.id);
		expect(stored.active).toBe(true);
	});

	it('runs without errors', () => {
		if (execution.status !== 'success') throw new Error(describeFailure(execution));
	});

	it('writes every order updated in the last 24 hours to the CSV, one row each', async () => {
		expect(searches().length).toBeGreaterThan(0);
		const since = Number((searches()[0].body as { update_time_ge?: number }).update_time_ge);
		// The template asks for "now minus 24 h", evaluated by n8n during the run.
		expect(since).toBeGreaterThanOrEqual(runStarted - DAY_SECONDS - 1);
		expect(since).toBeLessThanOrEqual(runEnded - DAY_SECONDS + 1);

		const expected = stack.simulator.state.orders.filter((order) => order.update_time >= since);
		expect(expected.length).toBeGreaterThan(0); // otherwise the test proves nothing

		const files = (await readdir(stack.exportDir)).filter((file) =>
			/^tiktok-shop-orders-\d{4}-\d{2}-\d{2}\.csv$/.test(file),
		);
		expect(files).toHaveLength(1);
		const csv = Papa.parse<CsvRow>(await readFile(join(stack.exportDir, files[0]), 'utf8'), {
			header: true,
			skipEmptyLines: true,
		});
		expect(csv.errors).toEqual([]);
		expect(csv.meta.fields).toEqual([
			'order_id',
			'status',
			'created_at',
			'updated_at',
			'currency',
			'total_amount',
			'items',
			'shipping_type',
			'shipping_provider',
			'tracking_number',
		]);
		expect(csv.data.map((row) => row.order_id).sort()).toEqual(
			expected.map((order) => order.id).sort(),
		);

		for (const order of expected) {
			const row = csv.data.find((candidate) => candidate.order_id === order.id);
			expect(row).toEqual({
				order_id: order.id,
				status: order.status,
				created_at: new Date(order.create_time * 1000).toISOString(),
				updated_at: new Date(order.update_time * 1000).toISOString(),
				currency: order.payment.currency,
				total_amount: order.payment.total_amount,
				items: String(order.line_items.length),
				shipping_type: order.shipping_type,
				shipping_provider: order.shipping_provider ?? '',
				tracking_number: order.tracking_number ?? '',
			});
		}
		expect(nodeOutput(execution, 'Orders updated in the last 24 h')).toHaveLength(expected.length);
	});

	it('made only signed order searches that the simulator accepted, paging through all results, and changed nothing', () => {
		for (const request of searches()) {
			expect(request).toMatchObject({ method: 'POST', status: 200, code: 0 });
			expect(request.query).toMatchObject({
				app_key: stack.simulator.app.appKey,
				shop_cipher: stack.simulator.shop.cipher,
				sort_field: 'update_time',
			});
			// The simulator checks the HMAC and answers 106001 when it is wrong; code 0 above means it matched.
			expect(request.query.sign).toMatch(/^[0-9a-f]{64}$/);
		}
		const pageSize = Number(searches()[0].query.page_size);
		const expectedPages = Math.max(
			1,
			Math.ceil(nodeOutput(execution, 'Orders updated in the last 24 h').length / pageSize),
		);
		expect(searches()).toHaveLength(expectedPages);
		expect(stack.simulator.mutations.slice(mutationsBefore)).toEqual([]); // an export changes nothing in the shop
	});
});
