import type { IDataObject } from 'n8n-workflow';

import { SUPPORTED_REGION } from './authorization';
import type { AuthorizedShop } from './types';

/** The credential values the status reads (saved by the credential after each exchange or renewal). */
export interface AuthorizationSnapshot {
	accessTokenExpiresAt?: number | string;
	refreshTokenExpiresAt?: number | string;
	sellerName?: string;
}

const DAY_SECONDS = 86_400;

function iso(unixSeconds: number): string | null {
	return unixSeconds > 0 ? new Date(unixSeconds * 1000).toISOString() : null;
}

/**
 * One item per authorized shop with the token expiry: what an agency needs to see which authorization ends when,
 * and what a daily check compares with its warning window (the webhook 7 warning may never arrive).
 */
export function authorizationStatus(
	shops: AuthorizedShop[],
	snapshot: AuthorizationSnapshot,
	nowSeconds: number,
): IDataObject[] {
	const accessExpiresAt = Number(snapshot.accessTokenExpiresAt) || 0;
	const refreshExpiresAt = Number(snapshot.refreshTokenExpiresAt) || 0;
	const daysLeft =
		refreshExpiresAt > 0 ? Math.floor((refreshExpiresAt - nowSeconds) / DAY_SECONDS) : null;
	return shops.map((shop) => ({
		shop_id: shop.id,
		shop_name: shop.name,
		shop_code: shop.code ?? null,
		region: shop.region,
		seller_type: shop.seller_type ?? null,
		supported: String(shop.region).toUpperCase() === SUPPORTED_REGION,
		seller_name: snapshot.sellerName || null,
		access_token_expires_at: iso(accessExpiresAt),
		authorization_expires_at: iso(refreshExpiresAt),
		authorization_days_left: daysLeft,
		authorization_status:
			daysLeft === null ? 'unknown' : daysLeft < 0 ? 'expired' : daysLeft <= 30 ? 'expiring' : 'ok',
	}));
}
