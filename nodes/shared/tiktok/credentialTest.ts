import type {
	ICredentialTestFunctions,
	ICredentialsDecrypted,
	INodeCredentialTestResult,
} from 'n8n-workflow';

import {
	SUPPORTED_REGION,
	exchangeAuthorizationCode,
	formatExpiry,
	planAuthorization,
	type AuthorizationFields,
} from './authorization';
import { TikTokShopClient } from './client';
import { CredentialFieldError, TikTokApiError } from './errors';
import { inQueueMode } from '../storeSelection';
import type { AuthorizedShop, HttpTransport } from './types';

interface TestFields extends AuthorizationFields {
	baseUrl?: string;
	shop?: string;
	shopCipher?: string;
	sellerName?: string;
}

/**
 * What the credential test checks, outside n8n: it exchanges a newly pasted authorization code (the answer is kept
 * for this process, so the first run uses it instead of exchanging again), reads the authorized shops with the
 * access token, and names them with the token's expiry. It never renews a token: n8n could not save the renewal
 * from a test, and TikTok may retire the old refresh token.
 */
export async function checkConnection(
	fields: TestFields,
	http: HttpTransport,
	nowSeconds: number,
	options: { queueMode?: boolean } = {},
): Promise<string> {
	const plan = planAuthorization(fields, nowSeconds);
	if (plan.action === 'exchange' && options.queueMode) {
		// TikTok takes a code once, and a test cannot save what it gets for it: the main process would keep the tokens
		// in its memory while the worker that runs first finds the code used. The first run exchanges it and n8n saves
		// the tokens in the credential, where every process reads them.
		return 'App Key, App Secret and Authorization Code are filled in. n8n runs in queue mode, so the test leaves the code unused: TikTok accepts it once, and the first run of a TikTok node exchanges it and saves the tokens in this credential for every n8n process. Run the TikTok Shop node once (Authorization → Get Status) to see the shops it reaches.';
	}
	let accessToken = String(fields.accessToken ?? '').trim();
	let accessExpiresAt = Number(fields.accessTokenExpiresAt) || 0;
	let refreshExpiresAt = Number(fields.refreshTokenExpiresAt) || 0;
	let sellerName = String(fields.sellerName ?? '');
	if (plan.action === 'exchange') {
		const grant = await exchangeAuthorizationCode({
			http,
			appKey: String(fields.appKey ?? ''),
			appSecret: String(fields.appSecret ?? ''),
			authBaseUrl: String(fields.authBaseUrl ?? ''),
			code: plan.code,
		});
		accessToken = grant.accessToken;
		accessExpiresAt = grant.accessTokenExpiresAt;
		refreshExpiresAt = grant.refreshTokenExpiresAt;
		sellerName = grant.sellerName;
	}
	if (!accessToken) {
		return `App Key and App Secret are filled in; the access token is renewed from the refresh token at the first run (authorization valid until ${formatExpiry(refreshExpiresAt)}).`;
	}
	const client = new TikTokShopClient(
		{
			appKey: fields.appKey,
			appSecret: fields.appSecret,
			accessToken,
			baseUrl: fields.baseUrl,
			authBaseUrl: fields.authBaseUrl,
		},
		{ http, maxRetries: 1 },
	);
	let shops: AuthorizedShop[];
	try {
		shops = await client.authorizedShops();
	} catch (error) {
		if (error instanceof TikTokApiError && error.code === 105002 && fields.refreshToken) {
			// The signature passed (TikTok checks it first), so App Key and App Secret are right.
			return `App Key and App Secret are right. The access token expired on ${formatExpiry(accessExpiresAt)}; the credential renews it at the next run (authorization valid until ${formatExpiry(refreshExpiresAt)}).`;
		}
		throw explainShopsFailure(error, plan.action === 'exchange');
	}
	const usable = checkShops(shops, fields, plan.action === 'exchange' ? 'authCode' : 'accessToken');
	const names = usable.map((shop) => `"${shop.name}" (id ${shop.id}, ${shop.region})`).join(', ');
	return [
		`Connected${sellerName ? ` as ${sellerName}` : ''}: ${usable.length === 1 ? 'shop' : `${usable.length} shops`} ${names}.`,
		`Access token valid until ${formatExpiry(accessExpiresAt)}, renewed automatically.`,
		refreshExpiresAt
			? `Authorization valid until ${formatExpiry(refreshExpiresAt)}.`
			: 'Authorization expiry unknown (tokens pasted by hand).',
	].join(' ');
}

/** The shops the pack can serve, after checking the credential's default shop and cipher are among them. */
export function checkShops(
	shops: AuthorizedShop[],
	fields: { shop?: string; shopCipher?: string },
	tokenField: 'authCode' | 'accessToken',
): AuthorizedShop[] {
	if (shops.length === 0)
		throw new CredentialFieldError(
			tokenField,
			'is not authorized for any shop. Open the authorization link again and authorize a shop.',
		);
	const usable = shops.filter((shop) => String(shop.region).toUpperCase() === SUPPORTED_REGION);
	if (usable.length === 0) {
		const regions = [...new Set(shops.map((shop) => shop.region))].join(', ');
		throw new CredentialFieldError(
			tokenField,
			`covers only shops outside the US (${regions}). This pack serves US shops: authorize the app with a US seller account.`,
		);
	}
	const wanted = fields.shop?.trim();
	if (wanted && !shops.some((shop) => matchesShop(shop, wanted))) {
		throw new CredentialFieldError(
			'shop',
			`"${wanted}" is not among the shops this authorization covers: ${describe(shops)}. Clear the field or enter one of them.`,
		);
	}
	const cipher = fields.shopCipher?.trim();
	if (cipher && !shops.some((shop) => shop.cipher === cipher)) {
		throw new CredentialFieldError(
			'shopCipher',
			`is not the cipher of a shop this authorization covers (${describe(shops)}). Clear it to have it looked up.`,
		);
	}
	return usable;
}

export function matchesShop(shop: AuthorizedShop, wanted: string): boolean {
	return (
		shop.id === wanted || shop.cipher === wanted || shop.name.toLowerCase() === wanted.toLowerCase()
	);
}

function describe(shops: AuthorizedShop[]): string {
	return shops.map((shop) => `${shop.name} (id ${shop.id}, ${shop.region})`).join(', ');
}

function explainShopsFailure(error: unknown, exchanged: boolean): unknown {
	if (!(error instanceof TikTokApiError)) return error;
	if (error.code === 106001)
		return new CredentialFieldError(
			'appSecret',
			`does not match the App Key: TikTok rejected the signature (106001). Copy App Secret again from Partner Center > App & Service > your app.`,
		);
	if (error.code === 36009004 || error.code === 105002)
		return new CredentialFieldError(
			exchanged ? 'authCode' : 'accessToken',
			`was refused by TikTok (${error.code}: ${error.tiktokMessage}). Open the authorization link again and paste the new code into Authorization Code.`,
		);
	return error;
}

/** The "Test" button of the TikTok Shop API credential. */
export async function tikTokShopApiTest(
	this: ICredentialTestFunctions,
	credential: ICredentialsDecrypted,
): Promise<INodeCredentialTestResult> {
	const http: HttpTransport = async (request) => {
		// eslint-disable-next-line @n8n/community-nodes/no-deprecated-workflow-functions -- a credential test gets only `request`
		const response = (await this.helpers.request({
			method: request.method,
			uri: request.url,
			headers: request.headers,
			body: request.body,
			json: false,
			encoding: null,
			resolveWithFullResponse: true,
			simple: false,
			timeout: 30_000,
		})) as { statusCode: number; body: Buffer | string };
		const body = response.body;
		return {
			status: response.statusCode,
			body: typeof body === 'string' ? body : Buffer.from(body).toString('utf8'),
		};
	};
	try {
		const message = await checkConnection(
			(credential.data ?? {}) as TestFields,
			http,
			Math.floor(Date.now() / 1000),
			{ queueMode: inQueueMode() },
		);
		return { status: 'OK', message };
	} catch (error) {
		return { status: 'Error', message: error instanceof Error ? error.message : String(error) };
	}
}
