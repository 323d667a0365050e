import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';

import type { Mutation, Order, Product } from '../../dev/simulator';
import { describeFailure, nodeOutput, type Execution } from '../../dev/stack/n8nApi';
import { startShopifyStandIn, type ShopifyStandIn } from './harness/shopifyStandIn';
import { startStack, type Stack } from '../../dev/stack/stack';
import { productionWebhookUrl, template } from '../../dev/stack/templates';

const SCHEDULE = 'Every 30 minutes';
const TRIGGER = 'TikTok order status changed';
const SAFETY_THRESHOLD = 2;
const MAX_LISTED = 500;
const SHOPIFY_LOCATION = 'gid://shopify/Location/79841132801';
const SHOPIFY_CREDENTIAL = {
	id: 'shopifyAccessTokenCred',
	name: 'Shopify Access Token account',
	type: 'shopifyAccessTokenApi',
};

/** What the template's listing rules make of an on-hand figure (no sales yet, so the lag buffer holds back nothing). */
const listed = (onHand: number) => (onHand <= SAFETY_THRESHOLD ? 0 : Math.min(onHand, MAX_LISTED));

type InventoryUpdate = Extract<Mutation, { type: 'inventoryUpdate' }>;

describe('workflows/multi-channel-stock-sync.json in n8n 2.41.1', () => {
	const workflow = template('multi-channel-stock-sync.json');
	let stack: Stack;
	let shopify: ShopifyStandIn;
	let defaultWarehouse: string;
	/** Seller SKU → quantity in the stock file, for SKUs that are on active TikTok products. */
	const stockFile = new Map<string, number>();
	let order: Order;
	/** Products expected to change, with TikTok's quantities before the first run. */
	let changedProducts: Product[];
	let unchangedProduct: Product;
	let inactiveProduct: Product;

	const run = async (trigger: string): Promise<Execution> => {
		const execution = await stack.api.waitForExecution(
			await stack.api.runManually(workflow.id, trigger),
		);
		if (execution.status !== 'success') throw new Error(describeFailure(execution));
		return execution;
	};
	const inventoryUpdates = (since: number) =>
		stack.simulator.mutations
			.slice(since)
			.filter(
				(mutation): mutation is InventoryUpdate & Mutation => mutation.type === 'inventoryUpdate',
			);
	const executionIds = () => stack.api.executionIds(workflow.id);
	const settle = (before: string[], quietMs?: number) =>
		stack.api.settleExecutions(workflow.id, before, quietMs);
	const orderEvent = (notification: string, status: string, updateTime: number) => ({
		type: 1,
		tts_notification_id: notification,
		data: {
			order_id: order.id,
			order_status: status,
			is_on_hold_order: false,
			update_time: updateTime,
		},
	});
	const linesPerSku = () => {
		const count = new Map<string, number>();
		for (const line of order.line_items)
			count.set(line.seller_sku, (count.get(line.seller_sku) ?? 0) + 1);
		return count;
	};
	const inventoryItemOf = (sku: string) =>
		`gid://shopify/InventoryItem/${4502213653324 + [...linesPerSku().keys()].indexOf(sku)}`;

	beforeAll(async () => {
		shopify = await startShopifyStandIn();
		stack = await startStack({
			setupOwner: true,
			publish: [workflow.id],
			// The Shopify credential only points at *.myshopify.com; the template reads the endpoint from this variable.
			settings: { shopify_graphql_url: shopify.graphqlUrl },
			credentials: [
				{
					...SHOPIFY_CREDENTIAL,
					data: {
						shopSubdomain: 'stand-in',
						accessToken: shopify.accessToken,
						appSecretKey: 'unused-here',
					},
				},
			],
		});
		const { state } = stack.simulator;
		defaultWarehouse = state.warehouses.find(
			(warehouse) => warehouse.type === 'SALES_WAREHOUSE' && warehouse.is_default,
		)!.id;
		order = state.orders.find(
			(candidate) => candidate.status === 'AWAITING_SHIPMENT' && candidate.line_items.length >= 2,
		)!;
		const orderProducts = new Set(order.line_items.map((line) => line.product_id));
		const active = state.products.filter(
			(product) => product.status === 'ACTIVATE' && !orderProducts.has(product.id),
		);
		const twoWarehouses = active.find((product) =>
			product.skus.some((sku) => sku.inventory.length === 2),
		)!;
		unchangedProduct = active.find((product) => product !== twoWarehouses)!;
		inactiveProduct = state.products.find((product) => product.status !== 'ACTIVATE')!;
		changedProducts = [
			...state.products.filter((product) => orderProducts.has(product.id)),
			twoWarehouses,
		];

		// Varied figures: 2 (at the safety threshold → 0), 600 (over the maximum → 500) and plain ones.
		const figures = [2, 600, 37, 120, 9, 64, 15, 230];
		const skus = changedProducts.flatMap((product) => product.skus);
		skus.forEach((sku, index) => stockFile.set(sku.seller_sku, figures[index % figures.length]));
		// Already listed as the rules would list it: everything at the default (or only) warehouse.
		for (const sku of unchangedProduct.skus) {
			for (const entry of sku.inventory)
				entry.quantity =
					entry.warehouse_id === defaultWarehouse || sku.inventory.length === 1 ? 40 : 0;
			stockFile.set(sku.seller_sku, 40);
		}
	});

	afterAll(async () => {
		await stack?.stop();
		await shopify?.close();
	});

	it('is imported with its credentials and active', async () => {
		expect((await stack.api.workflow(workflow.id)).active).toBe(true);
		expect(stack.simulator.state.webhooks).toContainEqual(
			expect.objectContaining({ address: productionWebhookUrl(stack.n8n.url, workflow, TRIGGER) }),
		);
	});

	describe('(a) stock file → ledger → TikTok', () => {
		let mutationsBefore: number;
		let updateRequestsBefore: number;
		let before: Map<string, Array<{ warehouse_id: string; quantity: number }>>;
		let first: Execution;
		let mailsBefore: number;
		const updateRequests = () =>
			stack.simulator.requests.filter((request) => /\/inventory\/update$/.test(request.path));

		beforeAll(async () => {
			const rows = [
				...[...stockFile].map(([sku, quantity]) => `${sku},${quantity}`),
				`${inactiveProduct.skus[0].seller_sku},10`,
				'NOT-ON-TIKTOK-001,5',
				'BAD-QUANTITY-001,twelve',
			];
			await writeFile(
				join(stack.exportDir, 'stock-on-hand.csv'),
				`seller_sku,quantity\n${rows.join('\n')}\n`,
			);
			before = new Map(
				stack.simulator.state.products.flatMap((product) =>
					product.skus.map((sku) => [sku.id, sku.inventory.map((entry) => ({ ...entry }))]),
				),
			);
			mutationsBefore = stack.simulator.mutations.length;
			updateRequestsBefore = updateRequests().length;
			mailsBefore = stack.outbox.messages.length;
			first = await run(SCHEDULE);
		});

		it('sends exactly one update per changed product, listing every warehouse of each changed SKU with the listed quantity', () => {
			const expected = new Map<
				string,
				Array<{ skuId: string; inventory: Array<{ warehouseId: string; quantity: number }> }>
			>();
			for (const product of changedProducts) {
				for (const sku of product.skus) {
					const target = listed(stockFile.get(sku.seller_sku)!);
					const inventory = before.get(sku.id)!.map((entry) => ({
						warehouseId: entry.warehouse_id,
						quantity:
							sku.inventory.length === 1 || entry.warehouse_id === defaultWarehouse ? target : 0,
					}));
					const unchanged = inventory.every(
						(entry, index) => before.get(sku.id)![index].quantity === entry.quantity,
					);
					if (!unchanged)
						expected.set(product.id, [
							...(expected.get(product.id) ?? []),
							{ skuId: sku.id, inventory },
						]);
				}
			}
			expect(expected.size).toBeGreaterThanOrEqual(2); // otherwise the test proves little
			expect([...expected.values()].flat().some((sku) => sku.inventory.length === 2)).toBe(true);

			const updates = inventoryUpdates(mutationsBefore);
			expect(updates.map((update) => update.productId).sort()).toEqual([...expected.keys()].sort());
			for (const update of updates) {
				expect(update.failedSkuIds).toEqual([]);
				expect(sortSkus(update.skus)).toEqual(sortSkus(expected.get(update.productId)!));
			}
			expect(updateRequests().length - updateRequestsBefore).toBe(expected.size);
			expect(updates.map((update) => update.productId)).not.toContain(unchangedProduct.id);
		});

		it('keeps the ledger: every row of the file set on hand, the bad row and the SKUs TikTok cannot take reported by email', async () => {
			const onHand = new Map(
				nodeOutput(first, 'Set on hand').map((item) => [item.sellerSku as string, item.onHand]),
			);
			for (const [sku, quantity] of stockFile) expect(onHand.get(sku)).toBe(quantity);
			const attention = nodeOutput(first, 'All rows that need attention')[0].rows as Array<
				Record<string, unknown>
			>;
			expect(attention).toHaveLength(3);
			expect(attention).toEqual(
				expect.arrayContaining([
					expect.objectContaining({
						sellerSku: inactiveProduct.skus[0].seller_sku,
						reason: 'productNotActive',
					}),
					expect.objectContaining({ sellerSku: 'NOT-ON-TIKTOK-001', reason: 'unknownSku' }),
					expect.objectContaining({
						seller_sku: 'BAD-QUANTITY-001',
						error: 'Quantity On Hand: "twelve" is not a whole number of units',
						details: expect.objectContaining({ field: 'Quantity On Hand', value: 'twelve' }),
					}),
				]),
			);
			const mails = await stack.outbox.waitFor(1, { sinceIndex: mailsBefore });
			// The run has finished, so every mail it sends is in: one mail for both kinds of problem.
			expect(stack.outbox.messages.length - mailsBefore).toBe(1);
			expect(mails[0].subject).toBe('3 SKU(s) of the stock file were not synced to TikTok Shop');
			expect(mails[0].html).toContain('NOT-ON-TIKTOK-001');
			expect(mails[0].html).toContain('BAD-QUANTITY-001');
			expect(mails[0].html).toContain('"twelve" is not a whole number of units');
		});

		it('sends no update on a second run with the same file', async () => {
			const since = stack.simulator.mutations.length;
			const requestsSince = updateRequests().length;
			const second = await run(SCHEDULE);
			expect(inventoryUpdates(since)).toEqual([]);
			expect(updateRequests().length).toBe(requestsSince);
			expect(second.data.resultData.runData['Updated on TikTok']).toBeUndefined();
			expect(nodeOutput(second, 'Already right on TikTok').length).toBe(stockFile.size);
		});
	});

	describe('(b) TikTok order → ledger → Shopify', () => {
		let url: string;
		const updateTime = Math.floor(Date.now() / 1000);

		beforeAll(async () => {
			url = productionWebhookUrl(stack.n8n.url, workflow, TRIGGER);
			const rows = [...linesPerSku().keys()].map(
				(sku) => `${sku},${inventoryItemOf(sku).split('/').pop()},${SHOPIFY_LOCATION}`,
			);
			await writeFile(
				join(stack.exportDir, 'shopify-sku-map.csv'),
				`seller_sku,shopify_inventory_item_id,shopify_location_id\n${rows.join('\n')}\n`,
			);
			for (const sku of linesPerSku().keys())
				shopify.stock(inventoryItemOf(sku), SHOPIFY_LOCATION, 999);
		});

		it('takes each order line from the ledger once and sets the new available quantity in Shopify', async () => {
			const before = await executionIds();
			const report = await stack.simulator.webhooks.send(
				url,
				orderEvent('stock-sync-sale', 'AWAITING_SHIPMENT', updateTime),
			);
			expect(report.attempts.map((attempt) => attempt.status)).toEqual([200]);
			const runs = await settle(before);
			expect(runs).toHaveLength(1);
			if (runs[0].status !== 'success') throw new Error(describeFailure(runs[0]));

			const sales = nodeOutput(runs[0], 'Record sale');
			expect(sales).toHaveLength(order.line_items.length);
			expect(sales.every((sale) => sale.applied === true)).toBe(true);
			expect(sales.map((sale) => (sale.movement as { key: string }).key).sort()).toEqual(
				order.line_items.map((line) => `sale|tiktok:${order.id}:${line.id}`).sort(),
			);

			expect(shopify.refused).toEqual([]);
			expect(shopify.calls).toHaveLength(order.line_items.length);
			for (const [sku, lines] of linesPerSku()) {
				const available = stockFile.get(sku)! - lines;
				const calls = shopify.calls.filter(
					(call) => call.quantities[0]?.inventoryItemId === inventoryItemOf(sku),
				);
				expect(calls).toHaveLength(lines);
				for (const call of calls) {
					expect(call).toMatchObject({
						name: 'available',
						reason: 'correction',
						referenceDocumentUri: `tiktok-shop://orders/${order.id}`,
						replayed: false,
						userErrors: [],
						errors: [],
						quantities: [
							{
								inventoryItemId: inventoryItemOf(sku),
								locationId: SHOPIFY_LOCATION,
								quantity: available,
								changeFromQuantity: null,
							},
						],
					});
				}
				expect(shopify.levels.get(inventoryItemOf(sku))?.get(SHOPIFY_LOCATION)).toBe(available);
			}
			const keys = shopify.calls.map((call) => call.idempotencyKey);
			expect(new Set(keys).size).toBe(keys.length);
			expect(keys.every((key) => typeof key === 'string' && /^[A-Za-z0-9_-]+$/.test(key))).toBe(
				true,
			);
		});

		it('does nothing for the same webhook delivered again', async () => {
			const before = await executionIds();
			const callsBefore = shopify.calls.length;
			const report = await stack.simulator.webhooks.send(
				url,
				orderEvent('stock-sync-sale', 'AWAITING_SHIPMENT', updateTime),
				{ duplicates: 1 },
			);
			expect(report.attempts.every((attempt) => attempt.status === 200)).toBe(true);
			expect(await settle(before)).toHaveLength(0);
			expect(shopify.calls.length).toBe(callsBefore);
		});

		it('takes no stock twice for a later status of the same order, and calls Shopify no second time', async () => {
			const before = await executionIds();
			const callsBefore = shopify.calls.length;
			await stack.simulator.webhooks.send(
				url,
				orderEvent('stock-sync-collection', 'AWAITING_COLLECTION', updateTime + 60),
			);
			const runs = await settle(before);
			expect(runs).toHaveLength(1);
			if (runs[0].status !== 'success') throw new Error(describeFailure(runs[0]));
			const sales = nodeOutput(runs[0], 'Record sale');
			expect(sales).toHaveLength(order.line_items.length);
			expect(sales.every((sale) => sale.duplicate === true && sale.applied === false)).toBe(true);
			for (const sale of sales)
				expect(sale.onHand).toBe(
					stockFile.get(sale.sellerSku as string)! - linesPerSku().get(sale.sellerSku as string)!,
				);
			expect(nodeOutput(runs[0], 'Already recorded (repeated webhook)')).toHaveLength(
				order.line_items.length,
			);
			expect(runs[0].data.resultData.runData['Current stock']).toBeUndefined();
			expect(shopify.calls.length).toBe(callsBefore);
		});

		it("gives a cancelled order's units back, once, and sets Shopify to the restored quantity", async () => {
			order.status = 'CANCELLED';
			for (const line of order.line_items) line.display_status = 'CANCELLED';
			const before = await executionIds();
			const callsBefore = shopify.calls.length;
			await stack.simulator.webhooks.send(
				url,
				orderEvent('stock-sync-cancel', 'CANCELLED', updateTime + 120),
			);
			const runs = await settle(before);
			expect(runs).toHaveLength(1);
			if (runs[0].status !== 'success') throw new Error(describeFailure(runs[0]));
			expect(
				nodeOutput(runs[0], 'Take the sale if not yet taken').every(
					(sale) => sale.duplicate === true,
				),
			).toBe(true);
			const returned = nodeOutput(runs[0], 'Give the units back');
			expect(returned).toHaveLength(order.line_items.length);
			expect(returned.every((movement) => movement.applied === true)).toBe(true);
			const newCalls = shopify.calls.slice(callsBefore);
			expect(newCalls).toHaveLength(order.line_items.length);
			for (const call of newCalls) {
				const sku = [...linesPerSku().keys()].find(
					(candidate) => inventoryItemOf(candidate) === call.quantities[0].inventoryItemId,
				)!;
				expect(call.quantities[0].quantity).toBe(stockFile.get(sku));
				expect(call.userErrors).toEqual([]);
			}
		});

		it('emails the operations team when Shopify refuses the update', async () => {
			const other = stack.simulator.state.orders.find(
				(candidate) => candidate.status === 'AWAITING_SHIPMENT' && candidate.id !== order.id,
			)!;
			const skus = [...new Set(other.line_items.map((line) => line.seller_sku))];
			// Rows pointing at inventory items the shop does not have (a typo in the map).
			const rows = skus.map((sku, index) => `${sku},${990000 + index},${SHOPIFY_LOCATION}`);
			await writeFile(
				join(stack.exportDir, 'shopify-sku-map.csv'),
				`seller_sku,shopify_inventory_item_id,shopify_location_id\n${rows.join('\n')}\n`,
			);
			const before = await executionIds();
			const callsBefore = shopify.calls.length;
			const mailsBefore = stack.outbox.messages.length;
			await stack.simulator.webhooks.send(url, {
				type: 1,
				tts_notification_id: 'stock-sync-refused',
				data: { order_id: other.id, order_status: 'AWAITING_SHIPMENT', update_time: updateTime },
			});
			const runs = await settle(before);
			expect(runs).toHaveLength(1);
			if (runs[0].status !== 'success') throw new Error(describeFailure(runs[0]));
			const refusals = shopify.calls.slice(callsBefore);
			expect(refusals).toHaveLength(other.line_items.length);
			expect(
				refusals.every(
					(call) => call.userErrors.map((error) => error.code).join() === 'INVALID_INVENTORY_ITEM',
				),
			).toBe(true);
			const mails = await stack.outbox.waitFor(other.line_items.length, {
				sinceIndex: mailsBefore,
			});
			expect(mails.map((mail) => mail.subject).sort()).toEqual(
				other.line_items
					.map((line) => `Shopify stock of ${line.seller_sku} was not updated`)
					.sort(),
			);
			expect(mails[0].text).toContain(
				'INVALID_INVENTORY_ITEM: The specified inventory item could not be found.',
			);
			expect(mails[0].text).toContain(`After TikTok order ${other.id}`);
		});

		it('sends Shopify the stock again when the trigger re-runs an event whose run failed, taking the sale once', async () => {
			const third = stack.simulator.state.orders.filter(
				(candidate) =>
					candidate.status === 'AWAITING_SHIPMENT' && candidate.line_items.length === 1,
			)[1];
			const sku = third.line_items[0].seller_sku;
			const item = 'gid://shopify/InventoryItem/7700001';
			await writeFile(
				join(stack.exportDir, 'shopify-sku-map.csv'),
				`seller_sku,shopify_inventory_item_id,shopify_location_id\n${sku},7700001,${SHOPIFY_LOCATION}\n`,
			);
			shopify.stock(item, SHOPIFY_LOCATION, 999);
			shopify.failNext(1);
			const before = await executionIds();
			const callsBefore = shopify.calls.length;
			await stack.simulator.webhooks.send(url, {
				type: 1,
				tts_notification_id: 'stock-sync-retry',
				data: { order_id: third.id, order_status: 'AWAITING_SHIPMENT', update_time: updateTime },
			});
			// The trigger retries a failed run after 30 s.
			const runs = await settle(before, 40_000);
			expect(runs.map((execution) => execution.status).sort()).toEqual(['error', 'success']);
			const [failed, retried] = [
				runs.find((execution) => execution.status === 'error')!,
				runs.find((execution) => execution.status === 'success')!,
			];
			expect(describeFailure(failed)).toContain('Set Shopify stock');
			expect(nodeOutput(failed, 'Record sale')).toEqual([
				expect.objectContaining({ applied: true }),
			]);
			expect(nodeOutput(retried, 'Record sale')).toEqual([
				expect.objectContaining({ applied: false, duplicate: true }),
			]);
			const onHand = nodeOutput(failed, 'Record sale')[0].onHand as number;
			expect(shopify.calls.slice(callsBefore)).toEqual([
				expect.objectContaining({
					userErrors: [],
					quantities: [
						expect.objectContaining({ inventoryItemId: item, quantity: Math.max(0, onHand) }),
					],
				}),
			]);
		});
	});
});

function sortSkus<T extends { skuId: string }>(skus: T[]): T[] {
	return [...skus].sort((a, b) => a.skuId.localeCompare(b.skuId));
}
