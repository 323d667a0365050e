import { randomBytes } from 'node:crypto';

export interface IssuedTokens {
	accessToken: string;
	accessTokenExpiresAt: number;
	refreshToken: string;
	refreshTokenExpiresAt: number;
}

export type AccessCheck = 'valid' | 'unknown' | 'expired';

/** TikTok's refresh token lasts as long as the seller's authorization; a year is typical. */
export const DEFAULT_REFRESH_TOKEN_TTL_SECONDS = 365 * 86400;

/**
 * The authorization server's memory. Refreshing rotates the refresh token and retires the old one, the strictest
 * reading of "a refresh may return a new refresh_token" (reference §2): a client that keeps using the first refresh
 * token fails here instead of in production. Earlier access tokens stay valid until they expire, as TikTok's do.
 */
export class TokenStore {
	private readonly access = new Map<string, number>();
	private readonly refresh = new Map<string, number>();
	private readonly authCodes = new Map<string, number>();

	constructor(
		private readonly accessTtlSeconds: number,
		private readonly nowSeconds: () => number,
		private readonly refreshTtlSeconds = DEFAULT_REFRESH_TOKEN_TTL_SECONDS,
	) {}

	seed(accessToken: string, refreshToken: string, authCode: string): IssuedTokens {
		const now = this.nowSeconds();
		this.authCodes.set(authCode, now + 30 * 60);
		return this.store(accessToken, refreshToken, now);
	}

	/** A single-use code (a fresh one unless given), as the seller's visit to the authorization link gives one. */
	issueAuthCode(code = `ROW_${randomBytes(18).toString('base64url')}`): string {
		this.authCodes.set(code, this.nowSeconds() + 30 * 60);
		return code;
	}

	check(accessToken: string | undefined): AccessCheck {
		const expiresAt = accessToken ? this.access.get(accessToken) : undefined;
		if (expiresAt === undefined) return 'unknown';
		return expiresAt <= this.nowSeconds() ? 'expired' : 'valid';
	}

	/** Every access token issued so far now reads as expired (105002) until the client refreshes. */
	expireAll(): void {
		const past = this.nowSeconds() - 1;
		for (const token of this.access.keys()) this.access.set(token, past);
	}

	/** The auth code is single-use and valid for 30 minutes (reference §2). */
	exchangeAuthCode(code: string): IssuedTokens | undefined {
		const expiresAt = this.authCodes.get(code);
		this.authCodes.delete(code);
		if (expiresAt === undefined || expiresAt <= this.nowSeconds()) return undefined;
		return this.issue();
	}

	/** A new token pair; the refresh token given is retired at once (rotation, the strictest case). */
	rotate(refreshToken: string): IssuedTokens | 'unknown' | 'expired' {
		const expiresAt = this.refresh.get(refreshToken);
		if (expiresAt === undefined) return 'unknown';
		if (expiresAt <= this.nowSeconds()) return 'expired';
		this.refresh.delete(refreshToken);
		return this.issue();
	}

	/** Ends the authorization early (the seller's authorization ran out): its refresh tokens read as expired. */
	expireRefreshTokens(): void {
		const past = this.nowSeconds() - 1;
		for (const token of this.refresh.keys()) this.refresh.set(token, past);
	}

	private issue(): IssuedTokens {
		const token = () => `TTP_${randomBytes(30).toString('base64url')}`;
		return this.store(token(), token(), this.nowSeconds());
	}

	private store(accessToken: string, refreshToken: string, now: number): IssuedTokens {
		const tokens = {
			accessToken,
			accessTokenExpiresAt: now + this.accessTtlSeconds,
			refreshToken,
			refreshTokenExpiresAt: now + this.refreshTtlSeconds,
		};
		this.access.set(accessToken, tokens.accessTokenExpiresAt);
		this.refresh.set(refreshToken, tokens.refreshTokenExpiresAt);
		return tokens;
	}
}
