import type { ICredentialDataDecryptedObject, IDataObject, IHttpRequestHelper } from 'n8n-workflow';

import { processCache } from '../processCaches';
import {
	connectionValue,
	exchangeAuthorizationCode,
	fingerprint,
	grantToCredentialData,
	markAccessTokenRejected,
	planAuthorization,
	refreshAuthorization,
	type AuthorizationFields,
} from './authorization';
import type { HttpTransport } from './types';

/**
 * The credential's side of n8n's self-renewing credentials. n8n calls `preAuthentication` when the hidden
 * `connection` field is empty, and again when a request fails with HTTP 401 (n8n-core's
 * httpRequestWithAuthentication). It does not know when a TikTok token expires, so `authenticate` throws a
 * 401-shaped error (before anything is sent) when the token is due for renewal or a new authorization code was
 * pasted; n8n then runs `preAuthentication`, saves its result into the credential and signs again.
 */

/** A request id the pack's transport sends so the credential can say which access token that request carried. */
export const SENT_TOKEN_HEADER = 'x-tiktok-shop-ops-request';

const sentTokens = processCache<string, string>('tiktokSentTokens');

/** Called by `authenticate`: remembers which access token (its fingerprint) a tagged request carried. */
export function recordSentToken(
	requestOptions: { headers?: IDataObject },
	accessToken: string | undefined,
): void {
	const id = requestOptions.headers?.[SENT_TOKEN_HEADER];
	if (typeof id !== 'string' || !accessToken) return;
	if (sentTokens.size >= 1024) sentTokens.delete(sentTokens.keys().next().value as string);
	sentTokens.set(id, accessToken);
}

/**
 * Called by the transport once a tagged request has its answer. On 105002 the access token it carried is marked
 * rejected, so the next `authenticate` asks n8n to renew it even though the clock says it is still valid.
 */
export function settleSentToken(id: string, accessTokenRejected: boolean): void {
	const token = sentTokens.get(id);
	sentTokens.delete(id);
	if (token && accessTokenRejected) markAccessTokenRejected(token);
}

/** The error `authenticate` throws to make n8n run `preAuthentication` (n8n retries on HTTP 401). */
export class AuthorizationRenewalNeeded extends Error {
	readonly response = { status: 401 };

	readonly httpCode = '401';

	constructor(reason: string) {
		super(`The TikTok Shop credential needs ${reason} before this request`);
		this.name = 'AuthorizationRenewalNeeded';
	}
}

function fieldsOf(credentials: ICredentialDataDecryptedObject): AuthorizationFields {
	return credentials as unknown as AuthorizationFields;
}

/** Throws AuthorizationRenewalNeeded when the credential must exchange a code or renew its token first. */
export function authenticationNeeded(credentials: ICredentialDataDecryptedObject): void {
	const plan = planAuthorization(fieldsOf(credentials), Math.floor(Date.now() / 1000));
	if (plan.action === 'exchange')
		throw new AuthorizationRenewalNeeded('its authorization code exchanged');
	if (plan.action === 'refresh') throw new AuthorizationRenewalNeeded('a renewed access token');
}

/**
 * The credential's `preAuthentication`: exchange the code, renew the token, or record pasted tokens. What it
 * returns, n8n saves into the credential.
 */
export async function renewAuthorization(
	credentials: ICredentialDataDecryptedObject,
	http: HttpTransport,
): Promise<IDataObject> {
	const fields = fieldsOf(credentials);
	const plan = planAuthorization(fields, Math.floor(Date.now() / 1000));
	const app = {
		http,
		appKey: String(fields.appKey ?? ''),
		appSecret: String(fields.appSecret ?? ''),
		authBaseUrl: String(fields.authBaseUrl ?? ''),
	};
	if (plan.action === 'exchange') {
		const grant = await exchangeAuthorizationCode({ ...app, code: plan.code });
		return grantToCredentialData(grant, plan.code);
	}
	if (plan.action === 'refresh') {
		const grant = await refreshAuthorization({ ...app, refreshToken: plan.refreshToken });
		return grantToCredentialData(grant, fields.authCode);
	}
	return {
		connection: connectionValue({
			authCode: fields.authCode,
			accessToken: String(fields.accessToken ?? ''),
		}),
	};
}

/** The token endpoints through the request helper n8n hands to `preAuthentication`. */
export function credentialHttpTransport(helper: IHttpRequestHelper): HttpTransport {
	return async (request) => {
		const response = (await helper.helpers.httpRequest({
			method: request.method,
			url: request.url,
			headers: request.headers,
			encoding: 'arraybuffer',
			json: false,
			returnFullResponse: true,
			ignoreHttpStatusErrors: true,
			timeout: 30_000,
		})) as { statusCode: number; body: Buffer | ArrayBuffer | string };
		return { status: response.statusCode, body: bodyText(response.body) };
	};
}

export function bodyText(body: Buffer | ArrayBuffer | string): string {
	return typeof body === 'string' ? body : Buffer.from(body as ArrayBuffer).toString('utf8');
}

/** A request id for SENT_TOKEN_HEADER: unique in this process. */
let sequence = 0;
export function nextRequestId(): string {
	sequence = (sequence + 1) % Number.MAX_SAFE_INTEGER;
	return `${process.pid}-${sequence}-${fingerprint(String(Date.now())).slice(0, 6)}`;
}
