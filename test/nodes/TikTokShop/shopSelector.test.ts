import nock from 'nock';
import type { ILoadOptionsFunctions } from 'n8n-workflow';

import { TikTokShop } from '../../../nodes/TikTokShop/TikTokShop.node';
import { TikTokShopHealth } from '../../../nodes/TikTokShopHealth/TikTokShopHealth.node';
import { InventoryPush } from '../../../nodes/InventoryPush/InventoryPush.node';
import { EvidenceSubmit } from '../../../nodes/EvidenceSubmit/EvidenceSubmit.node';
import { ShipBatcher } from '../../../nodes/ShipBatcher/ShipBatcher.node';
import { SettlementReconciler } from '../../../nodes/SettlementReconciler/SettlementReconciler.node';
import { searchShops } from '../../../nodes/shared/tiktok';
import { resetBuckets } from '../../../nodes/shared/tiktok/rateBudget';
import { fakeExecuteFunctions, runNode } from '../../../dev/harness/fakeExecuteFunctions';

const BASE = 'https://open-api.shops.test';
const SHOPS = [
	{
		id: '7001',
		name: 'Maple Hollow',
		region: 'US',
		cipher: 'ROW_maple',
		code: 'A',
		seller_type: 'LOCAL',
	},
	{
		id: '7002',
		name: 'Juniper Yard',
		region: 'US',
		cipher: 'ROW_juniper',
		code: 'B',
		seller_type: 'LOCAL',
	},
	{
		id: '7003',
		name: 'Harbor UK',
		region: 'GB',
		cipher: 'ROW_harbor',
		code: 'C',
		seller_type: 'LOCAL',
	},
];
const credentials = () => ({
	appKey: 'app-key-1',
	appSecret: 'app-secret-1',
	accessToken: 'access-1',
	refreshToken: 'refresh-1',
	accessTokenExpiresAt: 0,
	shopCipher: 'ROW_maple',
	shop: '',
	baseUrl: BASE,
	authBaseUrl: 'https://auth.shops.test',
});
const node = new TikTokShop().nodeVersions[1];
const locator = (value: string) => ({ __rl: true, mode: 'list', value });

function answerShops() {
	nock(BASE)
		.get('/authorization/202309/shops')
		.query(true)
		.reply(200, { code: 0, message: 'Success', data: { shops: SHOPS } })
		.persist();
}

function warehousesSeen(): string[] {
	const ciphers: string[] = [];
	nock(BASE)
		.get('/logistics/202309/warehouses')
		.query((query) => {
			ciphers.push(String(query.shop_cipher));
			return true;
		})
		.reply(200, { code: 0, message: 'Success', data: { warehouses: [{ id: 'w1' }] } })
		.persist();
	return ciphers;
}

beforeEach(() => resetBuckets());
afterEach(() => nock.cleanAll());

describe('the Shop field', () => {
	it('every TikTok node offers it, from the list of authorized shops, defaulting to the credential’s shop', () => {
		for (const Node of [
			TikTokShop,
			TikTokShopHealth,
			InventoryPush,
			EvidenceSubmit,
			ShipBatcher,
			SettlementReconciler,
		]) {
			const version = new Node().nodeVersions[1];
			const shop = version.description.properties.find((property) => property.name === 'shop');
			expect([Node.name, shop?.type, shop?.default]).toEqual([
				Node.name,
				'resourceLocator',
				{ mode: 'list', value: '' },
			]);
			expect(version.methods?.listSearch?.searchShops).toBe(searchShops);
		}
	});

	it('lists the shops the authorization covers, marking those the pack cannot serve', async () => {
		answerShops();
		const context = fakeExecuteFunctions({ parameters: {}, credentials: credentials() });
		const list = await searchShops.call(context as unknown as ILoadOptionsFunctions, 'ha');
		expect(list.results).toEqual([{ name: 'Harbor UK (GB, not supported)', value: '7003' }]);
	});

	it('sends the chosen shop’s cipher, looked up per shop', async () => {
		answerShops();
		const ciphers = warehousesSeen();
		await runNode(node, {
			parameters: {
				resource: 'logistics',
				operation: 'getWarehouses',
				shop: locator('7002'),
				requestOptions: {},
			},
			credentials: credentials(),
			node: { parameters: { shop: locator('7002') } },
		});
		expect(ciphers).toEqual(['ROW_juniper']);
	});

	it('uses the credential’s shop when the field is empty', async () => {
		const ciphers = warehousesSeen();
		await runNode(node, {
			parameters: {
				resource: 'logistics',
				operation: 'getWarehouses',
				shop: locator(''),
				requestOptions: {},
			},
			credentials: credentials(),
			node: { parameters: { shop: locator('') } },
		});
		expect(ciphers).toEqual(['ROW_maple']);
	});

	it.each([
		[
			'a shop the authorization does not cover',
			'9999',
			"is not among the shops the credential's authorization covers: Maple Hollow (id 7001)",
		],
		['a shop outside the US', '7003', 'is a GB shop. This pack serves US shops'],
	])('names the Shop field for %s', async (_case, shop, message) => {
		answerShops();
		warehousesSeen();
		const error = await runNode(node, {
			parameters: {
				resource: 'logistics',
				operation: 'getWarehouses',
				shop: locator(shop),
				requestOptions: {},
			},
			credentials: credentials(),
			node: { parameters: { shop: locator(shop) } },
		}).catch((caught: Error) => caught);
		expect(error).toBeInstanceOf(Error);
		expect((error as Error).message).toMatch(/^Shop: /);
		expect((error as Error).message).toContain(message);
	});
});
