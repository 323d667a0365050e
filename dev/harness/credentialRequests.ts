import type {
	ICredentialDataDecryptedObject,
	IDataObject,
	IHttpRequestHelper,
	IHttpRequestOptions,
} from 'n8n-workflow';

import { TikTokShopApi } from '../../credentials/TikTokShopApi.credentials';

type HttpRequest = (options: IHttpRequestOptions) => Promise<unknown>;

const credentialType = new TikTokShopApi();

/**
 * n8n-core's `httpRequestWithAuthentication` for the TikTok Shop API credential, as n8n 2.41 runs it
 * (execution-engine/.../request-helpers/authentication.ts): read the credential, run `preAuthentication` when the
 * expirable field is empty and save its result, sign with `authenticate`, send; on an HTTP 401 (thrown by the
 * request or by `authenticate`) run `preAuthentication` again, save, sign again and send once more. `stored` plays
 * the database: it is read on every request and written by every save.
 */
export function credentialRequests(
	stored: ICredentialDataDecryptedObject,
	httpRequest: HttpRequest,
) {
	const helper: IHttpRequestHelper = {
		helpers: { httpRequest: httpRequest as IHttpRequestHelper['helpers']['httpRequest'] },
	};
	const preAuthenticate = async (credentials: ICredentialDataDecryptedObject) => {
		const output = (await credentialType.preAuthentication!.call(
			helper,
			credentials,
		)) as IDataObject;
		if (output.connection === undefined) return;
		Object.assign(stored, output);
		Object.assign(credentials, output);
	};
	const authenticate = credentialType.authenticate as (
		credentials: ICredentialDataDecryptedObject,
		options: IHttpRequestOptions,
	) => Promise<IHttpRequestOptions>;
	return async function httpRequestWithAuthentication(
		_type: string,
		options: IHttpRequestOptions,
	): Promise<unknown> {
		const credentials: ICredentialDataDecryptedObject = { connection: '', ...stored };
		try {
			if (credentials.connection === '') await preAuthenticate(credentials);
			return await httpRequest(await authenticate(credentials, options));
		} catch (error) {
			if ((error as { response?: { status?: number } }).response?.status !== 401)
				throw wrapped(error);
			try {
				await preAuthenticate(credentials);
				return await httpRequest(await authenticate(credentials, options));
			} catch (retryError) {
				throw wrapped(retryError);
			}
		}
	};
}

/** n8n wraps what fails here in a NodeApiError whose `cause` is the original error. */
function wrapped(error: unknown): Error {
	const message = error instanceof Error ? error.message : String(error);
	return new Error(message, { cause: error });
}
