import type {
	ICredentialDataDecryptedObject,
	ICredentialTestRequest,
	ICredentialType,
	IDataObject,
	IHttpRequestOptions,
	INodeProperties,
	Icon,
} from 'n8n-workflow';

import { AUTHORIZED_SHOPS_PATH } from '../nodes/shared/tiktok/resources/authorization';
import { pathTakesShopCipher } from '../nodes/shared/tiktok/shopCipher';
import { queryValueToString, signRequest, type Query } from '../nodes/shared/tiktok/sign';

/**
 * One TikTok Shop app authorized for one shop. The nodes sign through the pack's client; `authenticate` signs
 * the same way so that the credential test, and the HTTP Request node with this credential, reach any endpoint.
 */
export class TikTokShopApi implements ICredentialType {
	name = 'tikTokShopApi';

	displayName = 'TikTok Shop API';

	icon: Icon = { light: 'file:tiktokShop.svg', dark: 'file:tiktokShop.dark.svg' };

	documentationUrl = 'https://partner.tiktokshop.com/docv2/page/678e3a3d4ddec3030b238faf';

	properties: INodeProperties[] = [
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
		{
			displayName: 'Access Token',
			name: 'accessToken',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			required: true,
			description:
				'The access_token from the seller authorization (valid 7 days; refreshed automatically)',
		},
		{
			displayName: 'Refresh Token',
			name: 'refreshToken',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			description:
				'The refresh_token from the same authorization. Lets the pack renew an expired access token.',
		},
		// eslint-disable-next-line @n8n/community-nodes/credential-password-field -- a Unix time, not a secret
		{
			displayName: 'Access Token Expires At',
			name: 'accessTokenExpiresAt',
			type: 'number',
			default: 0,
			description:
				"TikTok's access_token_expire_in: a Unix time in seconds, not a duration. 0 when unknown; the token is then refreshed when TikTok reports it expired.",
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
			description: 'Only needed when the token covers several shops and Shop Cipher is empty',
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
				'Where tokens are refreshed. Change only to use the local TikTok Shop simulator.',
		},
	];

	authenticate = async (
		credentials: ICredentialDataDecryptedObject,
		requestOptions: IHttpRequestOptions,
	): Promise<IHttpRequestOptions> => signN8nRequest(credentials, requestOptions);

	test: ICredentialTestRequest = {
		request: {
			baseURL: '={{$credentials.baseUrl.replace(/\\/+$/, "")}}',
			url: AUTHORIZED_SHOPS_PATH,
			method: 'GET',
		},
		rules: [
			{
				type: 'responseSuccessBody',
				properties: {
					key: 'code',
					value: 106001,
					message:
						'TikTok rejected the signature (106001): App Key and App Secret do not belong together.',
				},
			},
			{
				type: 'responseSuccessBody',
				properties: {
					key: 'code',
					value: 36009004,
					message:
						"TikTok rejected the App Key, the Access Token or this machine's clock (36009004).",
				},
			},
			{
				type: 'responseSuccessBody',
				properties: {
					key: 'code',
					value: 105002,
					message:
						'The access token has expired (105002). Paste a fresh one, or the refresh token.',
				},
			},
			{
				type: 'responseSuccessBody',
				properties: {
					key: 'code',
					value: 105005,
					message:
						'The token lacks the scope for Get Authorized Shops (105005). Re-authorize the app.',
				},
			},
		],
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
	if (cipher && pathTakesShopCipher(method, url.pathname)) query.shop_cipher = cipher;
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
	const headers: IDataObject = {
		...requestOptions.headers,
		'x-tts-access-token': credentials.accessToken as string,
	};
	if (!isFormData(body)) headers['content-type'] = 'application/json';
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
