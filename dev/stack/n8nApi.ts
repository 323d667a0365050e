import { join } from 'node:path';

import type { N8nPaths } from './cache';

/**
 * The n8n editor's own REST API (/rest), used the way the editor uses it: owner setup, a login cookie, and
 * "Execute workflow". The public API (/api/v1) cannot start an execution, and `n8n execute` would start a
 * second n8n beside the running one.
 */
export interface Owner {
	email: string;
	password: string;
	firstName: string;
	lastName: string;
}

export const TEST_OWNER: Owner = {
	email: 'owner@example.com',
	password: 'Simulator-Owner-1',
	firstName: 'Test',
	lastName: 'Owner',
};

export type ExecutionStatus =
	'new' | 'running' | 'success' | 'error' | 'canceled' | 'crashed' | 'waiting' | 'unknown';

export interface NodeRun {
	executionStatus?: string;
	error?: { message?: string; description?: string };
	data?: {
		main?: Array<Array<{ json: Record<string, unknown>; binary?: Record<string, unknown> }> | null>;
	};
}

export interface Execution {
	id: string;
	workflowId: string;
	mode: string;
	status: ExecutionStatus;
	finished: boolean;
	data: {
		resultData: {
			runData: Record<string, NodeRun[]>;
			error?: { message?: string; description?: string };
			lastNodeExecuted?: string;
		};
	};
}

interface ExecutionSummary {
	id: string;
	workflowId: string;
	mode: string;
	status: ExecutionStatus;
	startedAt?: string | null;
	createdAt?: string;
}

/** What n8n lists apart, before the finished executions, on the first page of its executions list. */
const CURRENT_STATUSES: string[] = ['new', 'running'];

// The editor sends one per browser; the login cookie is bound to it.
const BROWSER_ID = 'tiktok-shop-ops-e2e';

export class N8nApi {
	private cookie = '';

	constructor(
		readonly url: string,
		private readonly paths: N8nPaths,
	) {}

	/** First-run owner setup, which also logs in. Only works once per instance. */
	async setupOwner(owner: Owner = TEST_OWNER): Promise<void> {
		await this.request('POST', '/rest/owner/setup', owner);
	}

	async login(owner: Owner = TEST_OWNER): Promise<void> {
		await this.request('POST', '/rest/login', {
			emailOrLdapLoginId: owner.email,
			password: owner.password,
		});
	}

	async workflow(
		id: string,
	): Promise<{ id: string; name: string; active: boolean; activeVersionId?: string | null }> {
		return await this.request('GET', `/rest/workflows/${id}`);
	}

	/** A credential as the editor loads it: secrets blanked, hidden fields as saved. */
	async credential(
		id: string,
	): Promise<{ id: string; name: string; type: string; data: Record<string, unknown> }> {
		return await this.request('GET', `/rest/credentials/${id}?includeData=true`);
	}

	/** The editor's credential test (run on save), with the data the editor holds. */
	async testCredential(credential: {
		id: string;
		name: string;
		type: string;
		data: Record<string, unknown>;
	}): Promise<{ status: string; message: string }> {
		return await this.request('POST', '/rest/credentials/test', { credentials: credential });
	}

	/** "Execute workflow" from the editor, starting at the given trigger; returns the execution id. */
	async runManually(workflowId: string, triggerName: string): Promise<string> {
		const result = await this.request<{ executionId?: string; waitingForWebhook?: boolean }>(
			'POST',
			`/rest/workflows/${workflowId}/run`,
			{ triggerToStartFrom: { name: triggerName } },
		);
		if (!result.executionId)
			throw new Error(`n8n did not start an execution: ${JSON.stringify(result)}`);
		return result.executionId;
	}

	/**
	 * Every execution of the workflow, each once. n8n 2.41.1 lists finished executions by start time, newest first,
	 * 100 at a time, but its cursor continues below the last row's *id*: when executions start in another order than
	 * they were created (queue mode, a concurrency limit), a page skips some and repeats others (seen: one execution
	 * listed twice, another never listed for three minutes). So the next page is asked for by start time
	 * (`startedBefore`, inclusive) and the rows are deduplicated by id.
	 */
	async executions(workflowId: string): Promise<ExecutionSummary[]> {
		const byId = new Map<string, ExecutionSummary>();
		let startedBefore: string | undefined;
		for (;;) {
			const filter = encodeURIComponent(
				JSON.stringify({ workflowId, ...(startedBefore ? { startedBefore } : {}) }),
			);
			const page = await this.request<{ results: ExecutionSummary[] }>(
				'GET',
				`/rest/executions?filter=${filter}&limit=100`,
			);
			let added = 0;
			for (const execution of page.results)
				if (!byId.has(execution.id)) {
					byId.set(execution.id, execution);
					added++;
				}
			const finished = page.results.filter((run) => !CURRENT_STATUSES.includes(run.status));
			const oldest = finished[finished.length - 1];
			if (finished.length < 100 || added === 0 || !oldest?.startedAt) break;
			startedBefore = oldest.startedAt;
		}
		return [...byId.values()];
	}

	async execution(id: string): Promise<Execution> {
		const raw = await this.request<Omit<Execution, 'data'> & { data: string }>(
			'GET',
			`/rest/executions/${id}`,
		);
		// n8n stores and serves execution data in the `flatted` format (it keeps shared references).
		// eslint-disable-next-line @typescript-eslint/no-require-imports -- n8n's own copy, found at run time in the cache folder
		const flatted = require(join(this.paths.dir, 'node_modules', 'flatted')) as {
			parse(text: string): unknown;
		};
		return { ...raw, data: flatted.parse(raw.data) as Execution['data'] };
	}

	/** Polls until the execution has finished one way or the other. */
	async waitForExecution(id: string, timeoutMs = 120_000): Promise<Execution> {
		const deadline = Date.now() + timeoutMs;
		for (;;) {
			const execution = await this.execution(id);
			if (!['new', 'running', 'waiting', 'unknown'].includes(execution.status)) return execution;
			if (Date.now() > deadline)
				throw new Error(`Execution ${id} still ${execution.status} after ${timeoutMs / 1000} s`);
			await new Promise((resolve) => setTimeout(resolve, 250));
		}
	}

	async executionIds(workflowId: string): Promise<string[]> {
		return (await this.executions(workflowId)).map((execution) => execution.id);
	}

	/**
	 * Waits until no execution of the workflow beyond `before` has appeared for `quietMs` (a trigger's runs and
	 * retries arrive over time), then returns those new executions, finished.
	 */
	async settleExecutions(
		workflowId: string,
		before: string[],
		quietMs = 4000,
	): Promise<Execution[]> {
		let last = -1;
		let ids: string[] = [];
		for (let stableSince = Date.now(); Date.now() - stableSince < quietMs;) {
			await new Promise((resolve) => setTimeout(resolve, 500));
			ids = (await this.executionIds(workflowId)).filter((id) => !before.includes(id));
			if (ids.length !== last) {
				last = ids.length;
				stableSince = Date.now();
			}
		}
		return await Promise.all(ids.map((id) => this.waitForExecution(id)));
	}

	/**
	 * Waits on the executions list (small) until `count` executions beyond `before` have finished, then reads each
	 * one's data one at a time: a run over thousands of items carries tens of MB, and reading two such runs at once
	 * while n8n writes them has failed here with the connection closed.
	 */
	async waitForFinished(
		workflowId: string,
		before: string[],
		count: number,
		timeoutMs = 600_000,
	): Promise<Execution[]> {
		const deadline = Date.now() + timeoutMs;
		for (;;) {
			const done = (await this.executions(workflowId)).filter(
				(run) =>
					!before.includes(run.id) &&
					!['new', 'running', 'waiting', 'unknown'].includes(run.status),
			);
			if (done.length >= count) {
				const runs: Execution[] = [];
				for (const run of done) runs.push(await this.execution(run.id));
				return runs;
			}
			if (Date.now() > deadline)
				throw new Error(
					`${done.length} of ${count} executions finished within ${timeoutMs / 1000} s`,
				);
			await new Promise((resolve) => setTimeout(resolve, 1000));
		}
	}

	/** Waits for a new execution of the workflow (e.g. started by a trigger) and returns it once finished. */
	async waitForNextExecution(
		workflowId: string,
		knownIds: string[],
		timeoutMs = 60_000,
	): Promise<Execution> {
		const deadline = Date.now() + timeoutMs;
		for (;;) {
			const fresh = (await this.executions(workflowId)).find(
				(execution) => !knownIds.includes(execution.id),
			);
			if (fresh)
				return await this.waitForExecution(fresh.id, Math.max(1_000, deadline - Date.now()));
			if (Date.now() > deadline)
				throw new Error(`No new execution of workflow ${workflowId} within ${timeoutMs / 1000} s`);
			await new Promise((resolve) => setTimeout(resolve, 250));
		}
	}

	private async request<T>(method: string, path: string, body?: unknown): Promise<T> {
		const send = () =>
			fetch(`${this.url}${path}`, {
				method,
				headers: {
					'content-type': 'application/json',
					'browser-id': BROWSER_ID,
					...(this.cookie ? { cookie: this.cookie } : {}),
				},
				body: body === undefined ? undefined : JSON.stringify(body),
			});
		let response: Response;
		try {
			response = await send();
		} catch (error) {
			// n8n closes a keep-alive connection after 5 idle seconds; a request sent on it at that moment fails with
			// "other side closed" before n8n read it (seen on a loaded machine). A read is safe to send again.
			if (
				method !== 'GET' ||
				(error as { cause?: { code?: string } }).cause?.code !== 'UND_ERR_SOCKET'
			)
				throw error;
			response = await send();
		}
		const setCookie = response.headers
			.getSetCookie()
			.find((cookie) => cookie.startsWith('n8n-auth='));
		if (setCookie) this.cookie = setCookie.split(';')[0];
		const text = await response.text();
		if (!response.ok)
			throw new Error(`${method} ${path} answered ${response.status}: ${text.slice(0, 500)}`);
		return (JSON.parse(text) as { data: T }).data;
	}
}

/** A readable one-paragraph account of why an execution failed, naming the node. */
export function describeFailure(execution: Execution): string {
	const { resultData } = execution.data;
	const failed = Object.entries(resultData.runData).find(([, runs]) =>
		runs.some((run) => run.error),
	);
	const error = failed ? failed[1].find((run) => run.error)?.error : resultData.error;
	const where = failed
		? `node "${failed[0]}"`
		: `after node "${resultData.lastNodeExecuted ?? '?'}"`;
	return `Execution ${execution.id} ended ${execution.status} at ${where}: ${error?.message ?? 'no message'}${
		error?.description ? ` (${error.description})` : ''
	}`;
}

/** The JSON of every item a node output on its first run. */
export function nodeOutput(
	execution: Execution,
	nodeName: string,
	outputIndex = 0,
): Array<Record<string, unknown>> {
	const run = execution.data.resultData.runData[nodeName]?.[0];
	if (!run) throw new Error(`Node "${nodeName}" did not run. ${describeFailure(execution)}`);
	return (run.data?.main?.[outputIndex] ?? []).map((item) => item.json);
}
