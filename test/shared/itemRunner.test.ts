import {
	NodeApiError,
	NodeOperationError,
	type IDataObject,
	type INodeExecutionData,
} from 'n8n-workflow';

import { ItemRunner } from '../../nodes/shared/itemRunner';
import { TikTokApiError } from '../../nodes/shared/tiktok';
import { fakeExecuteFunctions } from '../../dev/harness/fakeExecuteFunctions';

const orders = ['576684019603311365', '576684019603311366', '576684019603311367'];
const items: INodeExecutionData[] = orders.map((order_id) => ({ json: { order_id } }));

function runner(
	continueOnFail: boolean,
	options: ConstructorParameters<typeof ItemRunner>[1] = {},
	input = items,
): ItemRunner {
	return new ItemRunner(
		fakeExecuteFunctions({ parameters: {}, items: input, continueOnFail }),
		options,
	);
}

/** TikTok's refusal of Get Package Detail, as the client throws it after its retries. */
const packageNotFound = () =>
	new TikTokApiError({
		code: 21001001,
		message: 'package not found',
		requestId: '202611250800001A2B3C',
		httpStatus: 200,
		method: 'GET',
		path: '/fulfillment/202309/packages/1154',
	});

const itemOf = (item: INodeExecutionData) => (item.pairedItem as { item: number }).item;

describe('ItemRunner: one item at a time', () => {
	it('pairs every output item with the input item it came from, several outputs per item included', async () => {
		const [out] = await runner(false).eachItem(async (itemIndex) =>
			itemIndex === 1
				? []
				: [
						{ json: { order_id: orders[itemIndex], line: 1 } },
						{ json: { order_id: orders[itemIndex], line: 2 } },
					],
		);
		expect(out.map((item) => [itemOf(item), item.json.line])).toEqual([
			[0, 1],
			[0, 2],
			[2, 1],
			[2, 2],
		]);
	});

	it('keeps binary data on the output item', async () => {
		const binary = {
			data: { data: 'JVBERi0=', mimeType: 'application/pdf', fileName: 'label.pdf' },
		};
		const [out] = await runner(false).eachItem(async () => ({ json: {}, binary }));
		expect(out[0].binary).toBe(binary);
	});

	it('without Continue On Fail, the first failure stops the node with an n8n error naming its item', async () => {
		const seen: number[] = [];
		const error = await runner(false)
			.eachItem(async (itemIndex) => {
				seen.push(itemIndex);
				if (itemIndex === 1) throw new Error('Quantity "lots" is not a whole number');
				return { json: {} };
			})
			.catch((thrown: unknown) => thrown);
		expect(error).toBeInstanceOf(NodeOperationError);
		expect((error as NodeOperationError).message).toBe('Quantity "lots" is not a whole number');
		expect((error as NodeOperationError).context.itemIndex).toBe(1);
		expect(seen).toEqual([0, 1]);
	});

	it('sets itemIndex on a node error an operation threw without one', async () => {
		const context = fakeExecuteFunctions({ parameters: {}, items });
		const error = await new ItemRunner(context)
			.eachItem(async (itemIndex) => {
				if (itemIndex === 2)
					throw new NodeOperationError(context.getNode(), 'The order has no package yet');
				return { json: {} };
			})
			.catch((thrown: unknown) => thrown);
		expect((error as NodeOperationError).context.itemIndex).toBe(2);
	});

	it('with Continue On Fail, each failed item becomes an error item in its place and the others still run', async () => {
		const [out] = await runner(true).eachItem(async (itemIndex) => {
			if (itemIndex !== 1) throw new Error(`item ${itemIndex} failed`);
			return { json: { ok: true } };
		});
		expect(out.map((item) => [itemOf(item), item.json.error ?? item.json.ok])).toEqual([
			[0, 'item 0 failed'],
			[1, true],
			[2, 'item 2 failed'],
		]);
		// Only error/message/details: what n8n moves to the error output under "Continue (using error output)".
		expect(Object.keys(out[0].json).sort()).toEqual(['details', 'error']);
		expect(out[2].json.details).toEqual({ description: null, itemIndex: 2 });
	});

	it("a TikTok refusal becomes a NodeApiError, and its error item carries TikTok's code and request_id", async () => {
		const thrown = await runner(false)
			.eachItem(async () => {
				throw packageNotFound();
			})
			.catch((error: unknown) => error);
		expect(thrown).toBeInstanceOf(NodeApiError);
		expect((thrown as NodeApiError).context.itemIndex).toBe(0);

		const [out] = await runner(true).eachItem(async (itemIndex) => {
			if (itemIndex === 1) throw packageNotFound();
			return { json: {} };
		});
		expect(out[1].json.error).toBe('TikTok: package not found (code 21001001)');
		expect(out[1].json.details).toMatchObject({
			code: 21001001,
			request_id: '202611250800001A2B3C',
			itemIndex: 1,
		});
		expect(String((out[1].json.details as IDataObject).description)).toContain(
			'request_id 202611250800001A2B3C',
		);
	});

	it("adds the node's own details and fields to the error item, and uses the node's conversion for its own errors", async () => {
		class BadField extends Error {
			constructor(readonly field: string) {
				super(`${field} is not a number`);
			}
		}
		const context = fakeExecuteFunctions({ parameters: {}, items, continueOnFail: true });
		const [out] = await new ItemRunner(context, {
			convertError: (error, itemIndex) =>
				error instanceof BadField
					? new NodeOperationError(context.getNode(), error.message, {
							itemIndex,
							description: `Fix "${error.field}"`,
						})
					: undefined,
			errorDetails: (error) => (error instanceof BadField ? { field: error.field } : {}),
			errorFields: ([itemIndex]) => ({ order_id: items[itemIndex].json.order_id }),
		}).eachItem(async () => {
			throw new BadField('Quantity');
		});
		expect(out[0].json).toEqual({
			order_id: orders[0],
			error: 'Quantity is not a number',
			details: { description: 'Fix "Quantity"', itemIndex: 0, field: 'Quantity' },
		});
	});
});

describe('ItemRunner: several outputs', () => {
	it('sends each output item to the output it names, and failed items to the error output', async () => {
		const [rows, unparsed] = await runner(true, { outputs: 2, errorOutput: 1 }).eachItem(
			async (itemIndex) => {
				if (itemIndex === 2) throw new Error('The item has no binary field "attachment_0"');
				return [
					{ json: { tracking_number: `1Z999AA1012345678${itemIndex}` }, output: 0 },
					{ json: { reason: 'no order id' }, output: 1 },
				];
			},
		);
		expect(rows.map(itemOf)).toEqual([0, 1]);
		expect(unparsed.map((item) => [itemOf(item), item.json.reason ?? item.json.error])).toEqual([
			[0, 'no order id'],
			[1, 'no order id'],
			[2, 'The item has no binary field "attachment_0"'],
		]);
	});

	it('refuses an output the node does not have', async () => {
		await expect(
			runner(false, { outputs: 2 }).eachItem(async () => ({ json: {}, output: 2 })),
		).rejects.toThrow('output 2 does not exist');
	});

	it('with alwaysRouteErrors, a failure goes to the error output even without Continue On Fail', async () => {
		const [submitted, , failed] = await runner(false, {
			outputs: 3,
			errorOutput: 2,
			alwaysRouteErrors: true,
		}).eachItem(async (itemIndex) => {
			if (itemIndex === 0) throw packageNotFound();
			return { json: { submitted: true } };
		});
		expect(submitted.map(itemOf)).toEqual([1, 2]);
		expect(failed.map((item) => [itemOf(item), (item.json.details as IDataObject).code])).toEqual([
			[0, 21001001],
		]);
	});
});

describe('ItemRunner: units of several items', () => {
	it("pairs a unit's outputs and its error item with every item of the unit; the error names the first", async () => {
		const [out] = await runner(true).eachUnit([[0, 2], [1]], async (unit) => {
			if (unit.length === 1) throw new Error('no case id');
			return { json: { packet: unit.length } };
		});
		expect(out[0].pairedItem).toEqual([{ item: 0 }, { item: 2 }]);
		expect(out[1].pairedItem).toEqual({ item: 1 });
		expect(out[1].json).toMatchObject({ error: 'no case id', details: { itemIndex: 1 } });
	});
});

describe('ItemRunner: all items together', () => {
	it('attributes results and per-item failures to single items (Continue On Fail per item)', async () => {
		const [shipped, attention] = await runner(true, { outputs: 2, errorOutput: 1 }).allItems(
			async () => [
				{ itemIndex: 2, json: { status: 'shipped' }, output: 0 },
				{ itemIndex: 0, error: packageNotFound() },
				{ itemIndex: 1, json: { status: 'shipped' }, output: 0 },
			],
		);
		expect(shipped.map(itemOf)).toEqual([2, 1]);
		expect(attention).toHaveLength(1);
		expect(attention[0]).toMatchObject({
			pairedItem: { item: 0 },
			json: { details: { code: 21001001, itemIndex: 0 } },
		});
	});

	it('without Continue On Fail, a per-item failure stops the node naming that item', async () => {
		const error = await runner(false)
			.allItems(async () => [{ itemIndex: 1, error: new Error('bad tracking number') }])
			.catch((thrown: unknown) => thrown);
		expect((error as NodeOperationError).context.itemIndex).toBe(1);
	});

	it('a failure of the whole run stops the node, or with Continue On Fail puts every item on the error output', async () => {
		const refused = () =>
			new TikTokApiError({
				code: 106001,
				message: 'Invalid signature',
				requestId: '2026112508000009',
				httpStatus: 401,
				method: 'GET',
				path: '/order/202309/orders',
			});
		const stopped = await runner(false, { outputs: 2, errorOutput: 1 })
			.allItems(async () => {
				throw refused();
			})
			.catch((thrown: unknown) => thrown);
		expect(stopped).toBeInstanceOf(NodeApiError);
		// A whole-run failure belongs to no single item.
		expect((stopped as NodeApiError).context.itemIndex).toBeUndefined();

		const [shipped, attention] = await runner(true, { outputs: 2, errorOutput: 1 }).allItems(
			async () => {
				throw refused();
			},
		);
		expect(shipped).toEqual([]);
		expect(
			attention.map((item) => [
				itemOf(item),
				(item.json.details as IDataObject).code,
				(item.json.details as IDataObject).request_id,
			]),
		).toEqual([0, 1, 2].map((index) => [index, 106001, '2026112508000009']));
	});

	it("lets the node say what each item becomes when the run stopped (Ship Batcher's Needs Attention)", async () => {
		const [, attention] = await runner(true, { outputs: 2, errorOutput: 1 }).allItems(
			async () => {
				throw new Error('Redis is down');
			},
			(_error, nodeError) =>
				orders.map((order_id, itemIndex) => ({
					itemIndex,
					output: 1,
					json: { order_id, reason: 'node_error', message: nodeError.message },
				})),
		);
		expect(attention.map((item) => [itemOf(item), item.json.reason, item.json.message])).toEqual(
			[0, 1, 2].map((index) => [index, 'node_error', 'Redis is down']),
		);
	});
});
