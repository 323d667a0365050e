import type { IdFactory, SeededRandom } from '../random';
import { money } from '../money';
import type {
	Address,
	DeliveryOption,
	Product,
	ProductStatus,
	Shop,
	ShippingProvider,
	Sku,
	Warehouse,
} from '../state';

export const SHIPPING_PROVIDER_NAMES = [
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
] as const;

const CIPHER_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';

export function seedShop(random: SeededRandom, ids: IdFactory): Shop {
	return {
		id: ids.next('7494'),
		name: 'Sim Outfitters US',
		cipher: `TTP_${random.chars(30, CIPHER_ALPHABET)}`,
		region: 'US',
		seller_type: 'LOCAL',
		code: `USLC${random.chars(6, 'ABCDEFGHJKLMNPQRSTUVWXYZ0123456789')}`,
	};
}

function address(line1: string, city: string, state: string, postalCode: string): Address {
	return {
		full_address: `${line1}, ${city}, ${state} ${postalCode}, United States`,
		address_line1: line1,
		address_line2: '',
		city,
		state,
		postal_code: postalCode,
		region_code: 'US',
	};
}

export function seedWarehouses(ids: IdFactory): Warehouse[] {
	const base = { sub_type: 'DOMESTIC_WAREHOUSE', effect_status: 'ENABLED' } as const;
	return [
		{
			...base,
			id: ids.next('7068'),
			name: 'Reno Fulfillment',
			type: 'SALES_WAREHOUSE',
			is_default: true,
			address: address('1200 Logistics Pkwy', 'Reno', 'NV', '89502'),
		},
		{
			...base,
			id: ids.next('7068'),
			name: 'Columbus East',
			type: 'SALES_WAREHOUSE',
			is_default: false,
			address: address('88 Commerce Dr', 'Columbus', 'OH', '43219'),
		},
		{
			...base,
			id: ids.next('7068'),
			name: 'Columbus Returns',
			type: 'RETURN_WAREHOUSE',
			is_default: true,
			address: address('90 Commerce Dr', 'Columbus', 'OH', '43219'),
		},
	];
}

export function seedShippingProviders(ids: IdFactory): ShippingProvider[] {
	return SHIPPING_PROVIDER_NAMES.map((name) => ({ id: ids.next('66176'), name }));
}

/** Every sales warehouse offers TikTok's own Standard and Express shipping plus seller shipping with any carrier. */
export function seedDeliveryOptions(
	ids: IdFactory,
	warehouses: Warehouse[],
	providers: ShippingProvider[],
): DeliveryOption[] {
	return warehouses
		.filter((warehouse) => warehouse.type === 'SALES_WAREHOUSE')
		.flatMap((warehouse): DeliveryOption[] => [
			{
				id: ids.next('7129'),
				name: 'Shipped by seller',
				type: 'SEND_BY_SELLER',
				description: 'Ship with your own carrier and upload the tracking number',
				warehouseId: warehouse.id,
				fulfilledByTikTok: false,
				shippingProviderIds: providers.map((provider) => provider.id),
			},
			{
				id: ids.next('7129'),
				name: 'Standard shipping',
				type: 'STANDARD',
				description: 'TikTok Shop shipping label, 3-5 business days',
				warehouseId: warehouse.id,
				fulfilledByTikTok: true,
				shippingProviderIds: [],
			},
			{
				id: ids.next('7129'),
				name: 'Express shipping',
				type: 'EXPRESS',
				description: 'TikTok Shop shipping label, 1-2 business days',
				warehouseId: warehouse.id,
				fulfilledByTikTok: true,
				shippingProviderIds: [],
			},
		]);
}

interface CategorySeed {
	id: string;
	name: string;
	parent: string;
	apparel: boolean;
	nouns: string[];
	priceRange: [number, number];
}

const CATEGORIES: CategorySeed[] = [
	{
		id: '601226',
		name: 'T-shirts',
		parent: "Women's Tops",
		apparel: true,
		nouns: ['Oversized Tee', 'Crop Tee', 'Graphic Tee', 'Pocket Tee'],
		priceRange: [1499, 2999],
	},
	{
		id: '601213',
		name: 'Hoodies & Sweatshirts',
		parent: "Men's Tops",
		apparel: true,
		nouns: ['Fleece Hoodie', 'Zip Hoodie', 'Crewneck Sweatshirt'],
		priceRange: [2999, 5999],
	},
	{
		id: '842888',
		name: 'Leggings',
		parent: 'Sports Apparel',
		apparel: true,
		nouns: ['High-Waist Leggings', 'Pocket Leggings', 'Yoga Shorts'],
		priceRange: [1999, 3999],
	},
	{
		id: '601303',
		name: 'Phone Cases',
		parent: 'Phones & Electronics',
		apparel: false,
		nouns: ['MagSafe Case', 'Clear Case', 'Wallet Case'],
		priceRange: [999, 2499],
	},
	{
		id: '600942',
		name: 'Drinkware',
		parent: 'Home Supplies',
		apparel: false,
		nouns: ['Insulated Tumbler', 'Ceramic Mug', 'Glass Bottle'],
		priceRange: [1299, 3499],
	},
	{
		id: '604579',
		name: 'Candles',
		parent: 'Home Supplies',
		apparel: false,
		nouns: ['Soy Candle', 'Wax Melt Set', 'Reed Diffuser'],
		priceRange: [799, 2999],
	},
];

const COLORS = ['Black', 'White', 'Sage', 'Navy', 'Heather Grey', 'Mocha'];
const SIZES = ['XS', 'S', 'M', 'L', 'XL', '2XL'];
const VARIANTS = ['Clear', 'Matte Black', 'Lavender', 'Vanilla', 'Cedar', 'Ocean'];
/** A few listings are not sellable, so inventory updates can hit the "product must be ACTIVATE" rule. */
const NON_ACTIVE: Record<number, ProductStatus> = {
	5: 'SELLER_DEACTIVATED',
	17: 'DRAFT',
	29: 'PLATFORM_DEACTIVATED',
	44: 'FREEZE',
	52: 'PENDING',
};

function imageUri(random: SeededRandom): string {
	return `tos-maliva-i-o3syd03w52-us/${random.chars(32, '0123456789abcdef')}`;
}

export function seedProducts(
	random: SeededRandom,
	ids: IdFactory,
	warehouses: Warehouse[],
	count: number,
	now: number,
): Product[] {
	const sales = warehouses.filter((warehouse) => warehouse.type === 'SALES_WAREHOUSE');
	const products: Product[] = [];
	for (let index = 0; index < count; index++) {
		const category = CATEGORIES[index % CATEGORIES.length];
		const noun = random.pick(category.nouns);
		const title = `${category.apparel ? random.pick(COLORS) + ' ' : ''}${noun} ${index + 1}`;
		const skuCount = category.apparel ? random.int(3, 6) : random.int(1, 3);
		const basePrice =
			random.int(category.priceRange[0] / 100, category.priceRange[1] / 100) * 100 - 1;
		const code = noun.replace(/[^A-Z]/g, '') || 'SKU';
		const skus: Sku[] = [];
		for (let variant = 0; variant < skuCount; variant++) {
			const label = category.apparel ? SIZES[variant] : VARIANTS[variant];
			const inBoth = random.chance(0.3);
			const home = random.chance(0.65) ? sales[0] : sales[1];
			const assigned = inBoth ? sales : [home];
			skus.push({
				id: ids.next('1729'),
				seller_sku: `${code}-${String(index + 1).padStart(3, '0')}-${label.replace(/\s+/g, '').toUpperCase()}`,
				price: {
					currency: 'USD',
					sale_price: money(basePrice),
					tax_exclusive_price: money(basePrice),
				},
				sales_attributes: [
					{
						id: category.apparel ? '100000' : '100089',
						name: category.apparel ? 'Size' : 'Style',
						value_id: ids.next('7', 19),
						value_name: label,
					},
				],
				inventory: assigned.map((warehouse) => ({
					warehouse_id: warehouse.id,
					quantity: random.int(0, 400),
				})),
			});
		}
		const created = now - random.int(60, 400) * 86400;
		products.push({
			id: ids.next('1729'),
			title,
			description: `<p>${title}. Ships from the US.</p>`,
			status: NON_ACTIVE[index] ?? 'ACTIVATE',
			category_chains: [
				{ id: ids.next('6', 6), name: category.parent, is_leaf: false, parent_id: '0' },
				{ id: category.id, name: category.name, is_leaf: true, parent_id: '0' },
			],
			isApparel: category.apparel,
			main_images: [{ uri: imageUri(random), urls: [], width: 1200, height: 1200 }],
			skus,
			create_time: created,
			update_time: created + random.int(0, 50) * 86400,
		});
	}
	for (const product of products) {
		product.category_chains[1].parent_id = product.category_chains[0].id;
		product.main_images[0].urls = [
			`https://p16-oec-va.ibyteimg.com/${product.main_images[0].uri}~tplv-o3syd03w52-origin-jpeg.jpeg`,
		];
	}
	return products;
}
