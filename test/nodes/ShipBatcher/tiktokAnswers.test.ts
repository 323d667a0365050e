import nock from 'nock';
import { NodeApiError } from 'n8n-workflow';

import { resetBuckets } from '../../../nodes/shared/tiktok/rateBudget';
import { clearShippingProviderCache } from '../../../nodes/ShipBatcher/v1/shipping/shippingProviders';
import { runNode } from '../../../dev/harness/fakeExecuteFunctions';
import { row, shipBatcher } from './simulatedShop';

const BASE = 'https://open-api.test';
const credentials = {
	appKey: 'app-key-1',
	appSecret: 'app-secret-1',
	accessToken: 'access-1',
	refreshToken: '',
	accessTokenExpiresAt: 0,
	shopCipher: 'CIPHER1',
	shop: '',
	baseUrl: BASE,
	authBaseUrl: 'https://auth.test',
};
const OPTION = '7129963723675736203';
const now = Math.floor(Date.now() / 1000);

/** Get Order Detail's shape for a seller-shipped US order with one open package. */
function order(id: string, packageId: string, tracking?: string) {
	return {
		id,
		status: tracking ? 'IN_TRANSIT' : 'AWAITING_SHIPMENT',
		is_on_hold_order: false,
		shipping_type: 'SELLER',
		delivery_option_id: OPTION,
		paid_time: now - 86400,
		rts_sla_time: now + 2 * 86400,
		shipping_due_time: now + 3 * 86400,
		packages: [{ id: packageId }],
		recipient_address: { region_code: 'US' },
		line_items: [
			{
				id: `${id}1`,
				package_id: packageId,
				...(tracking
					? { tracking_number: tracking, shipping_provider_id: '6617634144517368017' }
					: {}),
			},
		],
	};
}

function ok(data: object) {
	return [200, { code: 0, message: 'Success', request_id: '2026112508000001', data }] as const;
}

const ORDERS = [
	'576684019603311365',
	'576684019603311366',
	'576684019603311367',
	'576684019603311368',
];
const PACKAGES = [
	'1152965687616007937',
	'1152965687616007938',
	'1152965687616007939',
	'1152965687616007940',
];
const NUMBERS = [
	'1Z999AA10123456784',
	'TBA502887274000',
	'D10011354453707',
	'9400111202555842332669',
];
const CARRIERS = ['UPS', 'Amazon Shipping', 'OnTrac', 'USPS'];

function items() {
	return ORDERS.map((orderId, index) =>
		row({
			order_id: orderId,
			package_id: PACKAGES[index],
			tracking_number: NUMBERS[index],
			carrier: CARRIERS[index],
		}),
	);
}

function run(continueOnFail = false) {
	return runNode(shipBatcher, {
		credentials,
		items: items(),
		continueOnFail,
		parameters: { trackingHistory: 'none', options: { maxRetries: 0 } },
	});
}

beforeEach(() => {
	resetBuckets();
	clearShippingProviderCache();
	nock.disableNetConnect();
});
afterEach(() => {
	nock.cleanAll();
	nock.enableNetConnect();
});

function providers() {
	nock(BASE)
		.get(`/logistics/202309/delivery_options/${OPTION}/shipping_providers`)
		.query(true)
		.reply(
			...ok({
				shipping_providers: [
					{ id: '6617634144517368017', name: 'UPS' },
					{ id: '6617692527704900376', name: 'USPS' },
					{ id: '6617691186385160718', name: 'OnTrac' },
					{ id: '6617691186385160719', name: 'Amazon Shipping' },
				],
			}),
		);
}

describe('TikTok answers, item by item', () => {
	it('ties each data.errors entry to its package, and re-checks "already shipped" against the order', async () => {
		nock(BASE)
			.get('/order/202309/orders')
			.query(true)
			.reply(...ok({ orders: ORDERS.map((id, index) => order(id, PACKAGES[index])) }));
		providers();
		nock(BASE)
			.post('/fulfillment/202309/packages/ship')
			.query(true)
			.reply(
				...ok({
					errors: [
						{
							code: 21011020,
							message: 'These orders are already shipped.',
							detail: { package_id: PACKAGES[1] },
						},
						{
							code: 21011007,
							message:
								'Package item has after-sale request, please process the after-sale request first.',
							detail: { package_id: PACKAGES[2] },
						},
						{
							code: 21011020,
							message: 'These orders are already shipped.',
							detail: { package_id: PACKAGES[3] },
						},
					],
				}),
			);
		// Meanwhile another run shipped order 2 with this very number, and order 4 with another one.
		nock(BASE)
			.get('/order/202309/orders')
			.query((query) => query.ids === `${ORDERS[1]},${ORDERS[3]}`)
			.reply(
				...ok({
					orders: [
						order(ORDERS[1], PACKAGES[1], NUMBERS[1]),
						order(ORDERS[3], PACKAGES[3], '9400111202555842332676'),
					],
				}),
			);

		const [shipped, attention] = await run();

		expect(shipped.map((item) => [item.pairedItem, item.json.shipped_by])).toEqual([
			[{ item: 0 }, 'batch_ship_packages'],
			[{ item: 1 }, 'already_shipped'],
		]);
		expect(
			attention.map((item) => [
				item.pairedItem,
				item.json.reason,
				item.json.tiktok_code,
				item.json.tiktok_request_id,
			]),
		).toEqual([
			[{ item: 2 }, 'after_sale_pending', 21011007, '2026112508000001'],
			[{ item: 3 }, 'already_shipped_different_tracking', null, null],
		]);
		expect(attention[1].json.message).toContain('9400111202555842332676');
		expect(nock.isDone()).toBe(true);
	});

	it('counts no package of a batch as shipped when TikTok reports an error it ties to none', async () => {
		nock(BASE)
			.get('/order/202309/orders')
			.query(true)
			.reply(...ok({ orders: ORDERS.map((id, index) => order(id, PACKAGES[index])) }));
		providers();
		nock(BASE)
			.post('/fulfillment/202309/packages/ship')
			.query(true)
			.reply(
				...ok({
					errors: [{ code: 21001011, message: 'System process error, please try again later.' }],
				}),
			);
		const [shipped, attention] = await run();
		expect(shipped).toEqual([]);
		expect(attention.map((item) => [item.json.reason, item.json.tiktok_code])).toEqual(
			Array(4).fill(['tiktok_rejected', 21001011]),
		);
	});

	it("stops on a credential TikTok refuses, and with Continue On Fail puts every item on Needs Attention with TikTok's answer", async () => {
		const refuse = () =>
			nock(BASE).get('/order/202309/orders').query(true).reply(401, {
				code: 106001,
				message: 'Invalid signature, please check your sign',
				request_id: '2026112508000009',
			});
		refuse();
		const error = await run().catch((thrown: unknown) => thrown);
		expect(error).toBeInstanceOf(NodeApiError);
		expect((error as NodeApiError).message).toContain('Invalid signature');

		refuse();
		const [shipped, attention] = await run(true);
		expect(shipped).toEqual([]);
		expect(
			attention.map((item) => [
				item.pairedItem,
				item.json.reason,
				item.json.tiktok_code,
				item.json.tiktok_request_id,
			]),
		).toEqual(
			[0, 1, 2, 3].map((index) => [{ item: index }, 'node_error', 106001, '2026112508000009']),
		);
		expect(attention[0].json.message).toContain('App Key and App Secret');
	});
});
