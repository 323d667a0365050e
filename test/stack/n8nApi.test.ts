import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

import { N8nApi } from '../../dev/stack/n8nApi';
import { n8nPaths } from '../../dev/stack/cache';

/**
 * n8n's executions list pages 100 at a time; an execution that finishes while the pages are read moves from the
 * running ones (listed first) to the finished ones, and so can be listed on both pages.
 */
describe("the harness's executions list", () => {
	let server: Server;
	let url = '';
	const pages: Record<
		string,
		{ results: Array<{ id: string; status: string }>; nextCursor: string | null }
	> = {};

	beforeAll(async () => {
		server = createServer((request, response) => {
			const cursor = new URL(request.url ?? '/', 'http://n8n').searchParams.get('cursor') ?? '';
			response
				.writeHead(200, { 'content-type': 'application/json' })
				.end(JSON.stringify({ data: pages[cursor] }));
		});
		await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
		url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
	});
	afterAll(() => new Promise((resolve) => server.close(resolve)));

	it('lists an execution that shows on two pages once', async () => {
		const ids = (from: number, to: number) =>
			Array.from({ length: to - from + 1 }, (_, index) => String(to - index));
		// Page 1: execution 21 still running (listed first), then 121…23 finished; page 2: 22, 21 (finished by then), 20…2.
		pages[''] = {
			results: [
				{ id: '21', status: 'running' },
				...ids(23, 121).map((id) => ({ id, status: 'success' })),
			],
			nextCursor: '23',
		};
		pages['23'] = {
			results: ids(2, 22).map((id) => ({ id, status: 'success' })),
			nextCursor: null,
		};
		const listed = await new N8nApi(url, n8nPaths()).executionIds('wf');
		expect(listed).toHaveLength(120);
		expect(new Set(listed).size).toBe(120);
		expect(listed.filter((id) => id === '21')).toEqual(['21']);
	});
});
