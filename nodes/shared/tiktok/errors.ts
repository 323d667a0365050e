/** What TikTok's common error codes mean for a seller, and what to do next (reference §9). */
export const ERROR_HINTS: Record<number, string> = {
	105002:
		'The access token has expired. The credential refreshes it with the refresh token; if this persists, reconnect the shop and paste new tokens into the credential.',
	106001:
		"TikTok rejected the request signature. Check that the credential's App Key and App Secret belong to the same app.",
	36009004:
		"TikTok rejected the credentials or the request timestamp. Check the App Key and Access Token, and that this machine's clock is correct (TikTok allows 5 minutes of drift).",
	105005:
		'The app or token lacks the scope this call needs. Grant the scope in Partner Center and re-authorize the shop.',
	101000:
		'The access token does not belong to the shop selected in the credential. Check the Shop Cipher or Shop field.',
	106013:
		'This call needs a shop. Set the Shop Cipher in the credential, or leave it empty to have it discovered.',
	36009002:
		"TikTok's rate limit was hit (50 requests per second per API and shop) and retries did not get through. Lower the node's Requests per Second or run fewer workflows at once.",
	36009003: 'TikTok had an internal error. Retry later.',
	36009007: 'TikTok timed out. Retry later.',
	36009014: 'This API version is not available. Update the node pack.',
	36009033: "This machine's IP address is not in the app's allow-list in Partner Center.",
};

export interface TikTokErrorDetails {
	code: number;
	message: string;
	requestId?: string;
	httpStatus?: number;
	method: string;
	path: string;
}

/** A failed TikTok call, outside n8n: the node layer turns it into a NodeApiError with the same fields. */
export class TikTokApiError extends Error {
	readonly code: number;
	readonly tiktokMessage: string;
	readonly requestId?: string;
	readonly httpStatus?: number;
	readonly method: string;
	readonly path: string;
	readonly hint?: string;

	constructor(details: TikTokErrorDetails, hint?: string) {
		const message = redactSecretParams(details.message);
		super(`TikTok ${details.method} ${details.path} failed: ${message} (code ${details.code})`);
		this.name = 'TikTokApiError';
		this.code = details.code;
		this.tiktokMessage = message;
		this.requestId = details.requestId;
		this.httpStatus = details.httpStatus;
		this.method = details.method;
		this.path = details.path;
		this.hint = hint ?? ERROR_HINTS[details.code];
	}
}

/**
 * Query parameters whose value is a secret: the request signature (valid for 5 minutes with its timestamp), the
 * tokens, the app secret and an authorization code. Any name ending in "secret" or "token" counts too.
 */
const SECRET_PARAM =
	/(?:(?<=%3F|%26)|(?<![\w-]))(sign|auth_code|access_token|refresh_token|x-tts-access-token|[\w-]*secret)(=|%3D|"\s*:\s*"|'\s*:\s*')((?:(?!%26)[^&\s"'<>#,;)\\])*)/gi;

/**
 * Replaces the value of every secret-bearing parameter with "[redacted]", whether it appears in a URL (raw or
 * URL-encoded, as a gateway that echoes the request shows it) or as a JSON field. Works on any text, so it also
 * catches values the client never held, such as each request's `sign`.
 */
export function redactSecretParams(text: string): string {
	return text.replace(SECRET_PARAM, (match, name: string, separator: string, value: string) =>
		value === '' || value === '[redacted]' ? match : `${name}${separator}[redacted]`,
	);
}

/** Codes and HTTP statuses that a later identical request may get through. */
const RETRYABLE_CODES = new Set([36009002, 36009003, 36009007]);
const RETRYABLE_STATUS = new Set([429, 500, 502, 503, 504]);

export function isRetryable(code: number | undefined, httpStatus: number | undefined): boolean {
	return (
		(code !== undefined && RETRYABLE_CODES.has(code)) ||
		(httpStatus !== undefined && RETRYABLE_STATUS.has(httpStatus))
	);
}

/**
 * A failure after which TikTok may or may not have applied the request: no answer at all, a 5xx, an internal error
 * or a timeout. A 429 / 36009002 is not one: the rate limiter turned the request away before it was handled.
 */
export function isAmbiguousFailure(
	code: number | undefined,
	httpStatus: number | undefined,
	networkError?: unknown,
): boolean {
	if (networkError !== undefined || code === undefined || code === -1) return true;
	if (code === 36009002 || httpStatus === 429) return false;
	return code === 36009003 || code === 36009007 || (httpStatus !== undefined && httpStatus >= 500);
}

/** The labels the credential form shows, so a message names the field the user sees. */
const CREDENTIAL_FIELD_LABELS: Record<string, string> = {
	appKey: 'App Key',
	appSecret: 'App Secret',
	authCode: 'Authorization Code',
	accessToken: 'Access Token',
	refreshToken: 'Refresh Token',
	accessTokenExpiresAt: 'Access Token Expires At',
	shopCipher: 'Shop Cipher',
	shop: 'Shop (ID or Name)',
	baseUrl: 'API Base URL',
	authBaseUrl: 'Auth Base URL',
};

/** Thrown when a credential field is missing or malformed: names the field so the user knows what to fix. */
export class CredentialFieldError extends Error {
	constructor(
		readonly field: string,
		problem: string,
	) {
		const label = CREDENTIAL_FIELD_LABELS[field];
		super(
			`TikTok Shop API credential: ${label ? `${label} ("${field}")` : `"${field}"`} ${problem}`,
		);
		this.name = 'CredentialFieldError';
	}
}

/** The node's Shop field names a shop the credential's authorization does not cover (or one the pack cannot serve). */
export class ShopChoiceError extends Error {
	constructor(problem: string) {
		super(`Shop: ${problem}`);
		this.name = 'ShopChoiceError';
	}
}
