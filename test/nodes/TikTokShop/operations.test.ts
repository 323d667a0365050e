import nock from 'nock';

import { TikTokShop } from '../../../nodes/TikTokShop/TikTokShop.node';
import { signRequest } from '../../../nodes/shared/tiktok/sign';
import { resetBuckets } from '../../../nodes/shared/tiktok/rateBudget';
import { runNode } from '../../../dev/harness/fakeExecuteFunctions';

const BASE = 'https://open-api.test';
const credentials = {
	appKey: 'app-key-1',
	appSecret: 'app-secret-1',
	accessToken: 'access-1',
	refreshToken: 'refresh-1',
	accessTokenExpiresAt: 0,
	shopCipher: 'CIPHER1',
	shop: '',
	baseUrl: BASE,
	authBaseUrl: 'https://auth.test',
};
const node = new TikTokShop().nodeVersions[1];

interface Seen {
	path: string;
	query: Record<string, string>;
	body: string;
}

/** Answers every call to `path` and records what arrived, checking the signature as TikTok would. */
function answer(method: 'get' | 'post', path: string | RegExp, replies: object[]): Seen[] {
	const seen: Seen[] = [];
	for (const data of replies) {
		const scope = nock(BASE);
		scope[method](path)
			.query(true)
			.reply(function (uri, body) {
				const url = new URL(uri, BASE);
				const query = Object.fromEntries(url.searchParams);
				const raw =
					typeof body === 'string'
						? body
						: body && Object.keys(body).length
							? JSON.stringify(body)
							: '';
				const { sign, ...unsigned } = query;
				expect(sign).toBe(
					signRequest(credentials.appSecret, url.pathname, unsigned, raw || undefined),
				);
				expect(this.req.headers['x-tts-access-token']).toBe('access-1');
				seen.push({ path: url.pathname, query, body: raw });
				return [200, { code: 0, message: 'Success', request_id: 'req-1', data }];
			});
	}
	return seen;
}

beforeEach(() => {
	resetBuckets();
	nock.disableNetConnect();
});
afterEach(() => {
	nock.cleanAll();
	nock.enableNetConnect();
});

describe('TikTok Shop node operations build the documented requests', () => {
	it('order search sends filters as Unix seconds, pages with next_page_token and pairs items', async () => {
		const seen = answer('post', '/order/202309/orders/search', [
			{ orders: [{ id: '576684019603311365' }], next_page_token: 'p2', total_count: 2 },
			{ orders: [{ id: '576684019603311366' }], next_page_token: '', total_count: 2 },
		]);
		const [out] = await runNode(node, {
			credentials,
			parameters: {
				resource: 'order',
				operation: 'search',
				returnAll: true,
				sortField: 'update_time',
				filters: { orderStatus: 'AWAITING_SHIPMENT', updatedAfter: '2026-11-24T00:00:00Z' },
			},
		});
		expect(out.map((item) => item.json.id)).toEqual(['576684019603311365', '576684019603311366']);
		expect(out.every((item) => (item.pairedItem as { item: number }).item === 0)).toBe(true);
		expect(JSON.parse(seen[0].body)).toEqual({
			order_status: 'AWAITING_SHIPMENT',
			update_time_ge: 1795478400,
		});
		expect(seen[0].query).toMatchObject({
			page_size: '100',
			sort_field: 'update_time',
			shop_cipher: 'CIPHER1',
			app_key: 'app-key-1',
		});
		expect(seen[1].query.page_token).toBe('p2');
	});

	it('order search stops at the limit', async () => {
		answer('post', '/order/202309/orders/search', [
			{ orders: [{ id: '1' }, { id: '2' }, { id: '3' }], next_page_token: 'more' },
		]);
		const [out] = await runNode(node, {
			credentials,
			parameters: {
				resource: 'order',
				operation: 'search',
				returnAll: false,
				limit: 2,
				filters: {},
			},
		});
		expect(out).toHaveLength(2);
	});

	it('order get chunks ids into calls of at most 50', async () => {
		const ids = Array.from({ length: 120 }, (_, index) =>
			String(576684019603311365n + BigInt(index)),
		);
		const seen = answer('get', '/order/202309/orders', [
			{ orders: ids.slice(0, 50).map((id) => ({ id })) },
			{ orders: ids.slice(50, 100).map((id) => ({ id })) },
			{ orders: ids.slice(100).map((id) => ({ id })) },
		]);
		const [out] = await runNode(node, {
			credentials,
			parameters: { resource: 'order', operation: 'get', orderIds: ids.join(', ') },
		});
		expect(seen.map((call) => call.query.ids.split(',').length)).toEqual([50, 50, 20]);
		expect(out.map((item) => item.json.id)).toEqual(ids);
	});

	it('package get and search use the fulfillment paths', async () => {
		const get = answer('get', '/fulfillment/202309/packages/1152921504606846976', [
			{ id: '1152921504606846976' },
		]);
		const [one] = await runNode(node, {
			credentials,
			parameters: { resource: 'package', operation: 'get', packageId: '1152921504606846976' },
		});
		expect(one[0].json.id).toBe('1152921504606846976');
		expect(get).toHaveLength(1);
		const search = answer('post', '/fulfillment/202309/packages/search', [
			{ packages: [{ id: 'a' }], next_page_token: '' },
		]);
		await runNode(node, {
			credentials,
			parameters: {
				resource: 'package',
				operation: 'search',
				returnAll: true,
				filters: { packageStatus: 'PROCESSING' },
			},
		});
		expect(JSON.parse(search[0].body)).toEqual({ package_status: 'PROCESSING' });
		expect(search[0].query.page_size).toBe('50');
	});

	it('logistics operations walk warehouses, delivery options and providers', async () => {
		answer('get', '/logistics/202309/warehouses', [{ warehouses: [{ id: 'w1' }, { id: 'w2' }] }]);
		const [warehouses] = await runNode(node, {
			credentials,
			parameters: { resource: 'logistics', operation: 'getWarehouses' },
		});
		expect(warehouses).toHaveLength(2);
		answer('get', '/logistics/202309/warehouses/w1/delivery_options', [
			{ delivery_options: [{ id: 'd1', type: 'SEND_BY_SELLER' }] },
		]);
		const [options] = await runNode(node, {
			credentials,
			parameters: { resource: 'logistics', operation: 'getDeliveryOptions', warehouseId: 'w1' },
		});
		expect(options[0].json.id).toBe('d1');
		answer('get', '/logistics/202309/delivery_options/d1/shipping_providers', [
			{ shipping_providers: [{ id: 'p1', name: 'USPS' }] },
		]);
		const [providers] = await runNode(node, {
			credentials,
			parameters: {
				resource: 'logistics',
				operation: 'getShippingProviders',
				deliveryOptionId: 'd1',
			},
		});
		expect(providers[0].json).toEqual({ id: 'p1', name: 'USPS' });
	});

	it('return search, approve and reject send the documented bodies with an idempotency key', async () => {
		const search = answer('post', '/return_refund/202309/returns/search', [
			{ return_orders: [{ return_id: 'r1' }], next_page_token: '' },
		]);
		await runNode(node, {
			credentials,
			parameters: {
				resource: 'return',
				operation: 'search',
				returnAll: true,
				filters: { returnStatus: ['RETURN_OR_REFUND_REQUEST_PENDING'], orderIds: '1, 2' },
			},
		});
		expect(JSON.parse(search[0].body)).toEqual({
			return_status: ['RETURN_OR_REFUND_REQUEST_PENDING'],
			order_ids: ['1', '2'],
		});

		const approve = answer('post', '/return_refund/202309/returns/r1/approve', [{}, {}]);
		const approveParameters = {
			resource: 'return',
			operation: 'approve',
			returnId: 'r1',
			decision: 'OFFER_PARTIAL_REFUND',
			partialRefundAmount: '12.50',
			idempotencyKey: '',
		};
		await runNode(node, { credentials, parameters: approveParameters });
		await runNode(node, { credentials, parameters: approveParameters });
		expect(JSON.parse(approve[0].body)).toEqual({
			decision: 'OFFER_PARTIAL_REFUND',
			partial_refund: { currency: 'USD', amount: '12.50' },
		});
		expect(approve[0].query.idempotency_key).toMatch(/^n8n-[0-9a-f]{40}$/);
		expect(approve[1].query.idempotency_key).toBe(approve[0].query.idempotency_key);

		const reject = answer('post', '/return_refund/202309/returns/r1/reject', [{}]);
		const [rejected] = await runNode(node, {
			credentials,
			parameters: {
				resource: 'return',
				operation: 'reject',
				returnId: 'r1',
				decision: 'REJECT_REFUND',
				rejectReason: 'seller_reject_apply_product_not_returned',
				comment: 'Delivered with signature',
				evidenceImages: {
					image: [
						{ uri: 'tos-img-1', mimeType: 'image/jpeg', width: 1200, height: 900 },
						{ uri: 'tos-img-2', mimeType: 'image/png', width: 640, height: 480 },
					],
				},
				idempotencyKey: 'case-r1',
			},
		});
		expect(JSON.parse(reject[0].body)).toEqual({
			decision: 'REJECT_REFUND',
			reject_reason: 'seller_reject_apply_product_not_returned',
			comment: 'Delivered with signature',
			images: [
				{ image_id: 'tos-img-1', mime_type: 'image/jpeg', width: 1200, height: 900 },
				{ image_id: 'tos-img-2', mime_type: 'image/png', width: 640, height: 480 },
			],
		});
		expect(reject[0].query.idempotency_key).toBe('case-r1');
		expect(rejected[0].json.idempotency_key).toBe('case-r1');

		await expect(
			runNode(node, {
				credentials,
				parameters: {
					resource: 'return',
					operation: 'reject',
					returnId: 'r1',
					decision: 'REJECT_REFUND',
					rejectReason: 'x',
					evidenceImages: {
						image: [{ uri: 'tos-img-3', mimeType: 'image/png', width: 0, height: 480 }],
					},
				},
			}),
		).rejects.toThrow('Evidence image 1 (tos-img-3) has width 0');
		await expect(
			runNode(node, {
				credentials,
				parameters: {
					resource: 'return',
					operation: 'reject',
					returnId: 'r1',
					decision: 'REJECT_REFUND',
					rejectReason: 'x',
					evidenceImages: {
						image: [{ uri: '  ', mimeType: 'image/png', width: 640, height: 480 }],
					},
				},
			}),
		).rejects.toThrow(
			'Evidence image 1 has no URI. Upload the image first and use the "uri" it returned.',
		);
	});

	it('finance operations use the required sort fields, Get Payments 202605 and the 202501 transaction paths', async () => {
		const statements = answer('get', '/finance/202309/statements', [
			{ statements: [{ id: 's1' }], next_page_token: '' },
		]);
		await runNode(node, {
			credentials,
			parameters: {
				resource: 'finance',
				operation: 'getStatements',
				returnAll: true,
				from: '2026-11-01T00:00:00Z',
				to: '',
				paymentStatus: 'PAID',
			},
		});
		expect(statements[0].query).toMatchObject({
			sort_field: 'statement_time',
			statement_time_ge: '1793491200',
			payment_status: 'PAID',
		});
		// 202309 was switched off on 2026-08-15 (release note p48h74af); 202605 is the only Get Payments version left.
		const payments = answer('get', '/finance/202605/payments', [
			{ payments: [{ id: 'p1' }], next_page_token: '' },
		]);
		await runNode(node, {
			credentials,
			parameters: {
				resource: 'finance',
				operation: 'getPayments',
				returnAll: true,
				from: '',
				to: '',
			},
		});
		expect(payments[0].query.sort_field).toBe('create_time');
		const transactions = answer('get', '/finance/202501/statements/s1/statement_transactions', [
			{ transactions: [{ id: 't1' }], next_page_token: '' },
		]);
		const [rows] = await runNode(node, {
			credentials,
			parameters: {
				resource: 'finance',
				operation: 'getStatementTransactions',
				returnAll: true,
				statementId: 's1',
			},
		});
		expect(transactions[0].query.sort_field).toBe('order_create_time');
		expect(rows[0].json).toEqual({ statement_id: 's1', id: 't1' });
		answer('get', '/finance/202501/orders/o1/statement_transactions', [
			{ order_id: 'o1', sku_transactions: [] },
		]);
		const [order] = await runNode(node, {
			credentials,
			parameters: { resource: 'finance', operation: 'getOrderTransactions', orderId: 'o1' },
		});
		expect(order[0].json.order_id).toBe('o1');
	});
});

describe('TikTok Shop node errors', () => {
	it('Continue On Fail turns a TikTok error into an error item with code and request_id, paired to its input', async () => {
		nock(BASE)
			.get('/fulfillment/202309/packages/bad')
			.query(true)
			.reply(200, { code: 21001001, message: 'package not found', request_id: 'req-9' });
		answer('get', '/fulfillment/202309/packages/good', [{ id: 'good' }]);
		const [out] = await runNode(node, {
			credentials,
			continueOnFail: true,
			items: [{ json: { id: 'bad' } }, { json: { id: 'good' } }],
			parameters: {
				resource: 'package',
				operation: 'get',
				packageId: (index: number) => (index === 0 ? 'bad' : 'good'),
			},
		});
		expect(out).toHaveLength(2);
		// Only error/message/details: what n8n moves to the error output under "Continue (using error output)".
		expect(Object.keys(out[0].json).sort()).toEqual(['details', 'error']);
		expect(out[0].json.details).toMatchObject({
			code: 21001001,
			request_id: 'req-9',
			itemIndex: 0,
		});
		expect(String(out[0].json.error)).toContain('package not found');
		expect(out[0].pairedItem).toEqual({ item: 0 });
		expect(out[1].json.id).toBe('good');
	});

	it('without Continue On Fail the NodeApiError carries the item index and TikTok code', async () => {
		nock(BASE)
			.get('/fulfillment/202309/packages/bad')
			.query(true)
			.reply(200, { code: 21001001, message: 'package not found', request_id: 'req-9' });
		await expect(
			runNode(node, {
				credentials,
				parameters: { resource: 'package', operation: 'get', packageId: 'bad' },
			}),
		).rejects.toMatchObject({
			tiktokCode: 21001001,
			requestId: 'req-9',
			context: expect.objectContaining({ itemIndex: 0 }),
		});
	});

	it('a bad date names the field', async () => {
		await expect(
			runNode(node, {
				credentials,
				parameters: {
					resource: 'order',
					operation: 'search',
					returnAll: true,
					filters: { updatedAfter: 'yesterday-ish' },
				},
			}),
		).rejects.toThrow('"Updated After" is not a date');
	});

	it('a missing credential field is named', async () => {
		await expect(
			runNode(node, {
				credentials: { ...credentials, appSecret: '' },
				parameters: { resource: 'order', operation: 'get', orderIds: '1' },
			}),
		).rejects.toThrow(/appSecret/);
	});
});
