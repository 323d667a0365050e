import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

import { N8nApi } from '../../dev/stack/n8nApi';
import { n8nPaths } from '../../dev/stack/cache';

/**
 * n8n 2.41.1's executions list, modelled on its code (execution-list-v1.service.js, execution.repository.js): the
 * running executions first, then up to `limit` finished ones by start time, newest first; `startedBefore` (inclusive)
 * filters by start time, and its cursor continues below the last row's id (which skips and repeats rows when start
 * order and id order differ).
 */
interface Row {
	id: string;
	status: string;
	startedAt: string;
}

function executionsList(rows: Row[], query: URLSearchParams) {
	const filter = JSON.parse(query.get('filter') ?? '{}') as { startedBefore?: string };
	const cursor = query.get('cursor');
	const limit = Number(query.get('limit'));
	const before = filter.startedBefore ? Date.parse(filter.startedBefore) : Infinity;
	const current = cursor ? [] : rows.filter((row) => row.status === 'running').slice(0, limit);
	const finished = rows
		.filter((row) => row.status !== 'running' && Date.parse(row.startedAt) <= before)
		.filter((row) => !cursor || Number(row.id) < Number(cursor))
		.sort((a, b) => Date.parse(b.startedAt) - Date.parse(a.startedAt))
		.slice(0, limit);
	const nextCursor = finished.length === limit ? finished[finished.length - 1].id : null;
	return { results: [...current, ...finished], nextCursor };
}

describe("the harness's executions list", () => {
	let server: Server;
	let url = '';
	let rows: Row[] = [];

	beforeAll(async () => {
		server = createServer((request, response) => {
			const query = new URL(request.url ?? '/', 'http://n8n').searchParams;
			try {
				const data = executionsList(rows, query);
				response
					.writeHead(200, { 'content-type': 'application/json' })
					.end(JSON.stringify({ data }));
			} catch (error) {
				response.writeHead(400).end(String(error));
			}
		});
		await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
		url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
	});
	afterAll(() => new Promise((resolve) => server.close(resolve)));

	it('lists every execution once when they started in another order than their ids, some still running', async () => {
		const T0 = Date.parse('2026-12-07T12:00:00.000Z');
		// 250 executions; ids 1…250, started in a shuffled order (queue-mode workers), two still running.
		const order = Array.from({ length: 250 }, (_, index) => (index * 97) % 250);
		rows = order.map((slot, index) => ({
			id: String(index + 1),
			status: index === 20 || index === 200 ? 'running' : 'success',
			startedAt: new Date(T0 + slot * 10).toISOString(),
		}));
		const listed = await new N8nApi(url, n8nPaths()).executionIds('wf');
		expect(listed).toHaveLength(250);
		expect(new Set(listed).size).toBe(250);
	});

	it('stops on a page of executions that all started in the same millisecond', async () => {
		rows = Array.from({ length: 150 }, (_, index) => ({
			id: String(index + 1),
			status: 'success',
			startedAt: '2026-12-07T12:00:00.000Z',
		}));
		const listed = await new N8nApi(url, n8nPaths()).executionIds('wf');
		expect(new Set(listed).size).toBe(listed.length);
		expect(listed.length).toBeGreaterThanOrEqual(100);
	});
});
