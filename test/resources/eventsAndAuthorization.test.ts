import {
	AUTHORIZED_SHOPS_PATH,
	getAuthorizedShops,
} from '../../nodes/shared/tiktok/resources/authorization';
import {
	deleteWebhook,
	getWebhooks,
	updateWebhook,
} from '../../nodes/shared/tiktok/resources/events';
import { simulatorWorld } from './world';

const world = simulatorWorld({ seed: 59, orders: 10 });

describe('events resource', () => {
	it('points an event type at an address, lists it, and removes it', async () => {
		const address = 'https://hooks.example.com/webhook/tiktok';
		await updateWebhook(world.client, 'ORDER_STATUS_CHANGE', address);
		expect(await getWebhooks(world.client)).toContainEqual(
			expect.objectContaining({ event_type: 'ORDER_STATUS_CHANGE', address }),
		);
		await deleteWebhook(world.client, 'ORDER_STATUS_CHANGE');
		expect(
			(await getWebhooks(world.client)).some((hook) => hook.event_type === 'ORDER_STATUS_CHANGE'),
		).toBe(false);
	});
});

describe('authorization resource', () => {
	it('lists the shops the token covers, on Get Authorized Shops', async () => {
		const shops = await getAuthorizedShops(world.client);
		expect(shops).toEqual([
			expect.objectContaining({ id: world.sim.shop.id, cipher: world.sim.shop.cipher }),
		]);
		expect(world.sim.requests.at(-1)!.path).toBe(AUTHORIZED_SHOPS_PATH);
	});
});
