import { TikTokApiError } from '../../nodes/shared/tiktok/errors';
import type { TikTokShopClient } from '../../nodes/shared/tiktok/client';
import {
	getDeliveryOptions,
	getSalesWarehouses,
	getShippingProviders,
	getWarehouses,
	TIKTOK_FULFILLED_OPTION,
} from '../../nodes/shared/tiktok/resources/logistics';
import { clientFor } from '../../dev/harness/simulatorClient';
import { startSimulator, type RunningSimulator } from '../../dev/simulator/index';

let sim: RunningSimulator;
let client: TikTokShopClient;

beforeAll(async () => {
	sim = await startSimulator({ seed: 41, orders: 20 });
	client = clientFor(sim);
});
afterAll(() => sim.close());

describe('logistics resource', () => {
	it('lists every warehouse, and the sales warehouses without the return warehouse', async () => {
		const all = await getWarehouses(client);
		expect(all.map((warehouse) => warehouse.id).sort()).toEqual(
			sim.state.warehouses.map((warehouse) => warehouse.id).sort(),
		);
		const sales = await getSalesWarehouses(client);
		expect(sales.map((warehouse) => warehouse.id).sort()).toEqual(
			sim.state.warehouses
				.filter((warehouse) => warehouse.type === 'SALES_WAREHOUSE')
				.map((warehouse) => warehouse.id)
				.sort(),
		);
	});

	it('walks delivery options to shipping providers; a TikTok-shipped option has none', async () => {
		const [warehouse] = await getSalesWarehouses(client);
		const options = await getDeliveryOptions(client, warehouse.id);
		expect(options.map((option) => option.id).sort()).toEqual(
			sim.state.deliveryOptions
				.filter((option) => option.warehouseId === warehouse.id)
				.map((option) => option.id)
				.sort(),
		);
		const bySeller = sim.state.deliveryOptions.find(
			(option) => option.warehouseId === warehouse.id && !option.fulfilledByTikTok,
		)!;
		const providers = await getShippingProviders(client, bySeller.id);
		expect(providers.map((provider) => String(provider.id)).sort()).toEqual(
			[...bySeller.shippingProviderIds].sort(),
		);
		const byTikTok = sim.state.deliveryOptions.find((option) => option.fulfilledByTikTok)!;
		const refusal = await getShippingProviders(client, byTikTok.id).catch(
			(error: unknown) => error,
		);
		expect(refusal).toBeInstanceOf(TikTokApiError);
		expect((refusal as TikTokApiError).code).toBe(TIKTOK_FULFILLED_OPTION);
	});
});
