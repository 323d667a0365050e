import { processCache } from '../processCaches';
import {
	CredentialFieldError,
	ShopChoiceError,
	TikTokApiError,
	isAmbiguousFailure,
	isRetryable,
	redactSecretParams,
} from './errors';
import { parseJsonKeepingBigIds } from './json';
import { buildMultipart } from './multipart';
import { authorizationPaths } from './resources/paths';
import { processRateBudget, realClock, type Clock, type RateBudget } from './rateBudget';
import { ACCESS_TOKEN_EXPIRED, REFRESH_MARGIN_SECONDS, SUPPORTED_REGION } from './authorization';
import { apiOfPath, pathTakesShopCipher } from './shopCipher';
import { queryValueToString, signRequest, type Query } from './sign';
import { tokenCache, type TokenCache } from './tokenCache';
import type {
	AuthorizedShop,
	HttpRequest,
	HttpResponse,
	HttpTransport,
	TikTokEnvelope,
	TikTokRequest,
	TikTokResult,
	TikTokShopCredentials,
	TokenSet,
} from './types';

export interface ClientOptions {
	http: HttpTransport;
	/** Requests per second per API for this app + shop; TikTok's default is 50. */
	ratePerSecond?: number;
	/** How many times a rate-limited, overloaded or failed request is sent again before giving up. */
	maxRetries?: number;
	backoffBaseMs?: number;
	backoffMaxMs?: number;
	clock?: Clock;
	/**
	 * Where requests wait for their turn: this process's token buckets by default, or one budget shared by every n8n
	 * process through Redis (sharedRateBudget.ts) when the node has the pack's Redis credential.
	 */
	rateBudget?: RateBudget;
	random?: () => number;
	tokens?: TokenCache;
	/**
	 * Inside n8n the transport is n8n's authenticated request helper: the credential signs each request, adds the
	 * access token and renews it (n8n saves the renewed tokens into the credential). The client then sends unsigned
	 * requests and, on 105002, sends once more (the credential has marked that token for renewal meanwhile).
	 */
	credentialAuthenticates?: boolean;
	/** The shop the node's Shop field names (id, name or cipher); otherwise the credential's default shop. */
	shop?: string;
}

export const DEFAULT_RATE_PER_SECOND = 50;
const refreshesInFlight = processCache<string, Promise<TokenSet>>('tiktokTokenRefreshes');

export function validateCredentials(
	credentials: Partial<TikTokShopCredentials>,
	{ tokenRequired = true }: { tokenRequired?: boolean } = {},
): TikTokShopCredentials {
	const required: Array<keyof TikTokShopCredentials> = [
		'appKey',
		'appSecret',
		...(tokenRequired ? (['accessToken'] as const) : []),
		'baseUrl',
		'authBaseUrl',
	];
	for (const field of required) {
		const value = credentials[field];
		if (typeof value !== 'string' || value.trim() === '')
			throw new CredentialFieldError(field, 'is empty. Fill it in.');
	}
	for (const field of ['baseUrl', 'authBaseUrl'] as const) {
		const value = (credentials[field] as string).trim();
		if (!/^https?:\/\/[^\s/]+/.test(value) || /\s/.test(value) || !URL.canParse(value)) {
			throw new CredentialFieldError(
				field,
				`must be a URL starting with https:// (got "${value}")`,
			);
		}
	}
	for (const field of ['appKey', 'accessToken'] as const) {
		if (/\s/.test(String(credentials[field] ?? '').trim())) {
			throw new CredentialFieldError(
				field,
				'contains spaces. Paste the value again without spaces.',
			);
		}
	}
	const expiry = credentials.accessTokenExpiresAt;
	// 10^11 seconds is the year 5138: anything larger was typed in milliseconds.
	if (
		expiry !== undefined &&
		expiry !== null &&
		(typeof expiry !== 'number' || !Number.isFinite(expiry) || expiry < 0 || expiry >= 1e11)
	) {
		throw new CredentialFieldError(
			'accessTokenExpiresAt',
			'must be a Unix time in seconds (10 digits, like 1767225600), or 0 when unknown.',
		);
	}
	return {
		...(credentials as TikTokShopCredentials),
		appKey: (credentials.appKey as string).trim(),
		appSecret: (credentials.appSecret as string).trim(),
		accessToken: String(credentials.accessToken ?? '').trim(),
		baseUrl: (credentials.baseUrl as string).trim().replace(/\/+$/, ''),
		authBaseUrl: (credentials.authBaseUrl as string).trim().replace(/\/+$/, ''),
	};
}

/**
 * The signed TikTok Shop client every node uses. It owns signing, shop_cipher, the access-token header,
 * the rate budget, retries with jittered backoff, token refresh and the error shape; callers pass a path and
 * typed parameters and get `data` back.
 */
export class TikTokShopClient {
	private readonly credentials: TikTokShopCredentials;
	private readonly clock: Clock;
	private readonly random: () => number;
	private readonly tokens: TokenCache;
	private cipher?: Promise<string>;
	/** Values that must never appear in an error message (the refresh URL carries the secret in its query). */
	private readonly secrets = new Set<string>();

	constructor(
		credentials: Partial<TikTokShopCredentials>,
		private readonly options: ClientOptions,
	) {
		this.credentials = validateCredentials(credentials, {
			tokenRequired: options.credentialAuthenticates !== true,
		});
		this.clock = options.clock ?? realClock;
		this.random = options.random ?? Math.random;
		this.tokens = options.tokens ?? tokenCache;
		this.keepSecret(
			this.credentials.appSecret,
			this.credentials.accessToken,
			this.credentials.refreshToken,
		);
	}

	get ratePerSecond(): number {
		return this.options.ratePerSecond ?? DEFAULT_RATE_PER_SECOND;
	}

	async request<T>(request: TikTokRequest): Promise<TikTokResult<T>> {
		const shopCipher = pathTakesShopCipher(request.method, request.path)
			? await this.shopCipher()
			: undefined;
		const credentialAuthenticates = this.options.credentialAuthenticates === true;
		let token: TokenSet = credentialAuthenticates ? { accessToken: '' } : await this.currentToken();
		let refreshed = false;
		const maxRetries = this.options.maxRetries ?? 5;
		for (let attempt = 0; ; attempt++) {
			const rateKey = {
				appKey: this.credentials.appKey,
				shop: shopCipher ?? '-',
				api: apiOfPath(request.path),
			};
			await (this.options.rateBudget ?? processRateBudget).take(
				rateKey,
				this.ratePerSecond,
				this.clock,
			);
			let response: HttpResponse | undefined;
			let networkError: unknown;
			try {
				response = await this.options.http(
					this.buildHttpRequest(request, token.accessToken, shopCipher),
				);
			} catch (error) {
				// The credential could not connect (a field to fix, the token service down): sending again cannot help.
				// eslint-disable-next-line @n8n/community-nodes/require-node-api-error -- the client runs outside n8n too; toNodeError converts at the node boundary
				if (error instanceof CredentialFieldError || error instanceof TikTokApiError) throw error;
				networkError = error;
			}
			const envelope = response && this.parseEnvelope<T>(request, response);
			if (envelope && envelope.code === 0)
				return { data: envelope.data as T, requestId: envelope.request_id };
			if (envelope?.code === ACCESS_TOKEN_EXPIRED && !refreshed && credentialAuthenticates) {
				// The credential renews the token that TikTok refused before the next attempt is signed.
				refreshed = true;
				continue;
			}
			if (envelope?.code === ACCESS_TOKEN_EXPIRED && !refreshed && this.credentials.refreshToken) {
				// Another request may have refreshed meanwhile (and rotated the refresh token): use its result.
				const newer = this.tokens.get(this.tokenKey());
				token =
					newer && newer.accessToken !== token.accessToken
						? newer
						: await this.refreshAccessToken(token);
				refreshed = true;
				continue;
			}
			const retryable = networkError !== undefined || isRetryable(envelope?.code, response?.status);
			const unsafeToRepeat =
				request.once === true && isAmbiguousFailure(envelope?.code, response?.status, networkError);
			if (!retryable || attempt >= maxRetries || unsafeToRepeat) {
				throw this.failure(
					request,
					response,
					envelope,
					networkError,
					retryable ? attempt + 1 : undefined,
				);
			}
			await this.clock.sleep(this.backoffMs(attempt));
		}
	}

	/** GET/POST shorthands keep call sites short and typed. */
	get<T>(path: string, query?: Query): Promise<TikTokResult<T>> {
		return this.request<T>({ method: 'GET', path, query });
	}

	post<T>(path: string, body?: unknown, query?: Query): Promise<TikTokResult<T>> {
		return this.request<T>({ method: 'POST', path, query, body });
	}

	/** The shop cipher from the credential, or discovered once through Get Authorized Shops. */
	shopCipher(): Promise<string> {
		if (!this.options.shop?.trim() && this.credentials.shopCipher?.trim())
			return Promise.resolve(this.credentials.shopCipher.trim());
		this.cipher ??= this.discoverShopCipher().catch((error: unknown) => {
			this.cipher = undefined;
			throw error;
		});
		return this.cipher;
	}

	async authorizedShops(): Promise<AuthorizedShop[]> {
		const { data } = await this.get<{ shops?: AuthorizedShop[] }>(authorizationPaths.shops);
		return data.shops ?? [];
	}

	private async discoverShopCipher(): Promise<string> {
		const shops = await this.authorizedShops();
		const chosen = this.options.shop?.trim();
		if (chosen) {
			const match = shops.find(
				(shop) =>
					shop.id === chosen ||
					shop.cipher === chosen ||
					shop.name.toLowerCase() === chosen.toLowerCase(),
			);
			if (!match) {
				throw new ShopChoiceError(
					`"${chosen}" is not among the shops the credential's authorization covers: ${describeShops(shops)}. Pick one from the list, or authorize the app for that shop and paste the new code into the credential.`,
				);
			}
			if (String(match.region).toUpperCase() !== SUPPORTED_REGION) {
				throw new ShopChoiceError(
					`"${match.name}" is a ${match.region} shop. This pack serves US shops: pick a US shop.`,
				);
			}
			return match.cipher;
		}
		const wanted = this.credentials.shop?.trim();
		if (wanted) {
			const match = shops.find(
				(shop) => shop.id === wanted || shop.name.toLowerCase() === wanted.toLowerCase(),
			);
			if (!match) {
				throw new CredentialFieldError(
					'shop',
					`"${wanted}" is not among the shops this token covers: ${describeShops(shops)}.`,
				);
			}
			return match.cipher;
		}
		if (shops.length === 1) return shops[0].cipher;
		if (shops.length === 0) {
			throw new CredentialFieldError(
				'accessToken',
				'is not authorized for any shop. Re-authorize the app in Seller Center.',
			);
		}
		throw new CredentialFieldError(
			'shop',
			`is empty but this token covers several shops (${describeShops(shops)}). Enter one shop's id or name.`,
		);
	}

	private async currentToken(): Promise<TokenSet> {
		const cached = this.tokens.get(this.tokenKey());
		if (cached) this.keepSecret(cached.accessToken, cached.refreshToken);
		const token: TokenSet = cached ?? {
			accessToken: this.credentials.accessToken,
			refreshToken: this.credentials.refreshToken,
			accessTokenExpiresAt: this.credentials.accessTokenExpiresAt || undefined,
		};
		const nowSeconds = Math.floor(this.clock.now() / 1000);
		if (
			token.accessTokenExpiresAt &&
			token.accessTokenExpiresAt - REFRESH_MARGIN_SECONDS <= nowSeconds &&
			token.refreshToken
		) {
			return this.refreshAccessToken(token);
		}
		return token;
	}

	/**
	 * Concurrent requests that all meet 105002 share one refresh: TikTok may rotate the refresh token, and a second
	 * refresh with the old one could fail.
	 */
	refreshAccessToken(current: TokenSet): Promise<TokenSet> {
		const key = this.tokenKey();
		let refreshing = refreshesInFlight.get(key);
		if (!refreshing) {
			refreshing = this.requestNewToken(current).finally(() => refreshesInFlight.delete(key));
			refreshesInFlight.set(key, refreshing);
		}
		return refreshing;
	}

	/** GET {auth}/api/v2/token/refresh. Unsigned by design: the secret travels in the query. */
	private async requestNewToken(current: TokenSet): Promise<TokenSet> {
		const refreshToken = current.refreshToken ?? this.credentials.refreshToken;
		if (!refreshToken)
			throw new CredentialFieldError(
				'refreshToken',
				'is empty, so the expired access token cannot be renewed. Paste the refresh token.',
			);
		const query = new URLSearchParams({
			app_key: this.credentials.appKey,
			app_secret: this.credentials.appSecret,
			refresh_token: refreshToken,
			grant_type: 'refresh_token',
		});
		const path = '/api/v2/token/refresh';
		let response: HttpResponse;
		try {
			response = await this.options.http({
				method: 'GET',
				url: `${this.credentials.authBaseUrl}${path}?${query}`,
				headers: {},
			});
		} catch (error) {
			// eslint-disable-next-line @n8n/community-nodes/require-node-api-error -- the client runs outside n8n too; toNodeError converts at the node boundary
			throw new TikTokApiError({
				code: -1,
				message: `token refresh did not reach TikTok: ${this.redact(errorText(error))}`,
				method: 'GET',
				path,
			});
		}
		const envelope = this.parseEnvelope<{
			access_token: string;
			access_token_expire_in: number;
			refresh_token?: string;
		}>({ method: 'GET', path }, response);
		if (envelope.code !== 0 || !envelope.data?.access_token) {
			throw new TikTokApiError(
				{
					code: envelope.code,
					message: envelope.message,
					requestId: envelope.request_id,
					httpStatus: response.status,
					method: 'GET',
					path,
				},
				'TikTok says the access token expired (105002), and the refresh token was used and also failed: reconnect the shop and paste new tokens into the credential.',
			);
		}
		const next: TokenSet = {
			accessToken: envelope.data.access_token,
			refreshToken: envelope.data.refresh_token || refreshToken,
			accessTokenExpiresAt: envelope.data.access_token_expire_in,
		};
		this.keepSecret(next.accessToken, next.refreshToken);
		this.tokens.set(this.tokenKey(), next);
		return next;
	}

	private tokenKey(): string {
		return `${this.credentials.appKey}\u0000${this.credentials.refreshToken ?? this.credentials.accessToken}`;
	}

	private buildHttpRequest(
		request: TikTokRequest,
		accessToken: string,
		shopCipher: string | undefined,
	): HttpRequest {
		const signs = this.options.credentialAuthenticates !== true;
		const query: Query = {
			...request.query,
			...(signs
				? { app_key: this.credentials.appKey, timestamp: Math.floor(this.clock.now() / 1000) }
				: {}),
			...(shopCipher ? { shop_cipher: shopCipher } : {}),
		};
		const headers: Record<string, string> = signs ? { 'x-tts-access-token': accessToken } : {};
		let body: string | Buffer | undefined;
		let signedBody: string | undefined;
		if (request.multipart) {
			const multipart = buildMultipart(request.multipart.file, request.multipart.fields);
			body = multipart.body;
			headers['content-type'] = multipart.contentType;
		} else {
			headers['content-type'] = 'application/json';
			if (request.body !== undefined) {
				signedBody = JSON.stringify(request.body);
				body = signedBody;
			}
		}
		if (signs)
			query.sign = signRequest(this.credentials.appSecret, request.path, query, signedBody);
		const search = Object.entries(query)
			.filter(([, value]) => value !== undefined)
			.map(
				([key, value]) =>
					`${encodeURIComponent(key)}=${encodeURIComponent(queryValueToString(value!))}`,
			)
			.join('&');
		return {
			method: request.method,
			url: `${this.credentials.baseUrl}${request.path}?${search}`,
			headers,
			body,
		};
	}

	private parseEnvelope<T>(
		request: Pick<TikTokRequest, 'method' | 'path'>,
		response: HttpResponse,
	): TikTokEnvelope<T> {
		try {
			const envelope = parseJsonKeepingBigIds<TikTokEnvelope<T>>(response.body);
			if (envelope && typeof envelope.code === 'number') {
				return typeof envelope.message === 'string'
					? { ...envelope, message: this.redact(envelope.message) }
					: envelope;
			}
		} catch {
			// Not JSON: fall through to an envelope that describes the HTTP answer.
		}
		const code = response.status === 429 ? 36009002 : -1;
		const excerpt = this.redact(response.body).slice(0, 200) || 'empty body';
		return {
			code,
			message: `HTTP ${response.status} from ${request.method} ${request.path}: ${excerpt}`,
		};
	}

	private failure(
		request: TikTokRequest,
		response: HttpResponse | undefined,
		envelope: TikTokEnvelope<unknown> | undefined,
		networkError: unknown,
		attempts: number | undefined,
	): TikTokApiError {
		const after = attempts ? ` after ${attempts} attempts` : '';
		if (!envelope) {
			return new TikTokApiError(
				{
					code: -1,
					message: `could not reach TikTok${after}: ${this.redact(errorText(networkError))}`,
					method: request.method,
					path: request.path,
				},
				`Check the credential's API Base URL (${this.credentials.baseUrl}) and this machine's network.`,
			);
		}
		return new TikTokApiError({
			code: envelope.code,
			message: `${envelope.message}${after}`,
			requestId: envelope.request_id,
			httpStatus: response?.status,
			method: request.method,
			path: request.path,
		});
	}

	private keepSecret(...values: Array<string | undefined>): void {
		for (const value of values) if (value && value.length >= 4) this.secrets.add(value);
	}

	/** Replaces every secret, raw or URL-encoded, and every secret-bearing query parameter with "[redacted]". */
	private redact(text: string): string {
		let result = redactSecretParams(text);
		for (const secret of this.secrets) {
			const forms = new Set([
				secret,
				encodeURIComponent(secret),
				new URLSearchParams({ s: secret }).toString().slice(2),
			]);
			for (const form of forms) result = result.split(form).join('[redacted]');
		}
		return result;
	}

	/** Full-jitter exponential backoff, as TikTok's rate-limit page recommends. */
	private backoffMs(attempt: number): number {
		const base = this.options.backoffBaseMs ?? 500;
		const cap = Math.min(this.options.backoffMaxMs ?? 20_000, base * 2 ** attempt);
		return Math.round(cap / 2 + (this.random() * cap) / 2);
	}
}

function describeShops(shops: AuthorizedShop[]): string {
	return shops.map((shop) => `${shop.name} (id ${shop.id})`).join(', ');
}

function errorText(error: unknown): string {
	return error instanceof Error ? error.message : String(error);
}
