import { IdFactory, SeededRandom } from '../random';
import type { ShopState } from '../state';
import { seedCancellations, seedReturns } from './afterSales';
import {
	seedDeliveryOptions,
	seedProducts,
	seedShippingProviders,
	seedShop,
	seedWarehouses,
} from './catalog';
import { plantDemo, type DemoPlan } from './demo';
import { seedFinance } from './finance';
import { seedOrders } from './orders';

export interface SeededWorld {
	state: ShopState;
	app: { appKey: string; appSecret: string };
	/** Tokens of the seeded authorization, derived from the seed so a restarted CLI prints the same credential. */
	accessToken: string;
	refreshToken: string;
	authCode: string;
	random: SeededRandom;
	ids: IdFactory;
	/** What the demo planted for the templates to find (only when seeded with `demo`). */
	demo?: DemoPlan;
}

export type { DemoPlan } from './demo';

const TOKEN_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';

/**
 * Same seed, same shop: ids, catalog and orders repeat exactly; times are relative to `now` (Unix seconds). With
 * `demo`, problems for each template to find are planted on top (demo.ts); without, the shop is as tests know it.
 */
export function seedWorld(
	seed: number,
	orderCount: number,
	now: number,
	options: { demo?: boolean } = {},
): SeededWorld {
	const random = new SeededRandom(seed);
	const ids = new IdFactory(random);
	const app = {
		appKey: `6${random.chars(12, 'abcdefghijklmnopqrstuvwxyz0123456789')}`,
		appSecret: random.chars(40, '0123456789abcdef'),
	};
	const accessToken = `TTP_${random.chars(40, TOKEN_ALPHABET)}`;
	const refreshToken = `TTP_${random.chars(40, TOKEN_ALPHABET)}`;
	const authCode = `TTP_${random.chars(24, TOKEN_ALPHABET)}`;
	const shop = seedShop(random, ids);
	const warehouses = seedWarehouses(ids);
	const shippingProviders = seedShippingProviders(ids);
	const deliveryOptions = seedDeliveryOptions(ids, warehouses, shippingProviders);
	const products = seedProducts(random, ids, warehouses, 60, now);
	const { orders, packages } = seedOrders(
		{ random, ids, now, products, warehouses, deliveryOptions, shippingProviders },
		orderCount,
	);
	const returns = seedReturns(random, ids, orders, now);
	const cancellations = seedCancellations(random, ids, orders, now);
	const finance = seedFinance(random, ids, orders, returns, now);
	const state: ShopState = {
		shop,
		warehouses,
		deliveryOptions,
		shippingProviders,
		products,
		orders,
		packages,
		returns,
		cancellations,
		...finance,
		images: [],
		webhooks: [],
	};
	const demo = options.demo ? plantDemo(state, seed, now) : undefined;
	return { state, app, accessToken, refreshToken, authCode, random, ids, demo };
}
