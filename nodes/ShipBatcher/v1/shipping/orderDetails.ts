import type { TikTokShopClient } from '../../../shared/tiktok';
import type { TikTokOrder } from './interfaces';
import { fulfillmentPaths, orderPaths } from '../../../shared/tiktok/resources/paths';

/** Get Order Detail takes at most 50 ids per call (reference §4). */
export const ORDER_IDS_PER_CALL = 50;

export async function fetchOrders(
	client: TikTokShopClient,
	ids: string[],
): Promise<Map<string, TikTokOrder>> {
	const { data } = await client.get<{ orders?: TikTokOrder[] }>(orderPaths.detail, { ids });
	return new Map((data.orders ?? []).map((order) => [String(order.id), order]));
}

/** The order a package belongs to, for items that name only the package (Get Package Detail). */
export async function orderOfPackage(
	client: TikTokShopClient,
	packageId: string,
): Promise<string | undefined> {
	const { data } = await client.get<{ orders?: Array<{ id: string }>; order_id?: string }>(
		fulfillmentPaths.package(packageId),
	);
	return data.orders?.[0]?.id ?? data.order_id;
}
