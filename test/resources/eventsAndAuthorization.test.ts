import { TikTokShopApi } from '../../credentials/TikTokShopApi.credentials';
import type { TikTokShopClient } from '../../nodes/shared/tiktok/client';
import {
	AUTHORIZED_SHOPS_PATH,
	getAuthorizedShops,
} from '../../nodes/shared/tiktok/resources/authorization';
import {
	deleteWebhook,
	getWebhooks,
	updateWebhook,
} from '../../nodes/shared/tiktok/resources/events';
import { clientFor } from '../../dev/harness/simulatorClient';
import { startSimulator, type RunningSimulator } from '../../dev/simulator/index';

let sim: RunningSimulator;
let client: TikTokShopClient;

beforeAll(async () => {
	sim = await startSimulator({ seed: 59, orders: 10 });
	client = clientFor(sim);
});
afterAll(() => sim.close());

describe('events resource', () => {
	it('points an event type at an address, lists it, and removes it', async () => {
		const address = 'https://hooks.example.com/webhook/tiktok';
		await updateWebhook(client, 'ORDER_STATUS_CHANGE', address);
		expect(await getWebhooks(client)).toContainEqual(
			expect.objectContaining({ event_type: 'ORDER_STATUS_CHANGE', address }),
		);
		await deleteWebhook(client, 'ORDER_STATUS_CHANGE');
		expect(
			(await getWebhooks(client)).some((hook) => hook.event_type === 'ORDER_STATUS_CHANGE'),
		).toBe(false);
	});
});

describe('authorization resource', () => {
	it('lists the shops the token covers, on the path the credential test calls', async () => {
		const shops = await getAuthorizedShops(client);
		expect(shops).toEqual([expect.objectContaining({ id: sim.shop.id, cipher: sim.shop.cipher })]);
		expect(sim.requests.at(-1)!.path).toBe(AUTHORIZED_SHOPS_PATH);
		expect(new TikTokShopApi().test.request.url).toBe(AUTHORIZED_SHOPS_PATH);
	});
});
