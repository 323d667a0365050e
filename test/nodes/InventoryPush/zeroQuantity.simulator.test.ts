import { startSimulator, type RunningSimulator } from '../../../dev/simulator';
import { callsTo, inventoryOf, push, stockProduct, useFreshStoreFolder } from './pushHarness';

/**
 * Update Inventory 202309 (the version the push calls): TikTok's API reference gives quantity "[1, 99,999]" and
 * lists 12052055 "The SKU inventory quantity for the warehouse must be within allowed limits."; the official SDK
 * says [0, 99,999]. The simulator's zeroInventory rule plays the stricter reading.
 */
let sim: RunningSimulator;
let reno: string;
let ohio: string;

afterEach(async () => sim.close());
useFreshStoreFolder();

async function shop(zeroInventory: 'accept' | 'refuse') {
	sim = await startSimulator({ seed: 7, rules: { zeroInventory } });
	[reno, ohio] = sim.state.warehouses
		.filter((warehouse) => warehouse.type === 'SALES_WAREHOUSE')
		.map((warehouse) => warehouse.id);
}

describe('Inventory Push emptying a warehouse', () => {
	it('names the warehouse and the reason when TikTok refuses quantity 0 (12052055), and never lists 1 instead', async () => {
		await shop('refuse');
		const mug = stockProduct(sim, 0, [
			{ sellerSku: 'MUG-SAGE', warehouses: { [reno]: 5, [ohio]: 2 } },
		]);
		const out = await push(sim, { defaultWarehouseId: reno }, [{ sku: 'MUG-SAGE', quantity: 5 }]);

		expect(callsTo(sim, /\/inventory\/update$/).map((call) => call.body)).toEqual([
			{
				skus: [
					{
						id: mug.skuIds[0],
						inventory: [
							{ warehouse_id: reno, quantity: 5 },
							{ warehouse_id: ohio, quantity: 0 },
						],
					},
				],
			},
		]);
		expect(out.updated).toEqual([]);
		expect(out.needsAttention).toHaveLength(1);
		expect(out.needsAttention[0]).toMatchObject({
			sellerSku: 'MUG-SAGE',
			reason: 'zeroRefused',
			warehouseErrors: [{ warehouse_id: ohio, code: 12052055 }],
			tiktok: { code: 12052055 },
		});
		const message = out.needsAttention[0].message as string;
		expect(message).toContain(`TikTok refused quantity 0 for warehouse ${ohio}`);
		expect(message).toContain('1 to 99,999');
		expect(message).toContain('deactivate the listing in Seller Center');
		expect(inventoryOf(sim, mug.productId, mug.skuIds[0])).toEqual({ [reno]: 5, [ohio]: 2 });
	});

	it('sets 0 where TikTok takes it', async () => {
		await shop('accept');
		const mug = stockProduct(sim, 0, [
			{ sellerSku: 'MUG-SAGE', warehouses: { [reno]: 5, [ohio]: 2 } },
		]);
		const out = await push(sim, { defaultWarehouseId: reno }, [{ sku: 'MUG-SAGE', quantity: 5 }]);
		expect(out.needsAttention).toEqual([]);
		expect(inventoryOf(sim, mug.productId, mug.skuIds[0])).toEqual({ [reno]: 5, [ohio]: 0 });
	});
});
