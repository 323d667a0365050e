import { Agent, request as httpRequest } from 'node:http';

import type {
	IExecuteFunctions,
	IHttpRequestOptions,
	INodeExecutionData,
	INodeType,
} from 'n8n-workflow';

import type { HttpTransport } from '../../nodes/shared/tiktok';
import { fakeExecuteFunctions, type FakeRun } from '../../dev/harness/fakeExecuteFunctions';

/**
 * node:http with keep-alive, the way n8n's own request helper (axios) reaches the network. The test helpers use
 * fetch, whose web-stream body handling cost the Ship Batcher benchmark more CPU per call than the simulator did;
 * a benchmark of the client's pacing should not measure that. Loopback, plain HTTP only.
 */
const agent = new Agent({ keepAlive: true, maxSockets: 256 });

function send(
	method: string,
	url: URL,
	headers: Record<string, string>,
	body: string | Buffer | undefined,
): Promise<{ status: number; body: Buffer }> {
	return new Promise((resolve, reject) => {
		const req = httpRequest(url, { method, headers, agent }, (res) => {
			const chunks: Buffer[] = [];
			res.on('data', (chunk: Buffer) => chunks.push(chunk));
			res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks) }));
			res.on('error', reject);
		});
		req.on('error', reject);
		req.end(body);
	});
}

/** The client's transport seam, for contenders that use TikTokShopClient directly. */
export const keepAliveTransport: HttpTransport = async (request) => {
	const response = await send(request.method, new URL(request.url), request.headers, request.body);
	return { status: response.status, body: response.body.toString('utf8') };
};

/** The subset of n8n's `helpers.httpRequest` the pack's transport uses (full response, raw body). */
async function n8nHttpRequest(options: IHttpRequestOptions): Promise<unknown> {
	const url = new URL(options.url, options.baseURL);
	for (const [key, value] of Object.entries(options.qs ?? {}))
		url.searchParams.set(key, String(value));
	const body = options.body;
	const payload =
		typeof body === 'string' || Buffer.isBuffer(body)
			? body
			: body === undefined
				? undefined
				: JSON.stringify(body);
	const response = await send(
		options.method ?? 'GET',
		url,
		(options.headers ?? {}) as Record<string, string>,
		payload,
	);
	if ((response.status < 200 || response.status > 299) && !options.ignoreHttpStatusErrors)
		throw new Error(`HTTP ${response.status}`);
	const parsed =
		options.encoding === 'arraybuffer' ? response.body : response.body.toString('utf8');
	return options.returnFullResponse
		? { statusCode: response.status, body: parsed, headers: {} }
		: parsed;
}

/** runNode from the test helpers, with the keep-alive HTTP helper in place of fetch. */
export async function runNodeKeepAlive(
	node: INodeType,
	run: FakeRun,
): Promise<INodeExecutionData[][]> {
	if (!node.execute) throw new Error('This node has no execute()');
	const context = fakeExecuteFunctions(run) as unknown as { helpers: Record<string, unknown> };
	context.helpers.httpRequest = n8nHttpRequest;
	return (await node.execute.call(
		context as unknown as IExecuteFunctions,
	)) as INodeExecutionData[][];
}

/** Lets the process exit once the benchmark is done. */
export function closeKeepAlive(): void {
	agent.destroy();
}
