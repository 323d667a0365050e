import { createHash } from 'node:crypto';

import { processCache } from '../processCaches';
import { CredentialFieldError, TikTokApiError, redactSecretParams } from './errors';
import { parseJsonKeepingBigIds } from './json';
import type { HttpTransport, TikTokEnvelope } from './types';

/**
 * Connecting a shop: the authorization-code exchange, the token refresh, and the decision which of the two (if any)
 * the credential needs before its next request. The credential's `preAuthentication` runs these inside n8n, which
 * then saves what they return into the credential, so every n8n process (main, workers, webhook processes, and the
 * same process after a restart) reads the newest tokens from the database.
 */

/** The pack serves US shops; a token of another region reaches another data centre and other rules. */
export const SUPPORTED_REGION = 'US';

/** Renew a little before TikTok's expiry so that a long run does not straddle it. */
export const REFRESH_MARGIN_SECONDS = 300;

/** TikTok's "access token expired" code (reference §2). */
export const ACCESS_TOKEN_EXPIRED = 105002;

/** What the token endpoints return, in the credential's terms. All times are Unix seconds (absolute, as TikTok's). */
export interface TokenGrant {
	accessToken: string;
	accessTokenExpiresAt: number;
	refreshToken: string;
	refreshTokenExpiresAt: number;
	sellerName: string;
	sellerBaseRegion: string;
	grantedScopes: string[];
}

/** The credential values this module reads (the credential's own field names). */
export interface AuthorizationFields {
	appKey?: string;
	appSecret?: string;
	authCode?: string;
	accessToken?: string;
	refreshToken?: string;
	accessTokenExpiresAt?: number | string;
	refreshTokenExpiresAt?: number | string;
	/** The hidden, expirable field n8n watches: empty means "run preAuthentication before the next request". */
	connection?: string;
	authBaseUrl?: string;
}

/** What the credential needs before its next request. */
export type AuthorizationPlan =
	| { action: 'exchange'; code: string }
	| { action: 'refresh'; refreshToken: string; reason: 'expired' | 'rejected' }
	| { action: 'adopt' }
	| { action: 'none' };

/** A short, one-way fingerprint of a secret: enough to recognise it again, useless to anyone who reads it. */
export function fingerprint(secret: string): string {
	return createHash('sha256').update(secret).digest('hex').slice(0, 16);
}

/** The hidden `connection` value after a successful exchange, refresh or adoption of pasted tokens. */
export function connectionValue(fields: { authCode?: string; accessToken: string }): string {
	const code = fields.authCode?.trim();
	return `v1;code=${code ? fingerprint(code) : '-'};token=${fingerprint(fields.accessToken)}`;
}

function connectionPart(connection: string | undefined, name: string): string | undefined {
	return connection
		?.split(';')
		.find((part) => part.startsWith(`${name}=`))
		?.slice(name.length + 1);
}

/** Access tokens TikTok answered 105002 for, though the clock said they were valid (revoked, or clock drift). */
const rejectedAccessTokens = processCache<string, number>('tiktokRejectedAccessTokens');

export function markAccessTokenRejected(accessToken: string): void {
	// Bounded: the oldest mark goes first; a mark only matters until the next refresh.
	if (rejectedAccessTokens.size >= 256)
		rejectedAccessTokens.delete(rejectedAccessTokens.keys().next().value as string);
	rejectedAccessTokens.set(fingerprint(accessToken), Date.now());
}

function isRejected(accessToken: string): boolean {
	return rejectedAccessTokens.has(fingerprint(accessToken));
}

function seconds(value: number | string | undefined): number {
	const number = typeof value === 'string' ? Number(value) : value;
	return typeof number === 'number' && Number.isFinite(number) ? number : 0;
}

/**
 * Decides what the credential needs: exchange a newly pasted authorization code, renew an expiring (or rejected)
 * access token, adopt tokens pasted by hand, or nothing.
 */
export function planAuthorization(
	fields: AuthorizationFields,
	nowSeconds: number,
): AuthorizationPlan {
	const code = fields.authCode?.trim();
	const accessToken = fields.accessToken?.trim();
	const refreshToken = fields.refreshToken?.trim();
	const exchangedCode = connectionPart(fields.connection, 'code');
	// A code not yet exchanged: the first connection, or a re-authorization pasted into an existing credential.
	// Tokens already there without any record of the exchange (a form that dropped the hidden field) are kept.
	if (code && exchangedCode !== fingerprint(code) && !(accessToken && !fields.connection))
		return { action: 'exchange', code };
	if (!accessToken) {
		if (refreshToken) return { action: 'refresh', refreshToken, reason: 'expired' };
		throw new CredentialFieldError(
			'authCode',
			'is empty, and so is Access Token. Open the authorization link from Partner Center, authorize the shop, and paste the code it returns.',
		);
	}
	if (refreshToken) {
		if (isRejected(accessToken)) return { action: 'refresh', refreshToken, reason: 'rejected' };
		const expiresAt = seconds(fields.accessTokenExpiresAt);
		if (expiresAt > 0 && expiresAt - REFRESH_MARGIN_SECONDS <= nowSeconds)
			return { action: 'refresh', refreshToken, reason: 'expired' };
	}
	if (!fields.connection || connectionPart(fields.connection, 'token') !== fingerprint(accessToken))
		return { action: 'adopt' };
	return { action: 'none' };
}

/** Exchanges and refreshes that settled in this process, so a second caller with the same input gets the same tokens. */
const settledGrants = processCache<string, { grant: TokenGrant; until: number }>(
	'tiktokSettledGrants',
);
const grantsInFlight = processCache<string, Promise<TokenGrant>>('tiktokGrantsInFlight');
/** An auth code is valid 30 minutes and a refresh token is retired by its refresh: keep the answer that long. */
const SETTLED_GRANT_MS = 30 * 60_000;

interface GrantInput {
	http: HttpTransport;
	appKey: string;
	appSecret: string;
	authBaseUrl: string;
}

/**
 * GET {auth}/api/v2/token/get: the one-time exchange of the authorization code. TikTok accepts a code once, so
 * the answer is kept for 30 minutes in this process: the credential test and the first run share one exchange.
 */
export function exchangeAuthorizationCode(
	input: GrantInput & { code: string },
): Promise<TokenGrant> {
	return grantOnce(`code\u0000${input.appKey}\u0000${fingerprint(input.code)}`, () =>
		requestGrant(input, '/api/v2/token/get', {
			auth_code: input.code,
			grant_type: 'authorized_code',
		}),
	);
}

/**
 * GET {auth}/api/v2/token/refresh. TikTok may rotate the refresh token and retire the old one, so concurrent
 * refreshes with one refresh token in this process share one call and its answer.
 */
export function refreshAuthorization(
	input: GrantInput & { refreshToken: string },
): Promise<TokenGrant> {
	return grantOnce(`refresh\u0000${input.appKey}\u0000${fingerprint(input.refreshToken)}`, () =>
		requestGrant(input, '/api/v2/token/refresh', {
			refresh_token: input.refreshToken,
			grant_type: 'refresh_token',
		}),
	);
}

function grantOnce(key: string, request: () => Promise<TokenGrant>): Promise<TokenGrant> {
	const now = Date.now();
	for (const [settledKey, settled] of settledGrants)
		if (settled.until <= now) settledGrants.delete(settledKey);
	const settled = settledGrants.get(key);
	if (settled) return Promise.resolve(settled.grant);
	let inFlight = grantsInFlight.get(key);
	if (!inFlight) {
		inFlight = request()
			.then((grant) => {
				settledGrants.set(key, { grant, until: Date.now() + SETTLED_GRANT_MS });
				return grant;
			})
			.finally(() => grantsInFlight.delete(key));
		grantsInFlight.set(key, inFlight);
	}
	return inFlight;
}

interface GrantData {
	access_token?: string;
	access_token_expire_in?: number;
	refresh_token?: string;
	refresh_token_expire_in?: number;
	seller_name?: string;
	seller_base_region?: string;
	granted_scopes?: string[];
}

async function requestGrant(
	input: GrantInput,
	path: '/api/v2/token/get' | '/api/v2/token/refresh',
	params: Record<string, string>,
): Promise<TokenGrant> {
	const appKey = input.appKey.trim();
	const appSecret = input.appSecret.trim();
	if (!appKey) throw new CredentialFieldError('appKey', 'is empty. Copy it from Partner Center.');
	if (!appSecret)
		throw new CredentialFieldError('appSecret', 'is empty. Copy it from Partner Center.');
	const base = input.authBaseUrl.trim().replace(/\/+$/, '');
	if (!URL.canParse(base))
		throw new CredentialFieldError(
			'authBaseUrl',
			`must be a URL starting with https:// (got "${base}")`,
		);
	const query = new URLSearchParams({ app_key: appKey, app_secret: appSecret, ...params });
	const secrets = [appSecret, ...Object.values(params)];
	const redact = (text: string) =>
		secrets.reduce(
			(result, secret) => (secret.length >= 4 ? result.split(secret).join('[redacted]') : result),
			redactSecretParams(text),
		);
	let status: number;
	let body: string;
	try {
		({ status, body } = await input.http({
			method: 'GET',
			url: `${base}${path}?${query}`,
			headers: {},
		}));
	} catch (error) {
		// eslint-disable-next-line @n8n/community-nodes/require-node-api-error -- converted at the node boundary
		throw new TikTokApiError(
			{
				code: -1,
				message: `could not reach TikTok's token service: ${redact(error instanceof Error ? error.message : String(error))}`,
				method: 'GET',
				path,
			},
			`Check the credential's Auth Base URL (${base}) and this machine's network.`,
		);
	}
	let envelope: TikTokEnvelope<GrantData> | undefined;
	try {
		envelope = parseJsonKeepingBigIds<TikTokEnvelope<GrantData>>(body);
	} catch {
		envelope = undefined;
	}
	const data = envelope?.data;
	if (!envelope || envelope.code !== 0 || !data?.access_token) {
		throw grantFailure(path, status, envelope, redact);
	}
	const region = String(data.seller_base_region ?? '').toUpperCase();
	if (region && region !== SUPPORTED_REGION) {
		throw new CredentialFieldError(
			path === '/api/v2/token/get' ? 'authCode' : 'refreshToken',
			`belongs to a seller in region ${region} (seller "${data.seller_name ?? '?'}"). This pack serves US shops: authorize the app with the US seller account (its authorization link opens on the US Seller Center) and paste that code.`,
		);
	}
	return {
		accessToken: data.access_token,
		accessTokenExpiresAt: Number(data.access_token_expire_in ?? 0),
		refreshToken: data.refresh_token ?? params.refresh_token ?? '',
		refreshTokenExpiresAt: Number(data.refresh_token_expire_in ?? 0),
		sellerName: String(data.seller_name ?? ''),
		sellerBaseRegion: region,
		grantedScopes: Array.isArray(data.granted_scopes) ? data.granted_scopes.map(String) : [],
	};
}

/** TikTok's answer when app_key and app_secret do not belong together (the simulator uses the gateway code). */
const APP_CREDENTIAL_CODES = new Set([36009004, 106001]);
/** The refresh token ran out with the seller's authorization (EcomPHP PR #15: "rt has expired"). */
const REFRESH_TOKEN_EXPIRED = 36004001;

function grantFailure(
	path: string,
	status: number,
	envelope: TikTokEnvelope<GrantData> | undefined,
	redact: (text: string) => string,
): Error {
	const code = envelope?.code ?? -1;
	const message = redact(envelope?.message ?? `HTTP ${status}`);
	const exchange = path === '/api/v2/token/get';
	if (APP_CREDENTIAL_CODES.has(code) || /app[_ ]?(key|secret)/i.test(message)) {
		return new CredentialFieldError(
			'appSecret',
			`was refused by TikTok's token service (${code}: ${message}). Copy App Key and App Secret again from Partner Center > App & Service > your app; they must belong to the same app.`,
		);
	}
	if (exchange) {
		return new CredentialFieldError(
			'authCode',
			`was refused by TikTok (${code}: ${message}). A code works once and for 30 minutes: open the authorization link again, authorize the shop, and paste the new code.`,
		);
	}
	if (code === REFRESH_TOKEN_EXPIRED)
		return new CredentialFieldError(
			'refreshToken',
			`has expired with the seller's authorization (${code}: ${message}). Open the authorization link again, authorize the shop, and paste the new code into Authorization Code.`,
		);
	return new CredentialFieldError(
		'refreshToken',
		`was refused by TikTok (${code}: ${message}), so the access token cannot be renewed. The seller's authorization has ended or was replaced: open the authorization link again and paste the new code into Authorization Code.`,
	);
}

/** The hidden credential values a grant sets; n8n saves them into the credential. */
export function grantToCredentialData(
	grant: TokenGrant,
	authCode: string | undefined,
): Record<string, string | number> {
	return {
		accessToken: grant.accessToken,
		accessTokenExpiresAt: grant.accessTokenExpiresAt,
		refreshToken: grant.refreshToken,
		refreshTokenExpiresAt: grant.refreshTokenExpiresAt,
		sellerName: grant.sellerName,
		sellerBaseRegion: grant.sellerBaseRegion,
		connection: connectionValue({ authCode, accessToken: grant.accessToken }),
	};
}

/** Unix seconds as a date a person reads: "2026-12-14 08:00 UTC". */
export function formatExpiry(unixSeconds: number): string {
	if (!unixSeconds) return 'unknown';
	return `${new Date(unixSeconds * 1000).toISOString().slice(0, 16).replace('T', ' ')} UTC`;
}
