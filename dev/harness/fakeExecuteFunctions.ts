import type {
	ICredentialDataDecryptedObject,
	IDataObject,
	IExecuteFunctions,
	IHttpRequestOptions,
	INode,
	INodeExecutionData,
	INodeType,
} from 'n8n-workflow';

import { credentialRequests } from './credentialRequests';

/**
 * A stand-in for the n8n host around a node's `execute`: parameters, input items, credentials and the HTTP helper
 * (plain fetch, so nock or the simulator answer; the authenticated helper runs the credential as n8n does). The node, its router, its operations and the client all run for real.
 */
export interface FakeRun {
	parameters: Record<string, unknown | ((itemIndex: number) => unknown)>;
	items?: INodeExecutionData[];
	credentials?: ICredentialDataDecryptedObject;
	continueOnFail?: boolean;
	node?: Partial<INode>;
	/** The workflow's time zone (`getTimezone()`); n8n's default when unset. */
	timezone?: string;
}

function getPath(source: Record<string, unknown>, path: string): unknown {
	return path
		.split('.')
		.reduce<unknown>(
			(value, key) =>
				value && typeof value === 'object' ? (value as IDataObject)[key] : undefined,
			source,
		);
}

async function httpRequest(options: IHttpRequestOptions): Promise<unknown> {
	const url = new URL(options.url, options.baseURL);
	for (const [key, value] of Object.entries(options.qs ?? {}))
		url.searchParams.set(key, String(value));
	const body = options.body;
	const response = await fetch(url, {
		method: options.method ?? 'GET',
		headers: options.headers as Record<string, string>,
		body:
			typeof body === 'string' || Buffer.isBuffer(body)
				? (body as string | Uint8Array)
				: body === undefined
					? undefined
					: JSON.stringify(body),
	});
	const buffer = Buffer.from(await response.arrayBuffer());
	if (!response.ok && !options.ignoreHttpStatusErrors) throw new Error(`HTTP ${response.status}`);
	const parsed = options.encoding === 'arraybuffer' ? buffer : buffer.toString('utf8');
	return options.returnFullResponse
		? { statusCode: response.status, body: parsed, headers: Object.fromEntries(response.headers) }
		: parsed;
}

export function fakeExecuteFunctions(run: FakeRun): IExecuteFunctions {
	const node: INode = {
		id: 'test-node',
		name: 'TikTok Shop',
		type: 'n8n-nodes-tiktok-shop-ops.tikTokShop',
		typeVersion: 1,
		position: [0, 0],
		parameters: {},
		...run.node,
	};
	const items = run.items ?? [{ json: {} }];
	run.credentials ??= {};
	const httpRequestWithAuthentication = credentialRequests(run.credentials, httpRequest);
	const context = {
		getInputData: () => items,
		getNode: () => node,
		continueOnFail: () => run.continueOnFail ?? false,
		getTimezone: () => run.timezone ?? 'America/New_York',
		getCredentials: async () => ({ ...run.credentials }),
		getNodeParameter: (name: string, itemIndex: number, ...fallback: unknown[]) => {
			const [head, ...rest] = name.split('.');
			let value = run.parameters[head];
			if (typeof value === 'function') value = (value as (index: number) => unknown)(itemIndex);
			if (rest.length) value = getPath((value ?? {}) as Record<string, unknown>, rest.join('.'));
			if (value === undefined) {
				if (fallback.length) return fallback[0];
				throw new Error(`Test did not set parameter "${name}"`);
			}
			return value;
		},
		helpers: {
			httpRequest,
			httpRequestWithAuthentication,
			returnJsonArray: (data: IDataObject | IDataObject[]) =>
				(Array.isArray(data) ? data : [data]).map((json) => ({ json })),
		},
	};
	return context as unknown as IExecuteFunctions;
}

export async function runNode(node: INodeType, run: FakeRun): Promise<INodeExecutionData[][]> {
	if (!node.execute) throw new Error('This node has no execute()');
	return (await node.execute.call(fakeExecuteFunctions(run))) as INodeExecutionData[][];
}
