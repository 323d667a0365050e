import type { TikTokShopClient } from '..';
import { logisticsPaths } from './paths';

/**
 * Logistics (reference §5): the shop's warehouses, each warehouse's delivery options, and each option's shipping
 * providers. An option TikTok ships itself has no providers: Get Shipping Providers answers
 * TIKTOK_FULFILLED_OPTION for it.
 */
export const TIKTOK_FULFILLED_OPTION = 21008117;

export interface Warehouse {
	id: string;
	name: string;
	/** SALES_WAREHOUSE or RETURN_WAREHOUSE. */
	type?: string;
	is_default?: boolean;
	[field: string]: unknown;
}

export interface DeliveryOption {
	id: string;
	name: string;
	type?: string;
	[field: string]: unknown;
}

export interface ShippingProviderRecord {
	id: string | number;
	name: string;
	[field: string]: unknown;
}

/** Get Warehouse List: every warehouse, return warehouses included. */
export async function getWarehouses<T = Warehouse>(client: TikTokShopClient): Promise<T[]> {
	const { data } = await client.get<{ warehouses?: T[] }>(logisticsPaths.warehouses);
	return data?.warehouses ?? [];
}

/** The warehouses orders ship from: all but return warehouses. */
export async function getSalesWarehouses(client: TikTokShopClient): Promise<Warehouse[]> {
	return (await getWarehouses(client)).filter((warehouse) => warehouse.type !== 'RETURN_WAREHOUSE');
}

/** Get Warehouse Delivery Options. */
export async function getDeliveryOptions<T = DeliveryOption>(
	client: TikTokShopClient,
	warehouseId: string,
): Promise<T[]> {
	const { data } = await client.get<{ delivery_options?: T[] }>(
		logisticsPaths.deliveryOptions(warehouseId),
	);
	return data?.delivery_options ?? [];
}

/** Get Shipping Providers of a delivery option; throws TIKTOK_FULFILLED_OPTION for an option TikTok ships. */
export async function getShippingProviders<T = ShippingProviderRecord>(
	client: TikTokShopClient,
	deliveryOptionId: string,
): Promise<T[]> {
	const { data } = await client.get<{ shipping_providers?: T[] }>(
		logisticsPaths.shippingProviders(deliveryOptionId),
	);
	return data?.shipping_providers ?? [];
}
