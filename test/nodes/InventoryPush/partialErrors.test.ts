import nock from 'nock';

import { runNode } from '../../../dev/harness/fakeExecuteFunctions';
import { pushNode, useFreshStoreFolder } from './pushHarness';

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
const RENO = '7068229650162166000';
const OHIO = '7068466766908908553';
const NJ = '7068551203398731776';
const PRODUCT = '1729382146001';
const envelope = (data: object) => ({
	code: 0,
	message: 'Success',
	request_id: '2026112509301234ABCD',
	data,
});

/** A product with three SKUs as TikTok's products/search returns it. */
function catalogue(skus: Array<{ id: string; seller_sku: string; warehouses: string[] }>) {
	return {
		products: [
			{
				id: PRODUCT,
				status: 'ACTIVATE',
				skus: skus.map((sku) => ({
					id: sku.id,
					seller_sku: sku.seller_sku,
					inventory: sku.warehouses.map((warehouse_id) => ({ warehouse_id, quantity: 1 })),
				})),
			},
		],
		next_page_token: '',
		total_count: 1,
	};
}

function inventory(
	skus: Array<{ id: string; seller_sku: string; warehouses: Record<string, number> }>,
) {
	return {
		inventory: [
			{
				product_id: PRODUCT,
				skus: skus.map((sku) => ({
					id: sku.id,
					seller_sku: sku.seller_sku,
					warehouse_inventory: Object.entries(sku.warehouses).map(
						([warehouse_id, available_quantity]) => ({
							warehouse_id,
							available_quantity,
							committed_quantity: 0,
						}),
					),
				})),
			},
		],
	};
}

/** TikTok's catalogue and its inventory search, as the push reads them first. */
function shopHas(
	skus: Array<{ id: string; seller_sku: string; warehouses: string[] }>,
	quantities: Array<{ id: string; seller_sku: string; warehouses: Record<string, number> }>,
) {
	nock(BASE)
		.post('/product/202309/products/search')
		.query(true)
		.reply(200, envelope(catalogue(skus)));
	nock(BASE)
		.post('/product/202309/inventory/search')
		.query(true)
		.reply(200, envelope(inventory(quantities)));
}

async function run(rows: Array<{ sku: string; quantity: number }>) {
	const [updated, unchanged, needsAttention] = await runNode(pushNode, {
		credentials,
		items: rows.map((json) => ({ json })),
		parameters: {
			stockSource: 'input',
			sku: (index: number) => rows[index].sku,
			quantity: (index: number) => rows[index].quantity,
			defaultWarehouseId: RENO,
			options: { maxRetries: 0 },
		},
	});
	return {
		updated: updated.map((item) => item.json),
		unchanged: unchanged.map((item) => item.json),
		needsAttention: needsAttention.map((item) => item.json),
	};
}

beforeEach(() => nock.disableNetConnect());
afterEach(() => {
	nock.cleanAll();
	nock.enableNetConnect();
});
useFreshStoreFolder();

describe('partial errors from inventory update (data.errors with code 0)', () => {
	it('sends each refused SKU to Needs Attention with its per-warehouse reasons, and the rest to Updated', async () => {
		const skus = [
			{ id: '1729001', seller_sku: 'TEE-WHT-S', warehouses: [RENO, OHIO] },
			{ id: '1729002', seller_sku: 'TEE-WHT-M', warehouses: [RENO] },
			{ id: '1729003', seller_sku: 'TEE-WHT-L', warehouses: [RENO, NJ] },
		];
		shopHas(skus, [
			{ ...skus[0], warehouses: { [RENO]: 1, [OHIO]: 1 } },
			{ ...skus[1], warehouses: { [RENO]: 1 } },
			{ ...skus[2], warehouses: { [RENO]: 1, [NJ]: 1 } },
		]);
		let sent: unknown;
		nock(BASE)
			.post(`/product/202309/products/${PRODUCT}/inventory/update`)
			.query(true)
			.reply(200, (_uri, body) => {
				sent = body;
				return envelope({
					errors: [
						{
							code: 12019021,
							message: 'Invalid inventory quantity',
							detail: {
								sku_id: '1729001',
								extra_errors: [
									{
										warehouse_id: RENO,
										code: 12019021,
										message: 'quantity exceeds the warehouse limit',
									},
								],
							},
						},
						{
							code: 12019016,
							message: 'SKU is locked by a promotion',
							detail: { sku_id: '1729003', extra_errors: [] },
						},
					],
				});
			});

		const out = await run([
			{ sku: 'TEE-WHT-S', quantity: 40 },
			{ sku: 'TEE-WHT-M', quantity: 7 },
			{ sku: 'TEE-WHT-L', quantity: 9 },
		]);

		expect(sent).toEqual({
			skus: [
				{
					id: '1729001',
					inventory: [
						{ warehouse_id: RENO, quantity: 40 },
						{ warehouse_id: OHIO, quantity: 0 },
					],
				},
				{ id: '1729002', inventory: [{ warehouse_id: RENO, quantity: 7 }] },
				{
					id: '1729003',
					inventory: [
						{ warehouse_id: RENO, quantity: 9 },
						{ warehouse_id: NJ, quantity: 0 },
					],
				},
			],
		});
		expect(out.updated.map((item) => item.sellerSku)).toEqual(['TEE-WHT-M']);
		expect(out.needsAttention.map((item) => [item.sellerSku, item.reason])).toEqual([
			['TEE-WHT-S', 'rejectedByTikTok'],
			['TEE-WHT-L', 'rejectedByTikTok'],
		]);
		expect(out.needsAttention[0]).toMatchObject({
			quantityBefore: 2,
			quantityAfter: 2,
			plannedQuantity: 40,
			tiktok: { code: 12019021, request_id: '2026112509301234ABCD' },
			warehouseErrors: [
				{ warehouse_id: RENO, code: 12019021, message: 'quantity exceeds the warehouse limit' },
			],
		});
		expect(out.needsAttention[0].message).toContain(
			`warehouse ${RENO}: quantity exceeds the warehouse limit (code 12019021)`,
		);
	});

	it('a refusal that names no SKU is held against every SKU of that update that has none of its own', async () => {
		const skus = [
			{ id: '1729201', seller_sku: 'CAP-RED', warehouses: [RENO] },
			{ id: '1729202', seller_sku: 'CAP-BLU', warehouses: [RENO] },
		];
		shopHas(skus, [
			{ ...skus[0], warehouses: { [RENO]: 1 } },
			{ ...skus[1], warehouses: { [RENO]: 1 } },
		]);
		nock(BASE)
			.post(`/product/202309/products/${PRODUCT}/inventory/update`)
			.query(true)
			.reply(
				200,
				envelope({
					errors: [
						{ code: 12019016, message: 'Product is locked by a promotion', detail: {} },
						{
							code: 12019021,
							message: 'Invalid inventory quantity',
							detail: { sku_id: '1729202' },
						},
					],
				}),
			);

		const out = await run([
			{ sku: 'CAP-RED', quantity: 5 },
			{ sku: 'CAP-BLU', quantity: 6 },
		]);

		expect(out.updated).toEqual([]);
		expect(out.needsAttention.map((item) => [item.sellerSku, item.reason])).toEqual([
			['CAP-RED', 'refusedWithoutSku'],
			['CAP-BLU', 'rejectedByTikTok'],
		]);
		expect(out.needsAttention[0]).toMatchObject({
			tiktok: { code: 12019016, request_id: '2026112509301234ABCD' },
		});
		expect(out.needsAttention[0].message).toMatch(
			/without saying which SKU: Product is locked by a promotion \(code 12019016\)\. SKU 1729201 \(CAP-RED\) may not have changed; run the push again/,
		);
	});

	it('when TikTok refuses a 0, says so and never lists 1 instead', async () => {
		const skus = [{ id: '1729101', seller_sku: 'MUG-BLK', warehouses: [RENO, OHIO] }];
		shopHas(skus, [{ ...skus[0], warehouses: { [RENO]: 3, [OHIO]: 2 } }]);
		const bodies: unknown[] = [];
		nock(BASE)
			.post(`/product/202309/products/${PRODUCT}/inventory/update`)
			.query(true)
			.reply(200, (_uri, body) => {
				bodies.push(body);
				return envelope({
					errors: [
						{
							code: 12052055,
							message:
								'The SKU inventory quantity for the warehouse must be within allowed limits.',
							detail: {
								sku_id: '1729101',
								extra_errors: [
									{
										warehouse_id: OHIO,
										code: 12052055,
										message:
											'The SKU inventory quantity for the warehouse must be within allowed limits.',
									},
								],
							},
						},
					],
				});
			});

		const out = await run([{ sku: 'MUG-BLK', quantity: 6 }]);
		expect(bodies).toHaveLength(1);
		expect(out.needsAttention[0]).toMatchObject({
			reason: 'zeroRefused',
			quantityBefore: 5,
			quantityAfter: 5,
		});
		expect(out.needsAttention[0].message).toContain('deactivate the listing in Seller Center');
		expect(out.needsAttention[0].message).toContain(
			`TikTok refused quantity 0 for warehouse ${OHIO} (code 12052055`,
		);
	});

	it("a refusal with another code on a warehouse going to 0 stays a plain rejection with TikTok's words", async () => {
		const skus = [{ id: '1729102', seller_sku: 'MUG-RED', warehouses: [RENO, OHIO] }];
		shopHas(skus, [{ ...skus[0], warehouses: { [RENO]: 3, [OHIO]: 2 } }]);
		nock(BASE)
			.post(`/product/202309/products/${PRODUCT}/inventory/update`)
			.query(true)
			.reply(
				200,
				envelope({
					errors: [
						{
							code: 12052531,
							message: 'The warehouse is disabled.',
							detail: {
								sku_id: '1729102',
								extra_errors: [
									{ warehouse_id: OHIO, code: 12052531, message: 'The warehouse is disabled.' },
								],
							},
						},
					],
				}),
			);

		const out = await run([{ sku: 'MUG-RED', quantity: 6 }]);
		expect(out.needsAttention[0]).toMatchObject({
			reason: 'rejectedByTikTok',
			warehouseErrors: [{ warehouse_id: OHIO, code: 12052531 }],
		});
		expect(out.needsAttention[0].message).toContain(
			`warehouse ${OHIO}: The warehouse is disabled. (code 12052531)`,
		);
	});

	it('on 12019028 reads the product detail and retries once with the warehouses TikTok now assigns', async () => {
		const skus = [{ id: '1729201', seller_sku: 'CAP-NVY', warehouses: [RENO] }];
		shopHas(skus, [{ ...skus[0], warehouses: { [RENO]: 2 } }]);
		const bodies: unknown[] = [];
		nock(BASE)
			.post(`/product/202309/products/${PRODUCT}/inventory/update`)
			.query(true)
			.times(2)
			.reply(200, (_uri, body) => {
				bodies.push(body);
				return bodies.length === 1
					? envelope({
							errors: [
								{
									code: 12019028,
									message: 'Warehouses mismatch',
									detail: {
										sku_id: '1729201',
										extra_errors: [{ warehouse_id: NJ, code: 12019028, message: 'missing' }],
									},
								},
							],
						})
					: envelope({});
			});
		nock(BASE)
			.get(`/product/202309/products/${PRODUCT}`)
			.query(true)
			.reply(
				200,
				envelope({
					id: PRODUCT,
					status: 'ACTIVATE',
					skus: [
						{
							id: '1729201',
							seller_sku: 'CAP-NVY',
							inventory: [
								{ warehouse_id: RENO, quantity: 2 },
								{ warehouse_id: NJ, quantity: 4 },
							],
						},
					],
				}),
			);

		const out = await run([{ sku: 'CAP-NVY', quantity: 10 }]);
		expect(bodies).toEqual([
			{ skus: [{ id: '1729201', inventory: [{ warehouse_id: RENO, quantity: 10 }] }] },
			{
				skus: [
					{
						id: '1729201',
						inventory: [
							{ warehouse_id: RENO, quantity: 10 },
							{ warehouse_id: NJ, quantity: 0 },
						],
					},
				],
			},
		]);
		expect(out.updated[0]).toMatchObject({ quantityBefore: 6, quantityAfter: 10 });
		expect(nock.isDone()).toBe(true);
	});
});
