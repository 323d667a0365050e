import type { ILoadOptionsFunctions, INodeProperties, INodePropertyCollection } from 'n8n-workflow';

import { ShipBatcher } from '../../../nodes/ShipBatcher/ShipBatcher.node';
import { resetBuckets } from '../../../nodes/shared/tiktok/rateBudget';
import { fakeExecuteFunctions } from '../../../dev/harness/fakeExecuteFunctions';
import { simulatorCredentials } from '../../../dev/harness/simulatorCredentials';
import { startSimulator, type RunningSimulator } from '../../../dev/simulator';

/** Ship Batcher's provider fields are the shop's shipping providers in a drop-down, not free text to misspell. */
let sim: RunningSimulator;
const node = new ShipBatcher().nodeVersions[1];

beforeAll(async () => {
	sim = await startSimulator();
});
afterAll(async () => {
	await sim.close();
});
beforeEach(() => resetBuckets());

function field(name: string): INodeProperties {
	for (const property of node.description.properties) {
		if (property.name === name) return property;
		for (const option of property.options ?? []) {
			const found = ((option as INodePropertyCollection).values ?? []).find(
				(value) => value.name === name,
			);
			if (found) return found;
		}
	}
	throw new Error(`no field ${name}`);
}

describe('Shipping provider drop-downs', () => {
	it("Default Shipping Provider and the mapping's provider load the shop's providers", () => {
		for (const name of ['defaultProvider', 'provider']) {
			expect(field(name)).toMatchObject({
				type: 'options',
				typeOptions: { loadOptionsMethod: 'getShippingProviders' },
			});
		}
		expect(Object.keys(node.methods?.loadOptions ?? {})).toContain('getShippingProviders');
	});

	it("lists every provider of the shop's seller-shipped delivery options once, by name, skipping options TikTok ships", async () => {
		const context = fakeExecuteFunctions({
			node: { name: 'Ship Batcher', type: 'n8n-nodes-tiktok-shop-ops.tikTokShopShipBatcher' },
			parameters: {},
			credentials: simulatorCredentials(sim),
		});
		const options = await node.methods!.loadOptions!.getShippingProviders.call(
			context as unknown as ILoadOptionsFunctions,
		);
		const expected = [
			...new Set(
				sim.state.deliveryOptions
					.filter(
						(option) =>
							!option.fulfilledByTikTok &&
							sim.state.warehouses.some(
								(warehouse) =>
									warehouse.id === option.warehouseId && warehouse.type !== 'RETURN_WAREHOUSE',
							),
					)
					.flatMap((option) =>
						sim.state.shippingProviders
							.filter((provider) => option.shippingProviderIds.includes(provider.id))
							.map((provider) => provider.name),
					),
			),
		].sort();
		expect(options.map((option) => option.value).sort()).toEqual(expected);
		expect(options.length).toBeGreaterThan(3);
		expect(new Set(options.map((option) => option.value)).size).toBe(options.length);
	});
});
