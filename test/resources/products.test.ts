import {
	getProduct,
	inventoryUpdateCall,
	searchInventory,
	searchProducts,
	updateInventory,
	uploadImage,
} from '../../nodes/shared/tiktok/resources/products';
import { TINY_PNG } from '../../dev/harness/simulatorClient';
import { simulatorWorld } from './world';

const world = simulatorWorld({ seed: 43, orders: 20 });

const searches = () =>
	world.sim.requests.filter((request) => request.path === '/product/202309/products/search');
const active = () => world.sim.state.products.find((product) => product.status === 'ACTIVATE')!;

describe('products resource', () => {
	it('searches every product of every status, 100 a page, or those of some seller SKUs', async () => {
		const all = await searchProducts(world.client);
		expect(all).toHaveLength(world.sim.state.products.length);
		expect(searches().length).toBeGreaterThan(0);
		expect(searches().every((request) => request.query.page_size === '100')).toBe(true);
		expect(searches()[0].body).toEqual({ status: 'ALL' });

		const product = active();
		const found = await searchProducts(world.client, { seller_skus: [product.skus[0].seller_sku] });
		expect(found.map((candidate) => candidate.id)).toContain(product.id);
		expect(searches().at(-1)!.body).toEqual({
			status: 'ALL',
			seller_skus: [product.skus[0].seller_sku],
		});
	});

	it("reads a product's detail and its SKUs' quantities per warehouse", async () => {
		const product = active();
		const detail = await getProduct(world.client, product.id);
		expect(detail.skus?.map((sku) => sku.id)).toEqual(product.skus.map((sku) => sku.id));

		const inventory = await searchInventory(world.client, [product.skus[0].id]);
		const sku = inventory.flatMap((entry) => entry.skus ?? [])[0];
		expect(sku.id).toBe(product.skus[0].id);
		expect(sku.warehouse_inventory?.map((entry) => entry.warehouse_id).sort()).toEqual(
			product.skus[0].inventory.map((entry) => entry.warehouse_id).sort(),
		);
	});

	it('updates inventory and answers each refused SKU by id', async () => {
		const product = active();
		const [sku] = product.skus;
		const update = {
			skus: [
				{
					id: sku.id,
					inventory: sku.inventory.map((entry) => ({
						warehouse_id: entry.warehouse_id,
						quantity: 7,
					})),
				},
				{ id: '1729999999999999999', inventory: [] },
			],
		};
		expect(inventoryUpdateCall(product.id, update)).toEqual({
			method: 'POST',
			path: `/product/202309/products/${product.id}/inventory/update`,
			body: update,
		});
		const result = await updateInventory(world.client, product.id, update);
		expect(result.requestId).toBe(world.sim.requests.at(-1)!.requestId);
		expect([...result.refused.keys()]).toEqual(['1729999999999999999']);
		expect(result.refused.get('1729999999999999999')?.detail?.extra_errors).toEqual([]);
		expect(result.unattributed).toEqual([]);
		expect(sku.inventory.every((entry) => entry.quantity === 7)).toBe(true);
	});

	it('uploads an image as multipart and answers its uri', async () => {
		const image = await uploadImage(
			world.client,
			{ fileName: 'evidence.png', contentType: 'image/png', data: TINY_PNG },
			'DESCRIPTION_IMAGE',
		);
		expect(image.uri).toBe(world.sim.state.images.at(-1)!.uri);
		expect(world.sim.state.images.at(-1)!.use_case).toBe('DESCRIPTION_IMAGE');
		expect(image).toMatchObject({ width: 1, height: 1 });
	});
});
