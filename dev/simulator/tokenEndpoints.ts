import { ApiError, Code } from './errors';
import type { IssuedTokens, TokenStore } from './tokens';

const GRANTED_SCOPES = [
	'seller.authorization.info',
	'seller.order.info',
	'seller.fulfillment.basic',
	'seller.logistics',
	'seller.product.basic',
	'seller.return_refund.basic',
	'seller.finance.info',
	'seller.shop.info',
];

export interface TokenEndpointContext {
	tokens: TokenStore;
	app: { appKey: string; appSecret: string };
	sellerName: string;
	openId: string;
}

/**
 * GET /api/v2/token/get and /api/v2/token/refresh: unsigned, the secret travels in the query, and the
 * `*_expire_in` fields are absolute Unix times (reference §2).
 */
export function handleTokenEndpoint(
	context: TokenEndpointContext,
	method: string,
	path: string,
	query: Record<string, string>,
): unknown {
	if (path !== '/api/v2/token/get' && path !== '/api/v2/token/refresh')
		throw new ApiError(Code.INVALID_PATH, `Invalid path: ${path}`, 404);
	if (method !== 'GET')
		throw new ApiError(Code.INVALID_METHOD, `Invalid method ${method} for ${path}`, 405);
	if (query.app_key !== context.app.appKey || query.app_secret !== context.app.appSecret) {
		throw new ApiError(Code.INVALID_CREDENTIALS, 'app_key or app_secret is invalid', 401);
	}
	let issued: IssuedTokens | undefined;
	if (path === '/api/v2/token/get') {
		if (query.grant_type !== 'authorized_code')
			throw new ApiError(Code.INVALID_PARAMETER, 'grant_type must be authorized_code', 400);
		issued = context.tokens.exchangeAuthCode(query.auth_code ?? '');
		if (!issued) throw new ApiError(Code.AUTH_RECORD_NOT_FOUND, 'can not find related auth record');
	} else {
		if (query.grant_type !== 'refresh_token')
			throw new ApiError(Code.INVALID_PARAMETER, 'grant_type must be refresh_token', 400);
		const rotated = context.tokens.rotate(query.refresh_token ?? '');
		if (rotated === 'unknown')
			throw new ApiError(Code.AUTH_RECORD_NOT_FOUND, 'can not find related auth record');
		if (rotated === 'expired') throw new ApiError(Code.REFRESH_TOKEN_EXPIRED, 'rt has expired');
		issued = rotated;
	}
	return {
		access_token: issued.accessToken,
		access_token_expire_in: issued.accessTokenExpiresAt,
		refresh_token: issued.refreshToken,
		refresh_token_expire_in: issued.refreshTokenExpiresAt,
		open_id: context.openId,
		seller_name: context.sellerName,
		seller_base_region: 'US',
		user_type: 0,
		granted_scopes: GRANTED_SCOPES,
	};
}
