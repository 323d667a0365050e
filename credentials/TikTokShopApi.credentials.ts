import type {
	ICredentialDataDecryptedObject,
	ICredentialType,
	IDataObject,
	IHttpRequestHelper,
	IHttpRequestOptions,
	INodeProperties,
	Icon,
} from 'n8n-workflow';

import {
	authenticationNeeded,
	credentialHttpTransport,
	recordSentToken,
	renewAuthorization,
	SENT_TOKEN_HEADER,
} from '../nodes/shared/tiktok/credentialAuthorization';
import { pathTakesShopCipher } from '../nodes/shared/tiktok/shopCipher';
import { queryValueToString, signRequest, type Query } from '../nodes/shared/tiktok/sign';

/**
 * One TikTok Shop app authorized by one seller (for one or several shops). The user pastes App Key, App Secret and
 * the authorization code; the credential exchanges the code once and renews the access token itself, through n8n's
 * mechanism for self-renewing credentials: `preAuthentication` returns the new tokens and n8n saves them into this
 * credential (the hidden, expirable `connection` field tells n8n when to ask). `authenticate` signs every request,
 * so the pack's nodes, the credential test and the HTTP Request node all reach TikTok the same way.
 */
// eslint-disable-next-line @n8n/community-nodes/credential-test-required -- tested by the TikTok Shop node (testedBy: tikTokShopApiTest), which names the shops and the token expiry
export class TikTokShopApi implements ICredentialType {
	name = 'tikTokShopApi';

	displayName = 'TikTok Shop API';

	icon: Icon = { light: 'file:tiktokShop.svg', dark: 'file:tiktokShop.dark.svg' };

	documentationUrl =
		'https://github.com/n8n-nodes-tiktok-shop-ops/n8n-nodes-tiktok-shop-ops#connect-your-shop';

	properties: INodeProperties[] = [
		{
			displayName:
				"Paste App Key and App Secret from Partner Center, then open your app's authorization link, authorize the shop, and paste the code from the address you land on. The code works once, within 30 minutes; the credential exchanges it and keeps itself connected.",
			name: 'connectNotice',
			type: 'notice',
			default: '',
		},
		{
			displayName: 'App Key',
			name: 'appKey',
			type: 'string',
			default: '',
			required: true,
			description: 'From Partner Center > App & Service > your app > App Key',
		},
		{
			displayName: 'App Secret',
			name: 'appSecret',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			required: true,
			description:
				'Signs every request and verifies every webhook. Never shared with TikTok in a request.',
		},
		// eslint-disable-next-line @n8n/community-nodes/credential-unnecessary-password -- a code that grants access to the shop for 30 minutes
		{
			displayName: 'Authorization Code',
			name: 'authCode',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			description:
				'The code= value of the address the authorization link sends the seller to. Valid once, for 30 minutes. Paste a new one here to re-authorize.',
		},
		{
			displayName: 'Access Token',
			name: 'accessToken',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			description:
				'Leave empty when you paste an Authorization Code. Only for tokens you already have from another tool; renewed automatically.',
		},
		{
			displayName: 'Refresh Token',
			name: 'refreshToken',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			description:
				'Leave empty when you paste an Authorization Code. With tokens you already have: the refresh_token, so the access token can be renewed.',
		},
		// eslint-disable-next-line @n8n/community-nodes/credential-password-field -- a Unix time, not a secret
		{
			displayName: 'Access Token Expires At',
			name: 'accessTokenExpiresAt',
			type: 'number',
			default: 0,
			description:
				"TikTok's access_token_expire_in: a Unix time in seconds, not a duration. Filled in by the credential; 0 when unknown.",
		},
		{
			displayName: 'Shop Cipher',
			name: 'shopCipher',
			type: 'string',
			default: '',
			description: 'Leave empty to look it up from Get Authorized Shops',
		},
		{
			displayName: 'Shop (ID or Name)',
			name: 'shop',
			type: 'string',
			default: '',
			description:
				"The default shop when the authorization covers several. Each node's Shop field can pick another.",
		},
		{
			displayName: 'API Base URL',
			name: 'baseUrl',
			type: 'string',
			default: 'https://open-api.tiktokglobalshop.com',
			description: 'Change only to use the local TikTok Shop simulator',
		},
		{
			displayName: 'Auth Base URL',
			name: 'authBaseUrl',
			type: 'string',
			default: 'https://auth.tiktok-shops.com',
			description:
				'Where tokens are exchanged and renewed. Change only to use the local TikTok Shop simulator.',
		},
		// Filled in by the credential itself and saved by n8n; never typed in.
		// eslint-disable-next-line @n8n/community-nodes/credential-password-field -- a Unix time, not a secret
		{
			displayName: 'Refresh Token Expires At',
			name: 'refreshTokenExpiresAt',
			type: 'hidden',
			default: 0,
		},
		{ displayName: 'Seller Name', name: 'sellerName', type: 'hidden', default: '' },
		{ displayName: 'Seller Region', name: 'sellerBaseRegion', type: 'hidden', default: '' },
		// eslint-disable-next-line @n8n/community-nodes/credential-unnecessary-password -- fingerprints of the code and token: kept out of the editor
		{
			displayName: 'Connection',
			name: 'connection',
			type: 'hidden',
			// `expirable`: n8n runs preAuthentication when this is empty, or when a request meets HTTP 401.
			typeOptions: { expirable: true, password: true },
			default: '',
		},
	];

	/**
	 * Exchanges a new authorization code, or renews the access token, and returns the values n8n saves into the
	 * credential. n8n calls it when `connection` is empty and when `authenticate` (or TikTok) answers 401.
	 */
	async preAuthentication(
		this: IHttpRequestHelper,
		credentials: ICredentialDataDecryptedObject,
	): Promise<IDataObject> {
		return await renewAuthorization(credentials, credentialHttpTransport(this));
	}

	authenticate = async (
		credentials: ICredentialDataDecryptedObject,
		requestOptions: IHttpRequestOptions,
	): Promise<IHttpRequestOptions> => {
		// An access token about to expire (or refused by TikTok), or a newly pasted code: n8n renews on a 401 and then
		// calls authenticate again with the saved result.
		authenticationNeeded(credentials);
		const signed = await signN8nRequest(credentials, requestOptions);
		recordSentToken(requestOptions, credentials.accessToken as string);
		return signed;
	};
}

async function signN8nRequest(
	credentials: ICredentialDataDecryptedObject,
	requestOptions: IHttpRequestOptions,
): Promise<IHttpRequestOptions> {
	const url = new URL(
		requestOptions.url,
		requestOptions.baseURL ?? (credentials.baseUrl as string),
	);
	const method = (requestOptions.method ?? 'GET').toUpperCase();
	const query: Query = {
		...(Object.fromEntries(url.searchParams) as Query),
		...((requestOptions.qs ?? {}) as Query),
	};
	// Send arrays comma-joined, as they are signed; n8n would otherwise serialise them as ids[0]=…&ids[1]=….
	for (const [key, value] of Object.entries(query))
		if (Array.isArray(value)) query[key] = queryValueToString(value);
	query.app_key = credentials.appKey as string;
	query.timestamp = Math.floor(Date.now() / 1000);
	const cipher = (credentials.shopCipher as string | undefined)?.trim();
	// A node that picked a shop sends its own shop_cipher; the credential's is the default.
	if (cipher && query.shop_cipher === undefined && pathTakesShopCipher(method, url.pathname))
		query.shop_cipher = cipher;
	let body = requestOptions.body;
	if (
		body !== undefined &&
		body !== null &&
		typeof body === 'object' &&
		!Buffer.isBuffer(body) &&
		!(body instanceof URLSearchParams) &&
		!isFormData(body)
	) {
		body = JSON.stringify(body);
	}
	query.sign = signRequest(
		credentials.appSecret as string,
		url.pathname,
		query,
		typeof body === 'string' ? body : undefined,
	);
	const headers: IDataObject = { ...requestOptions.headers };
	delete headers[SENT_TOKEN_HEADER];
	headers['x-tts-access-token'] = credentials.accessToken as string;
	const hasContentType = Object.keys(headers).some((name) => name.toLowerCase() === 'content-type');
	if (!isFormData(body) && !hasContentType) headers['content-type'] = 'application/json';
	return {
		...requestOptions,
		url: url.origin + url.pathname,
		baseURL: undefined,
		qs: query as IDataObject,
		body,
		headers,
	};
}

function isFormData(body: unknown): boolean {
	return typeof body === 'object' && body !== null && body.constructor?.name === 'FormData';
}
