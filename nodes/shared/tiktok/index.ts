import {
	NodeApiError,
	NodeOperationError,
	type IDataObject,
	type IExecuteFunctions,
	type IHookFunctions,
	type IHttpRequestMethods,
	type ILoadOptionsFunctions,
	type INodeListSearchResult,
	type INode,
	type IWebhookFunctions,
	type JsonObject,
} from 'n8n-workflow';

import { TikTokShopClient, type ClientOptions } from './client';
import {
	SENT_TOKEN_HEADER,
	bodyText,
	nextRequestId,
	settleSentToken,
} from './credentialAuthorization';
import {
	CredentialFieldError,
	ShopChoiceError,
	TikTokApiError,
	redactSecretParams,
} from './errors';
import { shopOfNode } from './shopParameter';

export { shopParameter } from './shopParameter';
import { rateBudgetForNode } from './sharedRateBudget';
import type { HttpRequest, HttpResponse, HttpTransport, TikTokShopCredentials } from './types';

export { TikTokShopClient } from './client';
export { TikTokApiError, CredentialFieldError, isAmbiguousFailure } from './errors';
export { collect, collectPages, pages } from './paginate';
export type * from './types';

export const CREDENTIAL_NAME = 'tikTokShopApi';

type N8nContext = IExecuteFunctions | ILoadOptionsFunctions | IHookFunctions | IWebhookFunctions;

/**
 * n8n's authenticated request helper: the credential signs each request and adds the access token, and n8n runs
 * the credential's preAuthentication (exchange the code, renew the token) and saves its result into the
 * credential, so every n8n process and every restart reads the newest tokens. Proxies, SSRF rules and TLS settings
 * of the instance apply.
 */
function n8nAuthenticatedTransport(context: N8nContext): HttpTransport {
	const send = async (request: HttpRequest): Promise<HttpResponse> => {
		const id = nextRequestId();
		let accessTokenRejected = false;
		try {
			const response = (await context.helpers.httpRequestWithAuthentication.call(
				context,
				CREDENTIAL_NAME,
				{
					method: request.method as IHttpRequestMethods,
					url: request.url,
					headers: { ...request.headers, [SENT_TOKEN_HEADER]: id },
					body: request.body,
					encoding: 'arraybuffer',
					json: false,
					returnFullResponse: true,
					ignoreHttpStatusErrors: true,
					timeout: 30_000,
				},
			)) as { statusCode: number; body: Buffer | ArrayBuffer | string };
			const body = bodyText(response.body);
			accessTokenRejected = /"code"\s*:\s*105002\b/.test(body);
			return { status: response.statusCode, body };
		} finally {
			settleSentToken(id, accessTokenRejected);
		}
	};
	return async (request) => {
		try {
			return await send(request);
		} catch (error) {
			const cause = authorizationCause(error);
			if (!(cause instanceof CredentialFieldError) || cause.field !== 'refreshToken')
				throw cause ?? error;
			// Another n8n process renewed first and TikTok retired the refresh token this one read: read the
			// credential again (n8n does on every request), which now holds the other process's tokens.
			try {
				return await send(request);
			} catch (again) {
				throw authorizationCause(again) ?? cause;
			}
		}
	};
}

/**
 * What the credential's preAuthentication threw (a field to fix, or the token service unreachable), from inside
 * the NodeApiError n8n wraps it in.
 */
function authorizationCause(error: unknown): CredentialFieldError | TikTokApiError | undefined {
	for (let current = error, depth = 0; current && depth < 5; depth++) {
		if (current instanceof CredentialFieldError || current instanceof TikTokApiError)
			return current;
		current = (current as { cause?: unknown }).cause;
	}
	return undefined;
}

/**
 * The signed client for the node's "TikTok Shop API" credential. Its rate budget is this process's unless the node
 * has the "TikTok Shop Ops Redis" credential in use: then it is shared through Redis by every n8n process.
 */
export async function getTikTokClient(
	this: N8nContext,
	options: Omit<ClientOptions, 'http'> = {},
): Promise<TikTokShopClient> {
	const credentials = (await this.getCredentials(
		CREDENTIAL_NAME,
	)) as unknown as TikTokShopCredentials;
	// With the pack's Redis credential in use, every n8n process shares one budget per app + shop + API.
	const rateBudget = options.rateBudget ?? (await rateBudgetForNode(this));
	try {
		return new TikTokShopClient(credentials, {
			...options,
			rateBudget,
			http: n8nAuthenticatedTransport(this),
			credentialAuthenticates: true,
			shop: options.shop ?? shopOfNode(this),
		});
	} catch (error) {
		throw toNodeError(this.getNode(), error);
	}
}

/**
 * TikTok failures become NodeApiError with TikTok's code, message and request_id (and a next step);
 * credential problems become NodeOperationError naming the field. Whatever comes out has no secret-bearing query
 * value (`sign`, tokens, app secret) in its message, description, context or stack.
 */
export function toNodeError(
	node: INode,
	error: unknown,
	itemIndex?: number,
): NodeApiError | NodeOperationError {
	return withoutSecretParams(convert(node, error, itemIndex));
}

function convert(
	node: INode,
	error: unknown,
	itemIndex?: number,
): NodeApiError | NodeOperationError {
	if (error instanceof NodeApiError || error instanceof NodeOperationError) return error;
	if (error instanceof TikTokApiError) {
		const response: IDataObject = {
			code: error.code,
			message: error.tiktokMessage,
			request_id: error.requestId ?? null,
		};
		const message = `TikTok: ${error.tiktokMessage} (code ${error.code})`;
		const nodeError = new NodeApiError(node, response as JsonObject, {
			message,
			description: [
				error.hint,
				error.requestId ? `request_id ${error.requestId}` : undefined,
				`${error.method} ${error.path}`,
			]
				.filter(Boolean)
				.join(' · '),
			httpCode: error.httpStatus ? String(error.httpStatus) : undefined,
			itemIndex,
		});
		// NodeApiError swaps a message that mentions ECONNREFUSED, ETIMEDOUT… for a generic sentence, which would drop
		// TikTok's code and the attempt count; keep ours.
		nodeError.message = message;
		Object.assign(nodeError, { tiktokCode: error.code, requestId: error.requestId });
		return nodeError;
	}
	if (error instanceof ShopChoiceError) {
		return new NodeOperationError(node, error.message, {
			itemIndex,
			description: "Open the node's Shop field and pick one of the credential's shops.",
		});
	}
	if (error instanceof CredentialFieldError) {
		return new NodeOperationError(node, error.message, {
			itemIndex,
			description:
				'Open the TikTok Shop API credential, correct this field and save: the credential test then shows the shops it reaches.',
		});
	}
	// A copy: the original (from a transport, say) may quote a URL, and n8n keeps the error it wraps.
	const original = error instanceof Error ? error : new Error(String(error));
	const copy = new Error(redactSecretParams(original.message));
	copy.name = original.name;
	copy.stack = original.stack === undefined ? undefined : redactSecretParams(original.stack);
	return new NodeOperationError(node, copy, { itemIndex });
}

/** n8n shows and stores these fields of an error; any of them can carry a URL another layer put there. */
function withoutSecretParams<E extends NodeApiError | NodeOperationError>(error: E): E {
	error.message = redactSecretParams(error.message);
	if (typeof error.description === 'string')
		error.description = redactSecretParams(error.description);
	if (error.stack) error.stack = redactSecretParams(error.stack);
	error.messages = error.messages.map((message) => redactSecretParams(message));
	error.context = redactInJson(error.context) as E['context'];
	if (error instanceof NodeApiError && error.errorResponse)
		error.errorResponse = redactInJson(error.errorResponse) as JsonObject;
	return error;
}

function redactInJson(value: unknown): unknown {
	if (typeof value === 'string') return redactSecretParams(value);
	if (Array.isArray(value)) return value.map(redactInJson);
	if (value && typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype) {
		return Object.fromEntries(
			Object.entries(value).map(([key, inner]) => [key, redactInJson(inner)]),
		);
	}
	return value;
}

/** The list behind the Shop field: the shops the credential's authorization covers (Get Authorized Shops). */
export async function searchShops(
	this: ILoadOptionsFunctions,
	filter?: string,
): Promise<INodeListSearchResult> {
	const client = await getTikTokClient.call(this);
	try {
		const shops = await client.authorizedShops();
		const wanted = filter?.trim().toLowerCase();
		return {
			results: shops
				.filter(
					(shop) => !wanted || shop.name.toLowerCase().includes(wanted) || shop.id.includes(wanted),
				)
				.map((shop) => ({
					name: `${shop.name} (${shop.region}${shop.region === 'US' ? '' : ', not supported'})`,
					value: shop.id,
				})),
		};
	} catch (error) {
		throw toNodeError(this.getNode(), error);
	}
}
