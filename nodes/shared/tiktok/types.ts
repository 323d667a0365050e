import type { Query } from './sign';

export interface TikTokShopCredentials {
	appKey: string;
	appSecret: string;
	accessToken: string;
	refreshToken?: string;
	/** Unix seconds, as TikTok's `access_token_expire_in`. 0 or empty when unknown. */
	accessTokenExpiresAt?: number;
	shopCipher?: string;
	/** Shop id or name, used to pick the cipher when the token covers several shops. */
	shop?: string;
	baseUrl: string;
	authBaseUrl: string;
}

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'DELETE';

export interface HttpRequest {
	method: HttpMethod;
	url: string;
	headers: Record<string, string>;
	body?: string | Buffer;
}

export interface HttpResponse {
	status: number;
	body: string;
}

/** The one seam to the network: n8n's request helper inside n8n, fetch elsewhere. */
export type HttpTransport = (request: HttpRequest) => Promise<HttpResponse>;

export interface MultipartFile {
	fieldName: string;
	fileName: string;
	contentType: string;
	data: Buffer;
}

export interface TikTokRequest {
	method: HttpMethod;
	/** e.g. `/order/202309/orders/search` */
	path: string;
	query?: Query;
	/** Serialised once; the same string is signed and sent. */
	body?: unknown;
	multipart?: { file: MultipartFile; fields?: Record<string, string> };
	/**
	 * A write TikTok applies only once (ship, update shipping info). After an ambiguous failure (no answer, a 5xx,
	 * 36009003 or 36009007) it may have been applied, and a retry would only meet "already done": the client throws
	 * at once and the caller reads back what TikTok holds. Rate limiting (429) is still retried.
	 */
	once?: boolean;
}

export interface TikTokEnvelope<T> {
	code: number;
	message: string;
	request_id?: string;
	data?: T;
}

export interface TikTokResult<T> {
	data: T;
	requestId?: string;
}

/** A per-item failure that TikTok reports inside a successful (code 0) response. */
export interface TikTokPartialError {
	code: number;
	message: string;
	detail?: Record<string, unknown>;
}

export interface AuthorizedShop {
	id: string;
	name: string;
	region: string;
	seller_type: string;
	cipher: string;
	code: string;
}

export interface TokenSet {
	accessToken: string;
	refreshToken?: string;
	accessTokenExpiresAt?: number;
}
