import nock from 'nock';
import type { ICredentialDataDecryptedObject, INode } from 'n8n-workflow';

import type { RateBudget, RateKey } from '../../nodes/shared/tiktok/rateBudget';
import {
	SharedRateBudget,
	closeSharedRateBudgets,
	rateBudgetForNode,
} from '../../nodes/shared/tiktok/sharedRateBudget';
import { API, APP_KEY, CIPHER, makeClient, ok } from './helpers';

/** How a node reaches the shared budget: only with the Redis credential in use, the process's bucket otherwise. */
function context(
	credentials: INode['credentials'],
	redis?: ICredentialDataDecryptedObject | Error,
) {
	const node = { name: 'Ship Batcher', credentials } as INode;
	return {
		getNode: () => node,
		getCredentials: async (type: string) => {
			if (type !== 'tikTokShopRedis' || redis === undefined)
				throw new Error(`Node does not have any credentials set for "${type}"`);
			if (redis instanceof Error) throw redis;
			return redis;
		},
	};
}

const REDIS_CREDENTIAL = {
	host: '127.0.0.1',
	port: 6379,
	user: '',
	password: '',
	database: 0,
	ssl: false,
	keyPrefix: 'shop-a:',
};

afterEach(async () => {
	await closeSharedRateBudgets();
	nock.cleanAll();
});

describe('choosing the rate budget', () => {
	it('keeps to the process when the node has no Redis credential', async () => {
		expect(
			await rateBudgetForNode(context({ tikTokShopApi: { id: '1', name: 'Shop' } })),
		).toBeUndefined();
		expect(await rateBudgetForNode(context(undefined))).toBeUndefined();
	});

	it("keeps to the process when the Redis credential is set but hidden by the node's settings", async () => {
		const hidden = context(
			{ tikTokShopRedis: { id: '2', name: 'Redis' } },
			new Error('Credentials not found'),
		);
		expect(await rateBudgetForNode(hidden)).toBeUndefined();
	});

	it('shares one budget per Redis through the credential, with its key prefix', async () => {
		const withRedis = context({ tikTokShopRedis: { id: '2', name: 'Redis' } }, REDIS_CREDENTIAL);
		const budget = await rateBudgetForNode(withRedis);
		expect(budget).toBeInstanceOf(SharedRateBudget);
		expect(await rateBudgetForNode(withRedis)).toBe(budget);
		expect(
			(budget as SharedRateBudget).keyOf({
				appKey: 'app',
				shop: 'cipher',
				api: '/order/202309/orders',
			}),
		).toBe('shop-a:rate:3:app|6:cipher|20:/order/202309/orders');
	});

	it('makes the client wait in the budget it was given, per app, shop and API family', async () => {
		const taken: Array<[RateKey, number]> = [];
		const rateBudget: RateBudget = { take: async (key, rate) => void taken.push([key, rate]) };
		const { client } = makeClient({}, { rateBudget, ratePerSecond: 40 });
		nock(API)
			.get(/\/product\/202309\/products\/\d+/)
			.times(2)
			.reply(200, ok({}));
		await client.get('/product/202309/products/1729384756102938475');
		await client.get('/product/202309/products/1729384756102938476');
		expect(taken).toEqual([
			[{ appKey: APP_KEY, shop: CIPHER, api: '/product/202309/products/{id}' }, 40],
			[{ appKey: APP_KEY, shop: CIPHER, api: '/product/202309/products/{id}' }, 40],
		]);
	});
});
