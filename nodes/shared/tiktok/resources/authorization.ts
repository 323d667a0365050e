import type { AuthorizedShop, TikTokShopClient } from '..';
import { authorizationPaths } from './paths';

/**
 * Authorization (reference §2): Get Authorized Shops, the shops the access token covers, each with its cipher. The
 * client calls it itself to find the shop cipher; the credential test calls the same path.
 */
export const AUTHORIZED_SHOPS_PATH = authorizationPaths.shops;

export async function getAuthorizedShops(client: TikTokShopClient): Promise<AuthorizedShop[]> {
	return await client.authorizedShops();
}
