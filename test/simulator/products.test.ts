import type { TikTokShopClient } from '../../nodes/shared/tiktok/client';
import { TikTokApiError } from '../../nodes/shared/tiktok/errors';
import { clientFor, rawCall, TINY_PNG } from '../../dev/harness/simulatorClient';
import { startSimulator, type Product, type RunningSimulator } from '../../dev/simulator/index';

let sim: RunningSimulator;
let client: TikTokShopClient;

beforeAll(async () => {
	sim = await startSimulator({ orders: 60 });
	client = clientFor(sim);
});
afterAll(() => sim.close());
beforeEach(() => sim.reset());

type InventoryErrors = {
	errors?: Array<{
		code: number;
		detail: { sku_id: string; extra_errors: Array<{ warehouse_id: string; code: number }> };
	}>;
};

const activeWith = (predicate: (product: Product) => boolean) =>
	sim.state.products.find((p) => p.status === 'ACTIVATE' && predicate(p))!;

describe('inventory (reference §6)', () => {
	it('updates every warehouse of a SKU and reads it back', async () => {
		const product = activeWith((p) => p.skus.some((sku) => sku.inventory.length === 2));
		const sku = product.skus.find((candidate) => candidate.inventory.length === 2)!;
		const [a, b] = sku.inventory.map((entry) => entry.warehouse_id);
		const { data } = await client.post<InventoryErrors>(
			`/product/202309/products/${product.id}/inventory/update`,
			{
				skus: [
					{
						id: sku.id,
						inventory: [
							{ warehouse_id: a, quantity: 7 },
							{ warehouse_id: b, quantity: 0 },
						],
					},
				],
			},
		);
		expect(data.errors).toBeUndefined();
		const { data: read } = await client.post<{
			inventory: Array<{
				skus: Array<{
					id: string;
					total_available_quantity: number;
					warehouse_inventory: Array<{ warehouse_id: string; available_quantity: number }>;
				}>;
			}>;
		}>('/product/202309/inventory/search', { sku_ids: [sku.id] });
		expect(read.inventory[0].skus[0]).toMatchObject({ id: sku.id, total_available_quantity: 7 });
		expect(sim.mutations).toEqual([
			expect.objectContaining({ type: 'inventoryUpdate', productId: product.id, failedSkuIds: [] }),
		]);
	});

	it('fails a SKU with 12019028 when one of its warehouses is missing, inside a code-0 answer', async () => {
		const product = activeWith(
			(p) => p.skus.length >= 2 && p.skus.some((sku) => sku.inventory.length === 2),
		);
		const twoWarehouses = product.skus.find((candidate) => candidate.inventory.length === 2)!;
		const other = product.skus.find((candidate) => candidate !== twoWarehouses)!;
		const { data } = await client.post<InventoryErrors>(
			`/product/202309/products/${product.id}/inventory/update`,
			{
				skus: [
					{
						id: twoWarehouses.id,
						inventory: [{ warehouse_id: twoWarehouses.inventory[0].warehouse_id, quantity: 5 }],
					},
					{
						id: other.id,
						inventory: other.inventory.map((entry) => ({
							warehouse_id: entry.warehouse_id,
							quantity: 11,
						})),
					},
				],
			},
		);
		expect(data.errors).toEqual([
			{
				code: 12019028,
				message: expect.any(String),
				detail: {
					sku_id: twoWarehouses.id,
					extra_errors: [
						expect.objectContaining({
							warehouse_id: twoWarehouses.inventory[1].warehouse_id,
							code: 12019028,
						}),
					],
				},
			},
		]);
		expect(other.inventory.every((entry) => entry.quantity === 11)).toBe(true);
		expect(sim.mutations[0]).toMatchObject({
			type: 'inventoryUpdate',
			failedSkuIds: [twoWarehouses.id],
		});
	});

	it('refuses foreign SKUs, bad quantities and inactive products', async () => {
		const product = activeWith((p) => p.skus.length >= 1);
		const foreign = sim.state.products.find((p) => p !== product)!.skus[0];
		const sku = product.skus[0];
		const { data } = await client.post<InventoryErrors>(
			`/product/202309/products/${product.id}/inventory/update`,
			{
				skus: [
					{
						id: foreign.id,
						inventory: foreign.inventory.map((entry) => ({
							warehouse_id: entry.warehouse_id,
							quantity: 1,
						})),
					},
					{
						id: sku.id,
						inventory: sku.inventory.map((entry) => ({
							warehouse_id: entry.warehouse_id,
							quantity: 100_000,
						})),
					},
				],
			},
		);
		expect(data.errors?.map((error) => [error.detail.sku_id, error.code])).toEqual([
			[foreign.id, 12019016],
			[sku.id, 12052055],
		]);
		expect(sim.mutations).toHaveLength(0);
		const inactive = sim.state.products.find((p) => p.status !== 'ACTIVATE')!;
		const update = client.post(`/product/202309/products/${inactive.id}/inventory/update`, {
			skus: [{ id: inactive.skus[0].id, inventory: [{ quantity: 1 }] }],
		});
		await expect(update).rejects.toBeInstanceOf(TikTokApiError);
	});

	it('limits inventory search to 100 products or 600 SKUs', async () => {
		const tooMany = Array.from({ length: 101 }, (_, i) => String(1729000000000000000n + BigInt(i)));
		const answer = await rawCall(sim, {
			method: 'POST',
			path: '/product/202309/inventory/search',
			body: JSON.stringify({ product_ids: tooMany }),
		});
		expect(answer.envelope.code).toBe(36009001);
	});

	it('returns product detail with per-SKU warehouse ids', async () => {
		const product = activeWith(() => true);
		const { data } = await client.get<{
			id: string;
			skus: Array<{ id: string; inventory: Array<{ warehouse_id: string; quantity: number }> }>;
		}>(`/product/202309/products/${product.id}`);
		expect(data.skus.map((sku) => sku.inventory.map((entry) => entry.warehouse_id))).toEqual(
			product.skus.map((sku) => sku.inventory.map((entry) => entry.warehouse_id)),
		);
	});
});

describe('image upload (reference §7)', () => {
	const upload = (data: Buffer, fieldName = 'data') =>
		client.request<{ uri: string; url: string; width: number; height: number; use_case: string }>({
			method: 'POST',
			path: '/product/202309/images/upload',
			multipart: {
				file: { fieldName, fileName: 'evidence.png', contentType: 'image/png', data },
				fields: { use_case: 'MAIN_IMAGE' },
			},
		});

	it('accepts a PNG in field "data" without shop_cipher and reports its size', async () => {
		const { data } = await upload(TINY_PNG);
		expect(data).toMatchObject({ width: 1, height: 1, use_case: 'MAIN_IMAGE' });
		expect(sim.requests.at(-1)?.query.shop_cipher).toBeUndefined();
		expect(sim.state.images.map((image) => image.uri)).toContain(data.uri);
	});

	it('judges the type by magic bytes, needs field "data", caps at 10 MB and refuses JSON', async () => {
		await expect(upload(Buffer.from('GIF89a not allowed'))).rejects.toMatchObject({
			code: 12052217,
		});
		await expect(upload(TINY_PNG, 'file')).rejects.toMatchObject({ code: 36009001 });
		const huge = Buffer.concat([TINY_PNG, Buffer.alloc(10 * 1024 * 1024)]);
		await expect(upload(huge)).rejects.toMatchObject({ code: 12052218 });
		expect(
			(await rawCall(sim, { method: 'POST', path: '/product/202309/images/upload', body: '{}' }))
				.envelope.code,
		).toBe(36009023);
		expect(sim.mutations).toHaveLength(0);
	});
});
