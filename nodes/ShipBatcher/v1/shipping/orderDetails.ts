import type { TikTokShopClient } from '../../../shared/tiktok';
import type { TikTokOrder } from './interfaces';
import { fulfillment, orders } from '../../../shared/tiktok/resources';

/** Get Order Detail takes at most 50 ids per call (the orders resource's limit). */
export const ORDER_IDS_PER_CALL = orders.ORDER_IDS_PER_CALL;

export async function fetchOrders(
	client: TikTokShopClient,
	ids: string[],
): Promise<Map<string, TikTokOrder>> {
	return await orders.getOrderDetails<TikTokOrder>(client, ids);
}

/** The order a package belongs to, for items that name only the package (Get Package Detail). */
export async function orderOfPackage(
	client: TikTokShopClient,
	packageId: string,
): Promise<string | undefined> {
	const data = await fulfillment.getPackage(client, packageId);
	return data.orders?.[0]?.id ?? data.order_id;
}
