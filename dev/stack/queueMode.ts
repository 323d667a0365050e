import { randomBytes } from 'node:crypto';

import {
	n8nPostgresEnv,
	startPostgresServer,
	type PostgresServer,
} from '../harness/postgresServer';
import { startRedisServer, type RedisServer } from '../harness/redisServer';
import type { N8nPaths } from './cache';
import type { CredentialImport } from './credential';
import { prepareN8n, type N8nInstance, type N8nRole, type N8nSetup } from './n8nInstance';
import { treeRssBytes } from './processTree';

/**
 * n8n's queue mode on one machine, as its docs describe it for several: Redis (Bull) carries the executions,
 * PostgreSQL holds workflows, credentials and executions, the main process serves the editor and owns triggers
 * and schedules, a webhook processor answers production webhooks, and workers run the executions. Every n8n
 * process has its own user folder with the pack installed, and they share N8N_ENCRYPTION_KEY.
 */
/** The pack's Redis credential as the queue-mode stack imports it, and as its templates reference it. */
export const QUEUE_REDIS_CREDENTIAL = {
	id: 'tiktokShopRedisCred',
	name: 'TikTok Shop Ops Redis account',
} as const;

/** Node parameters that pick the embedded SQLite file, which a webhook processor and main do not share. */
const STORE_PARAMETERS = ['stateStore', 'trackingHistory'];

/**
 * A workflow as a queue-mode user sets it up: every store the pack offers on Redis, with the Redis credential.
 * An embedded store would leave each process with its own file: events the webhook processor accepted would wait
 * in its file, where main's redelivery never looks. Redis also makes the nodes share one TikTok rate budget.
 */
export function withRedisStores<T extends { nodes: Array<Record<string, unknown>> }>(
	workflow: T,
): T {
	const copy = structuredClone(workflow);
	for (const node of copy.nodes) {
		const parameters = (node.parameters ?? {}) as Record<string, unknown>;
		const picked = STORE_PARAMETERS.filter((name) => parameters[name] === 'embedded');
		if (picked.length === 0) continue;
		for (const name of picked) parameters[name] = 'redis';
		node.credentials = {
			...(node.credentials as Record<string, unknown> | undefined),
			tikTokShopRedis: QUEUE_REDIS_CREDENTIAL,
		};
	}
	return copy;
}

export interface QueueModeOptions {
	/** `n8n worker` processes (default 2). */
	workers?: number;
	/** Executions one worker runs at once (`n8n worker --concurrency`, n8n's default 10). */
	workerConcurrency?: number;
}

type Prepare = (role: N8nRole, roleEnv?: NodeJS.ProcessEnv) => Promise<N8nSetup>;

export class QueueMode {
	webhook?: N8nInstance;
	readonly workers: N8nInstance[] = [];

	private constructor(
		readonly redis: RedisServer,
		readonly postgres: PostgresServer,
		/** What every n8n process shares: EXECUTIONS_MODE, QUEUE_BULL_REDIS_*, DB_*, N8N_ENCRYPTION_KEY. */
		readonly env: NodeJS.ProcessEnv,
		/** Prepared before main, so that main advertises the webhook processor's URL for production webhooks. */
		readonly webhookSetup: N8nSetup,
		private readonly prepare: Prepare,
		private readonly options: QueueModeOptions,
	) {}

	/** Starts Redis and PostgreSQL and prepares the webhook processor's user folder; cleanups run in reverse. */
	static async prepare(
		paths: N8nPaths,
		options: QueueModeOptions & {
			env?: NodeJS.ProcessEnv;
			keepUserFolder?: boolean;
			onLine?: (role: N8nRole, line: string) => void;
		},
		cleanups: Array<() => Promise<void>>,
	): Promise<QueueMode> {
		const redis = await startRedisServer();
		cleanups.push(() => redis.stop());
		const postgres = await startPostgresServer();
		cleanups.push(() => postgres.stop());
		const env: NodeJS.ProcessEnv = {
			...options.env,
			EXECUTIONS_MODE: 'queue',
			QUEUE_BULL_REDIS_HOST: redis.host,
			QUEUE_BULL_REDIS_PORT: String(redis.port),
			QUEUE_HEALTH_CHECK_ACTIVE: 'true',
			// Production webhooks go to the webhook processor only, as behind the load balancer n8n's docs describe.
			N8N_DISABLE_PRODUCTION_MAIN_PROCESS: 'true',
			// n8n 3 always sends manual executions to workers; adopt it now, so that a run from the editor runs there too.
			OFFLOAD_MANUAL_EXECUTIONS_TO_WORKERS: 'true',
			N8N_ENCRYPTION_KEY: randomBytes(24).toString('hex'),
			// n8n's default of 2 connections per process times out under a burst of deliveries: each one reads the
			// workflow and its credentials from the database.
			DB_POSTGRESDB_POOL_SIZE: '10',
			...n8nPostgresEnv(postgres),
		};
		const prepare: Prepare = async (role, roleEnv = {}) => {
			const setup = await prepareN8n({
				paths,
				keepUserFolder: options.keepUserFolder,
				onLine: options.onLine && ((line) => options.onLine!(role, line)),
				env: { ...env, ...roleEnv },
			});
			cleanups.push(() => setup.dispose());
			return setup;
		};
		const webhookSetup = await prepare('webhook');
		return new QueueMode(redis, postgres, env, webhookSetup, prepare, options);
	}

	/** The pack's Redis credential on the stack's Redis (the same server as n8n's queue, under its own prefix). */
	redisCredential(): CredentialImport {
		return {
			...QUEUE_REDIS_CREDENTIAL,
			type: 'tikTokShopRedis',
			data: {
				host: this.redis.host,
				port: this.redis.port,
				database: 0,
				keyPrefix: 'tiktok-shop-ops:',
			},
		};
	}

	/** Main's settings: queue mode, and production webhook URLs on the webhook processor. */
	mainEnv(): NodeJS.ProcessEnv {
		return { ...this.env, N8N_WEBHOOK_URL: `${this.webhookSetup.url}/` };
	}

	/** After main has run the migrations and activated the workflows: the webhook processor and the workers. */
	async startProcesses(filesDir: string): Promise<void> {
		const workerSetups = await Promise.all(
			Array.from({ length: this.options.workers ?? 2 }, () =>
				// Workers run the executions, so they may write where main tells the templates to.
				this.prepare('worker', { N8N_RESTRICT_FILE_ACCESS_TO: filesDir }),
			),
		);
		const [webhook, ...workers] = await Promise.all([
			this.webhookSetup.start('webhook'),
			...workerSetups.map((setup) =>
				setup.start(
					'worker',
					this.options.workerConcurrency ? [`--concurrency=${this.options.workerConcurrency}`] : [],
				),
			),
		]);
		this.webhook = webhook;
		this.workers.push(...workers);
	}

	/** Resident memory of the queue-mode parts (each n8n process with its task runner), in bytes. */
	rss(): Array<{ name: string; bytes: number }> {
		const parts: Array<{ name: string; pid: number | undefined }> = [
			{ name: 'webhook processor', pid: this.webhook?.guardPid },
			...this.workers.map((worker, index) => ({
				name: `worker ${index + 1}`,
				pid: worker.guardPid,
			})),
			{ name: 'redis-server', pid: this.redis.pid },
			{ name: 'postgres', pid: this.postgres.pid() },
		];
		return parts.map(({ name, pid }) => ({ name, bytes: pid ? treeRssBytes(pid) : 0 }));
	}
}
