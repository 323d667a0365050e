import { openStore } from '../../../nodes/shared/store';
import { startSimulator, type RunningSimulator } from '../../../dev/simulator';
import { callsTo, inventoryOf, push, stockProduct, useFreshStoreFolder } from './pushHarness';

const UPDATE = /\/inventory\/update$/;
const READ = /^\/product\/202309\/inventory\/search$/;
const SEARCH = /^\/product\/202309\/products\/search$/;

let sim: RunningSimulator;
let reno: string;
let ohio: string;

// A fresh shop per test: tests rewrite its catalogue.
beforeEach(async () => {
	sim = await startSimulator({ seed: 7 });
	[reno, ohio] = sim.state.warehouses
		.filter((warehouse) => warehouse.type === 'SALES_WAREHOUSE')
		.map((warehouse) => warehouse.id);
});
afterEach(async () => sim.close());
useFreshStoreFolder();

/** Three active products, stocked by hand so the expected calls can be worked out on paper. */
function stockThreeProducts() {
	const hoodie = stockProduct(sim, 0, [
		{ sellerSku: 'HOODIE-BLK-M', warehouses: { [reno]: 5, [ohio]: 0 } },
		{ sellerSku: 'HOODIE-BLK-L', warehouses: { [reno]: 8 } },
	]);
	const mug = stockProduct(sim, 1, [{ sellerSku: 'MUG-SAGE', warehouses: { [reno]: 3 } }]);
	const candle = stockProduct(sim, 2, [
		{ sellerSku: 'CANDLE-CEDAR', warehouses: { [reno]: 7, [ohio]: 2 } },
	]);
	return { hoodie, mug, candle };
}

describe('Inventory Push against the simulator', () => {
	it('updates only products with a changed SKU, one call each, listing every assigned warehouse', async () => {
		const { hoodie, mug, candle } = stockThreeProducts();
		const out = await push(sim, { defaultWarehouseId: reno }, [
			{ sku: 'HOODIE-BLK-M', quantity: 9 }, // Reno 5 → 9, Ohio stays 0: changed
			{ sku: 'HOODIE-BLK-L', quantity: '8' }, // same as TikTok
			{ sku: 'MUG-SAGE', quantity: 3 }, // same as TikTok: its product gets no call
			{ sku: 'CANDLE-CEDAR', quantity: 7 }, // Reno 7 stays, Ohio 2 → 0: changed
		]);

		const updates = callsTo(sim, UPDATE);
		expect(updates.map((call) => call.path).sort()).toEqual(
			[
				`/product/202309/products/${hoodie.productId}/inventory/update`,
				`/product/202309/products/${candle.productId}/inventory/update`,
			].sort(),
		);
		expect(updates.some((call) => call.path.includes(mug.productId))).toBe(false);
		const hoodieCall = updates.find((call) => call.path.includes(hoodie.productId))!;
		expect(hoodieCall.body).toEqual({
			skus: [
				{
					id: hoodie.skuIds[0],
					inventory: [
						{ warehouse_id: reno, quantity: 9 },
						{ warehouse_id: ohio, quantity: 0 },
					],
				},
			],
		});
		const candleCall = updates.find((call) => call.path.includes(candle.productId))!;
		expect(candleCall.body).toEqual({
			skus: [
				{
					id: candle.skuIds[0],
					inventory: [
						{ warehouse_id: reno, quantity: 7 },
						{ warehouse_id: ohio, quantity: 0 },
					],
				},
			],
		});
		expect(callsTo(sim, READ)).toHaveLength(1);

		expect(out.updated.map((item) => item.sellerSku)).toEqual(['HOODIE-BLK-M', 'CANDLE-CEDAR']);
		expect(out.unchanged.map((item) => item.sellerSku)).toEqual(['HOODIE-BLK-L', 'MUG-SAGE']);
		expect(out.needsAttention).toEqual([]);
		expect(out.updated[0]).toMatchObject({
			quantityBefore: 5,
			quantityAfter: 9,
			rule: 'available',
			status: 'updated',
		});
		expect(out.updated[1]).toMatchObject({
			quantityBefore: 9,
			quantityAfter: 7,
			warehouses: [
				{ warehouseId: reno, before: 7, after: 7 },
				{ warehouseId: ohio, before: 2, after: 0 },
			],
		});
		expect(out.unchanged[0]).toMatchObject({ quantityBefore: 8, quantityAfter: 8 });
		expect(out.raw.flat().map((item) => item.pairedItem)).toEqual(
			expect.arrayContaining([{ item: 0 }, { item: 1 }, { item: 2 }, { item: 3 }]),
		);
		expect(inventoryOf(sim, hoodie.productId, hoodie.skuIds[0])).toEqual({ [reno]: 9, [ohio]: 0 });
		expect(inventoryOf(sim, candle.productId, candle.skuIds[0])).toEqual({ [reno]: 7, [ohio]: 0 });

		// Run again with the same figures: nothing has changed, so not one update call.
		sim.reset();
		const again = await push(sim, { defaultWarehouseId: reno }, [
			{ sku: 'HOODIE-BLK-M', quantity: 9 },
			{ sku: 'CANDLE-CEDAR', quantity: 7 },
		]);
		expect(callsTo(sim, UPDATE)).toHaveLength(0);
		expect(callsTo(sim, SEARCH)).toHaveLength(0); // the catalogue came from the cache
		expect(again.unchanged).toHaveLength(2);
	});

	it('sends unknown, inactive and ambiguous SKUs to Needs Attention with the reason, and never guesses', async () => {
		const { hoodie } = stockThreeProducts();
		const inactive = sim.state.products.findIndex((product) => product.status !== 'ACTIVATE');
		stockProduct(sim, inactive, [{ sellerSku: 'TEE-RETIRED', warehouses: { [reno]: 4 } }]);
		stockProduct(sim, 3, [{ sellerSku: 'MUG-SAGE', warehouses: { [reno]: 1 } }]); // MUG-SAGE is now on two products

		const out = await push(sim, { defaultWarehouseId: reno }, [
			{ sku: 'HOODIE-BLK-M', quantity: 2 },
			{ sku: 'NO-SUCH-SKU', quantity: 5 },
			{ sku: 'TEE-RETIRED', quantity: 5 },
			{ sku: 'MUG-SAGE', quantity: 5 },
		]);

		expect(out.updated.map((item) => item.sellerSku)).toEqual(['HOODIE-BLK-M']);
		expect(out.needsAttention.map((item) => [item.sellerSku, item.reason])).toEqual([
			['NO-SUCH-SKU', 'unknownSku'],
			['TEE-RETIRED', 'productNotActive'],
			['MUG-SAGE', 'skuOnSeveralProducts'],
		]);
		expect(out.needsAttention[0]).toMatchObject({ field: 'Seller SKU', value: 'NO-SUCH-SKU' });
		expect(String(out.needsAttention[1].message)).toContain(sim.state.products[inactive].status);
		expect(callsTo(sim, UPDATE).map((call) => call.path)).toEqual([
			`/product/202309/products/${hoodie.productId}/inventory/update`,
		]);
		// The unknown SKU was looked up once more by seller SKU before being declared unknown.
		expect(
			callsTo(sim, SEARCH).some((call) => JSON.stringify(call.body).includes('NO-SUCH-SKU')),
		).toBe(true);
	});

	it('gives a per-item error naming the field and value for bad quantities and a pre-order N out of range', async () => {
		stockThreeProducts();
		const out = await push(
			sim,
			{
				defaultWarehouseId: reno,
				preOrders: {
					rows: [{ originalSku: 'MUG-SAGE', preOrderSku: 'CANDLE-CEDAR', shipsInDays: 45 }],
				},
			},
			[
				{ sku: 'HOODIE-BLK-M', quantity: -3 },
				{ sku: 'HOODIE-BLK-L', quantity: 'twelve' },
				{ sku: 'MUG-SAGE', quantity: 2 },
				{ sku: 'CANDLE-CEDAR-X', quantity: 2.5 },
			],
		);
		expect(out.needsAttention.map((item) => [item.reason, item.field, item.value])).toEqual([
			['invalidInput', 'Available Quantity', -3],
			['invalidInput', 'Available Quantity', 'twelve'],
			['invalidInput', 'Pre-Order Variants › Ships In (Days) for MUG-SAGE', 45],
			['invalidInput', 'Available Quantity', 2.5],
		]);
		expect(out.needsAttention[1].message).toBe(
			'Available Quantity: "twelve" is not a whole number of units',
		);
		expect(callsTo(sim, UPDATE)).toHaveLength(0);
	});

	it('lists a pre-order variant while the original is out of stock and incoming stock is declared', async () => {
		const hoodie = stockProduct(sim, 0, [
			{ sellerSku: 'JACKET-OLV-M', warehouses: { [reno]: 4 } },
			{ sellerSku: 'JACKET-OLV-M-PRE', warehouses: { [reno]: 0 } },
		]);
		const rows = [
			{ originalSku: 'JACKET-OLV-M', preOrderSku: 'JACKET-OLV-M-PRE', shipsInDays: 14 },
		];
		const out = await push(
			sim,
			{ defaultWarehouseId: reno, preOrders: { rows }, listingRules: { maxListed: 25 } },
			[{ sku: 'JACKET-OLV-M', quantity: 0, incoming: 40 }],
		);
		expect(out.updated).toHaveLength(1);
		expect(out.updated[0]).toMatchObject({
			sellerSku: 'JACKET-OLV-M',
			quantityBefore: 4,
			quantityAfter: 0,
			preOrder: {
				sellerSku: 'JACKET-OLV-M-PRE',
				quantityBefore: 0,
				quantityAfter: 25,
				rule: 'maxListed',
				shipsInDays: 14,
			},
		});
		// Both SKUs belong to one product: one call carries both.
		expect(callsTo(sim, UPDATE).map((call) => call.body)).toEqual([
			{
				skus: [
					{ id: hoodie.skuIds[0], inventory: [{ warehouse_id: reno, quantity: 0 }] },
					{ id: hoodie.skuIds[1], inventory: [{ warehouse_id: reno, quantity: 25 }] },
				],
			},
		]);
	});

	it('reads on-hand and sales velocity from the Stock Ledger and holds back the lag-aware buffer', async () => {
		const { hoodie } = stockThreeProducts();
		const ledger = await openStore({ kind: 'embedded' });
		const now = Date.now();
		await ledger.setOnHand('main', 'HOODIE-BLK-M', 30);
		// 12 sold in the last 24 h → velocity 0.5 per hour; source data 5 h old → hold back ceil(2.5) = 3.
		for (let order = 0; order < 12; order++) {
			await ledger.recordMovement('main', {
				sku: 'HOODIE-BLK-M',
				key: `sale|tiktok:5764${order}:1`,
				delta: -1,
				atMs: now - (order + 1) * 3_600_000,
				kind: 'sale',
			});
		}
		const out = await push(
			sim,
			{
				stockSource: 'ledger',
				defaultWarehouseId: reno,
				lagBuffer: 'sourceAge',
				sourceDataTime: new Date(now - 5 * 3_600_000).toISOString(),
				velocityWindowHours: 24,
				listingRules: { percentOfAvailable: 90, safetyThreshold: 2 },
			},
			[{ sku: 'HOODIE-BLK-M' }],
		);
		// on hand 30 − 12 = 18; buffer 3 → 15; above threshold 2; 90% of 15 = 13.5 → 13.
		expect(out.updated[0]).toMatchObject({ quantityAfter: 13, rule: 'percentOfAvailable' });
		expect(
			(out.updated[0].steps as Array<{ rule: string; quantity: number }>).map((step) => [
				step.rule,
				step.quantity,
			]),
		).toEqual([
			['available', 18],
			['lagBuffer', 15],
			['percentOfAvailable', 13],
		]);
		expect(inventoryOf(sim, hoodie.productId, hoodie.skuIds[0])).toEqual({ [reno]: 13, [ohio]: 0 });

		sim.reset();
		const stopped = await push(sim, { stockSource: 'ledger', defaultWarehouseId: reno }, [
			{ sku: 'HOODIE-BLK-M', stop: true },
		]);
		expect(stopped.updated[0]).toMatchObject({
			quantityBefore: 13,
			quantityAfter: 0,
			rule: 'killSwitch',
		});
	});

	it('in a dry run outputs the planned calls and sends none', async () => {
		const { hoodie } = stockThreeProducts();
		const out = await push(sim, { defaultWarehouseId: reno, options: { dryRun: true } }, [
			{ sku: 'HOODIE-BLK-M', quantity: 1 },
			{ sku: 'MUG-SAGE', quantity: 3 },
		]);
		expect(callsTo(sim, UPDATE)).toHaveLength(0);
		expect(out.updated[0]).toMatchObject({
			dryRun: true,
			quantityBefore: 5,
			quantityAfter: 1,
			plannedCall: {
				method: 'POST',
				path: `/product/202309/products/${hoodie.productId}/inventory/update`,
				body: {
					skus: [
						{
							id: hoodie.skuIds[0],
							inventory: [
								{ warehouse_id: reno, quantity: 1 },
								{ warehouse_id: ohio, quantity: 0 },
							],
						},
					],
				},
			},
		});
		expect(out.unchanged.map((item) => item.sellerSku)).toEqual(['MUG-SAGE']);
		expect(inventoryOf(sim, hoodie.productId, hoodie.skuIds[0])).toEqual({ [reno]: 5, [ohio]: 0 });
	});

	it('refuses to guess a warehouse for a multi-warehouse SKU without a default, and splits by source location', async () => {
		const { candle } = stockThreeProducts();
		const noDefault = await push(sim, {}, [{ sku: 'CANDLE-CEDAR', quantity: 4 }]);
		expect(noDefault.needsAttention[0]).toMatchObject({ reason: 'noDefaultWarehouse' });

		sim.reset();
		const byLocation = await push(
			sim,
			{
				warehouseMode: 'byLocation',
				locationMap: {
					rows: [
						{ location: 'NV-1', warehouseId: reno },
						{ location: 'OH-1', warehouseId: ohio },
						{ location: 'OH-2', warehouseId: ohio },
					],
				},
				locationStock: (index: number) => [{ 'NV-1': 6, 'OH-1': 2, 'OH-2': 4, 'TX-9': 30 }][index],
				listingRules: { percentOfAvailable: 50 },
			},
			[{ sku: 'CANDLE-CEDAR', quantity: 12 }],
		);
		// 50% of 12 = 6, shared 6 : 6 between Reno (6) and Ohio (2 + 4) → 3 and 3; TX-9 maps nowhere.
		expect(byLocation.updated[0]).toMatchObject({ quantityAfter: 6, unmappedLocations: ['TX-9'] });
		expect(inventoryOf(sim, candle.productId, candle.skuIds[0])).toEqual({ [reno]: 3, [ohio]: 3 });
	});

	it('finds a SKU listed after the catalogue was cached with a targeted search', async () => {
		stockThreeProducts();
		await push(sim, { defaultWarehouseId: reno }, [{ sku: 'HOODIE-BLK-M', quantity: 5 }]);
		const fresh = stockProduct(sim, 4, [{ sellerSku: 'BEANIE-NEW', warehouses: { [reno]: 0 } }]);
		sim.reset();
		const out = await push(sim, { defaultWarehouseId: reno }, [
			{ sku: 'BEANIE-NEW', quantity: 11 },
		]);
		expect(out.updated[0]).toMatchObject({ productId: fresh.productId, quantityAfter: 11 });
		expect(callsTo(sim, SEARCH).map((call) => call.body)).toEqual([
			{ status: 'ALL', seller_skus: ['BEANIE-NEW'] },
		]);
	});
});

describe('a 429 storm', () => {
	let slow: RunningSimulator;
	beforeAll(async () => {
		// TikTok allows 50 per second; this shop allows 4, so the client's 50 per second meets a wall of 429s.
		slow = await startSimulator({ seed: 11, rateLimitPerSecond: 4 });
	});
	afterAll(async () => slow.close());

	it('loses no item: every changed SKU is updated after retries, and a storm longer than the retries lands in Needs Attention', async () => {
		const [reno11] = slow.state.warehouses.map((warehouse) => warehouse.id);
		const stocked = Array.from({ length: 12 }, (_, index) =>
			stockProduct(slow, index, [{ sellerSku: `STORM-${index}`, warehouses: { [reno11]: 1 } }]),
		);
		for (const product of slow.state.products.slice(0, 12)) product.status = 'ACTIVATE';
		const rows = stocked.map((_, index) => ({ sku: `STORM-${index}`, quantity: 20 + index }));

		const out = await push(slow, { options: { maxRetries: 8 } }, rows);
		expect(slow.rateLimitedCount).toBeGreaterThan(0);
		expect(out.updated).toHaveLength(12);
		expect(out.needsAttention).toEqual([]);
		stocked.forEach((product, index) =>
			expect(inventoryOf(slow, product.productId, product.skuIds[0])).toEqual({
				[reno11]: 20 + index,
			}),
		);

		slow.reset();
		slow.faults.inject({ pathPattern: '/inventory/update', kind: '429' });
		const stormy = await push(
			slow,
			{ options: { maxRetries: 1 } },
			rows.map((row) => ({ ...row, quantity: 3 })),
		);
		slow.faults.clear();
		expect(stormy.updated.length + stormy.unchanged.length + stormy.needsAttention.length).toBe(12);
		expect(stormy.needsAttention).toHaveLength(12);
		expect(stormy.needsAttention[0]).toMatchObject({
			reason: 'rateLimited',
			tiktok: { code: 36009002 },
			quantityBefore: 20,
			quantityAfter: 20,
		});
	});
});
