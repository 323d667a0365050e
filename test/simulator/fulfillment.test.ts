import { TikTokApiError } from '../../nodes/shared/tiktok/errors';
import type { TikTokShopClient } from '../../nodes/shared/tiktok/client';
import { clientFor } from '../../dev/harness/simulatorClient';
import {
	startSimulator,
	type Order,
	type Package,
	type RunningSimulator,
} from '../../dev/simulator/index';

let sim: RunningSimulator;
let client: TikTokShopClient;

beforeAll(async () => {
	sim = await startSimulator({ seed: 7 });
	client = clientFor(sim);
});
afterAll(() => sim.close());
beforeEach(() => sim.reset());

const usps = () => sim.state.shippingProviders.find((provider) => provider.name === 'USPS')!.id;
let serial = 0;
const tracking = () =>
	`9400111202555${String(Date.now()).slice(-6)}${String(serial++).padStart(3, '0')}`;
const pending = (order: Order) => order.is_buyer_request_cancel;

function openSellerPackages(): Package[] {
	return sim.state.packages.filter((pkg) => {
		const order = sim.state.orders.find((candidate) => candidate.id === pkg.order_id)!;
		return (
			pkg.status === 'PROCESSING' &&
			pkg.shipping_type === 'SELLER' &&
			order.status === 'AWAITING_SHIPMENT' &&
			!pending(order)
		);
	});
}

function unpackagedSellerOrders(): Order[] {
	return sim.state.orders.filter(
		(order) =>
			order.status === 'AWAITING_SHIPMENT' &&
			order.shipping_type === 'SELLER' &&
			order.packages.length === 0 &&
			!pending(order),
	);
}

async function codeOf(call: Promise<unknown>): Promise<number> {
	const error = await call.then(
		() => undefined,
		(failure: unknown) => failure,
	);
	if (!(error instanceof TikTokApiError))
		throw new Error(`expected a TikTok error, got ${String(error)}`);
	return error.code;
}

describe('logistics (reference §5)', () => {
	it('walks warehouse → delivery options → shipping providers, and refuses TikTok-shipped options', async () => {
		const { data: warehouses } = await client.get<{
			warehouses: Array<{ id: string; type: string }>;
		}>('/logistics/202309/warehouses');
		expect(warehouses.warehouses.map((w) => w.type).sort()).toEqual([
			'RETURN_WAREHOUSE',
			'SALES_WAREHOUSE',
			'SALES_WAREHOUSE',
		]);
		const sales = warehouses.warehouses.find((w) => w.type === 'SALES_WAREHOUSE')!;
		const { data: options } = await client.get<{
			delivery_options: Array<{ id: string; type: string }>;
		}>(`/logistics/202309/warehouses/${sales.id}/delivery_options`);
		const bySeller = options.delivery_options.find((option) => option.type === 'SEND_BY_SELLER')!;
		const { data: providers } = await client.get<{
			shipping_providers: Array<{ id: string; name: string }>;
		}>(`/logistics/202309/delivery_options/${bySeller.id}/shipping_providers`);
		expect(providers.shipping_providers.map((p) => p.name)).toEqual(
			expect.arrayContaining([
				'USPS',
				'UPS',
				'FedEx',
				'DHL eCommerce',
				'OnTrac',
				'UniUni',
				'Veho',
				'GOFO',
				'Amazon Shipping',
				'LaserShip',
			]),
		);
		expect(providers.shipping_providers.every((p) => /^\d{19}$/.test(p.id))).toBe(true);
		const tiktok = options.delivery_options.find((option) => option.type === 'STANDARD')!;
		expect(
			await codeOf(
				client.get(`/logistics/202309/delivery_options/${tiktok.id}/shipping_providers`),
			),
		).toBe(21008117);
	});
});

describe('shipping (reference §5)', () => {
	it('batch ship reports per-package failures in data.errors while code is 0', async () => {
		const [good, bad, dup] = openSellerPackages();
		const shipped = sim.state.packages.find(
			(pkg) => pkg.status === 'FULFILLING' && pkg.shipping_type === 'SELLER',
		)!;
		const takenNumber = sim.state.packages.find(
			(pkg) => pkg.tracking_number && pkg.order_id !== dup.order_id,
		)!.tracking_number!;
		const goodNumber = tracking();
		const { data } = await client.post<{
			errors: Array<{ code: number; message: string; detail: { package_id: string } }>;
		}>('/fulfillment/202309/packages/ship', {
			packages: [
				{
					id: good.id,
					self_shipment: { tracking_number: goodNumber, shipping_provider_id: usps() },
				},
				{
					id: shipped.id,
					self_shipment: { tracking_number: tracking(), shipping_provider_id: usps() },
				},
				{ id: bad.id, self_shipment: { tracking_number: 'x-1', shipping_provider_id: usps() } },
				{
					id: dup.id,
					self_shipment: { tracking_number: takenNumber, shipping_provider_id: usps() },
				},
			],
		});
		expect(data.errors.map((e) => [e.detail.package_id, e.code])).toEqual([
			[shipped.id, 21011020],
			[bad.id, 21011022],
			[dup.id, 21011025],
		]);
		expect(sim.requests.at(-1)?.code).toBe(0);
		expect(good.status).toBe('FULFILLING');
		const order = sim.state.orders.find((o) => o.id === good.order_id)!;
		expect(order.status).toBe('IN_TRANSIT');
		expect(
			order.line_items.every(
				(item) => item.tracking_number === goodNumber && item.package_id === good.id,
			),
		).toBe(true);
		expect(sim.mutations).toEqual([
			expect.objectContaining({
				type: 'batchShip',
				shipped: [
					{
						packageId: good.id,
						orderId: good.order_id,
						trackingNumber: goodNumber,
						shippingProviderId: usps(),
					},
				],
				failed: [
					{ packageId: shipped.id, code: 21011020 },
					{ packageId: bad.id, code: 21011022 },
					{ packageId: dup.id, code: 21011025 },
				],
			}),
		]);
	});

	it('rejects unknown carriers, a second ship, pending after-sales and cancelled orders', async () => {
		const [pkg] = openSellerPackages();
		expect(
			await codeOf(
				client.post(`/fulfillment/202309/packages/${pkg.id}/ship`, {
					self_shipment: {
						tracking_number: tracking(),
						shipping_provider_id: '6617000000000000000',
					},
				}),
			),
		).toBe(21011022);
		expect(await codeOf(client.post(`/fulfillment/202309/packages/${pkg.id}/ship`, {}))).toBe(
			21011022,
		);
		await client.post(`/fulfillment/202309/packages/${pkg.id}/ship`, {
			self_shipment: { tracking_number: tracking(), shipping_provider_id: usps() },
		});
		expect(
			await codeOf(
				client.post(`/fulfillment/202309/packages/${pkg.id}/ship`, {
					self_shipment: { tracking_number: tracking(), shipping_provider_id: usps() },
				}),
			),
		).toBe(21011020);
		const disputed = sim.state.orders.find(
			(order) => order.status === 'AWAITING_SHIPMENT' && pending(order),
		)!;
		expect(
			await codeOf(
				client.post(`/fulfillment/202309/orders/${disputed.id}/packages`, {
					tracking_number: tracking(),
					shipping_provider_id: usps(),
				}),
			),
		).toBe(21011007);
		const cancelled = sim.state.orders.find((order) => order.status === 'CANCELLED')!;
		expect(
			await codeOf(
				client.post(`/fulfillment/202309/orders/${cancelled.id}/packages`, {
					tracking_number: tracking(),
					shipping_provider_id: usps(),
				}),
			),
		).not.toBe(0);
		expect(sim.mutations.map((m) => m.type)).toEqual(['ship']);
	});

	it('marks line items shipped as a new package, partially then fully', async () => {
		const order = unpackagedSellerOrders().find((candidate) => candidate.line_items.length >= 2)!;
		const [first, ...rest] = order.line_items.map((item) => item.id);
		const number = tracking();
		const { data } = await client.post<{
			order_id: string;
			package_id: string;
			order_line_item_ids: string[];
		}>(`/fulfillment/202309/orders/${order.id}/packages`, {
			tracking_number: number,
			shipping_provider_id: usps(),
			order_line_item_ids: [first],
		});
		expect(data).toMatchObject({ order_id: order.id, order_line_item_ids: [first] });
		expect(data.package_id).toMatch(/^\d{19}$/);
		expect(order.status).toBe('PARTIALLY_SHIPPING');
		expect(
			await codeOf(
				client.post(`/fulfillment/202309/orders/${order.id}/packages`, {
					tracking_number: tracking(),
					shipping_provider_id: usps(),
					order_line_item_ids: [first],
				}),
			),
		).toBe(21008099);
		await client.post(`/fulfillment/202309/orders/${order.id}/packages`, {
			tracking_number: tracking(),
			shipping_provider_id: usps(),
		});
		expect(order.status).toBe('IN_TRANSIT');
		expect(order.packages).toHaveLength(2);
		expect(sim.mutations.map((m) => (m.type === 'markShipped' ? m.orderLineItemIds : []))).toEqual([
			[first],
			rest,
		]);
		const { data: detail } = await client.get<{ orders: Order[] }>('/order/202309/orders', {
			ids: [order.id],
		});
		expect(detail.orders[0].line_items.find((item) => item.id === first)?.tracking_number).toBe(
			number,
		);
		const { data: trackingInfo } = await client.get<{ tracking: unknown[] }>(
			`/fulfillment/202309/orders/${order.id}/tracking`,
		);
		expect(trackingInfo.tracking.length).toBeGreaterThan(0);
	});

	it('lets shipping info change once, within 72 hours', async () => {
		const [order, late] = unpackagedSellerOrders();
		await client.post(`/fulfillment/202309/orders/${order.id}/packages`, {
			tracking_number: tracking(),
			shipping_provider_id: usps(),
		});
		const corrected = tracking();
		await client.post(`/fulfillment/202309/orders/${order.id}/shipping_info/update`, {
			tracking_number: corrected,
			shipping_provider_id: usps(),
		});
		expect(order.tracking_number).toBe(corrected);
		expect(
			await codeOf(
				client.post(`/fulfillment/202309/orders/${order.id}/shipping_info/update`, {
					tracking_number: tracking(),
					shipping_provider_id: usps(),
				}),
			),
		).toBe(21011051);

		const { data } = await client.post<{ package_id: string }>(
			`/fulfillment/202309/orders/${late.id}/packages`,
			{ tracking_number: tracking(), shipping_provider_id: usps() },
		);
		sim.state.packages.find((pkg) => pkg.id === data.package_id)!.shippedAt! -= 73 * 3600;
		expect(
			await codeOf(
				client.post(`/fulfillment/202309/packages/${data.package_id}/shipping_info/update`, {
					tracking_number: tracking(),
					shipping_provider_id: usps(),
				}),
			),
		).toBe(21011049);
		expect(sim.mutations.filter((m) => m.type === 'shippingInfoUpdate')).toHaveLength(1);
	});

	it('finds packages through search and detail', async () => {
		const { data } = await client.post<{
			packages: Array<{ id: string; orders: Array<{ id: string }> }>;
			total_count: number;
		}>('/fulfillment/202309/packages/search', { package_status: 'PROCESSING' }, { page_size: 50 });
		expect(data.total_count).toBe(
			sim.state.packages.filter((pkg) => pkg.status === 'PROCESSING').length,
		);
		const { data: detail } = await client.get<{ id: string; orders: Array<{ id: string }> }>(
			`/fulfillment/202309/packages/${data.packages[0].id}`,
		);
		expect(detail.orders[0].id).toBe(data.packages[0].orders[0].id);
	});
});
