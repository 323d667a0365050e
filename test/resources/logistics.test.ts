import { TikTokApiError } from '../../nodes/shared/tiktok/errors';
import {
	getDeliveryOptions,
	getSalesWarehouses,
	getShippingProviders,
	getWarehouses,
	TIKTOK_FULFILLED_OPTION,
} from '../../nodes/shared/tiktok/resources/logistics';
import { simulatorWorld } from './world';

const world = simulatorWorld({ seed: 41, orders: 20 });

describe('logistics resource', () => {
	it('lists every warehouse, and the sales warehouses without the return warehouse', async () => {
		const all = await getWarehouses(world.client);
		expect(all.map((warehouse) => warehouse.id).sort()).toEqual(
			world.sim.state.warehouses.map((warehouse) => warehouse.id).sort(),
		);
		const sales = await getSalesWarehouses(world.client);
		expect(sales.map((warehouse) => warehouse.id).sort()).toEqual(
			world.sim.state.warehouses
				.filter((warehouse) => warehouse.type === 'SALES_WAREHOUSE')
				.map((warehouse) => warehouse.id)
				.sort(),
		);
	});

	it('walks delivery options to shipping providers; a TikTok-shipped option has none', async () => {
		const [warehouse] = await getSalesWarehouses(world.client);
		const options = await getDeliveryOptions(world.client, warehouse.id);
		expect(options.map((option) => option.id).sort()).toEqual(
			world.sim.state.deliveryOptions
				.filter((option) => option.warehouseId === warehouse.id)
				.map((option) => option.id)
				.sort(),
		);
		const bySeller = world.sim.state.deliveryOptions.find(
			(option) => option.warehouseId === warehouse.id && !option.fulfilledByTikTok,
		)!;
		const providers = await getShippingProviders(world.client, bySeller.id);
		expect(providers.map((provider) => String(provider.id)).sort()).toEqual(
			[...bySeller.shippingProviderIds].sort(),
		);
		const byTikTok = world.sim.state.deliveryOptions.find((option) => option.fulfilledByTikTok)!;
		const refusal = await getShippingProviders(world.client, byTikTok.id).catch(
			(error: unknown) => error,
		);
		expect(refusal).toBeInstanceOf(TikTokApiError);
		expect((refusal as TikTokApiError).code).toBe(TIKTOK_FULFILLED_OPTION);
	});
});
