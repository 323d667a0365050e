import type { HttpTransport } from '../../nodes/shared/tiktok/types';

/** The client's network seam outside n8n (tests, simulator checks, benchmarks): plain fetch. */
export const fetchTransport: HttpTransport = async (request) => {
	const response = await fetch(request.url, {
		method: request.method,
		headers: request.headers,
		body: request.body as string | Uint8Array | undefined,
	});
	return { status: response.status, body: await response.text() };
};
