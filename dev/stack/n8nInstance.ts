import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import type { N8nPaths } from './cache';
import { isAlive, spawnGuarded, type GuardedProcess } from './guardedProcess';
import { assertPackLoaded, installPack } from './packLoader';
import { freePort, isPortFree } from './ports';
import { childPids } from './processTree';

/** n8n starts in ~30 s on an idle machine; a machine busy with other n8n instances has needed over 120 s. */
const READY_TIMEOUT_MS = 300_000;
const USER_FOLDER_PREFIX = 'tiktok-shop-ops-n8n-';
const OWNER_PID_FILE = 'owner.pid';

export interface N8nOptions {
	paths: N8nPaths;
	/** Keep the user folder (n8n.log, cli.log, database) after dispose, to debug a failing run. */
	keepUserFolder?: boolean;
	/** Called with every line n8n prints. */
	onLine?: (line: string) => void;
	/** Extra environment, for example SSRF allow-lists for a simulator on another address. */
	env?: NodeJS.ProcessEnv;
	/** Use this port when it is free (npm start keeps n8n's usual 5678 so the editor URL stays the same). */
	preferredPort?: number;
}

/** The processes of n8n's queue mode; a single instance is one `main`. */
export type N8nRole = 'main' | 'webhook' | 'worker';

const ROLE_COMMAND: Record<N8nRole, string> = {
	main: 'start',
	webhook: 'webhook',
	worker: 'worker',
};

/** An n8n user folder with the pack installed, ready for CLI imports before the server starts. */
export interface N8nSetup {
	userFolder: string;
	/** Where the Read/Write Files node may write (n8n 2.x refuses paths outside N8N_RESTRICT_FILE_ACCESS_TO). */
	filesDir: string;
	/** SQLite database; exists after the first CLI command or start. */
	databasePath: string;
	url: string;
	/** Runs `n8n <args>` against this user folder and returns its output; throws with the output on failure. */
	cli(args: string[]): Promise<string>;
	/**
	 * Starts n8n in this user folder: the main process (`n8n start`, the default), or in queue mode a webhook
	 * processor (`n8n webhook`, serving production webhooks on this setup's port) or a worker (`n8n worker`, its
	 * health endpoint on this setup's port).
	 */
	start(role?: N8nRole, args?: string[]): Promise<N8nInstance>;
	/** Stops anything still running and removes the user folder. */
	dispose(): Promise<void>;
}

export interface N8nInstance {
	url: string;
	/** The guard process between us and n8n; n8n's main process is its child (see mainPid()). */
	guardPid: number;
	/** n8n's main process, to kill it the way a crash would (SIGKILL) and leave its user folder as it was. */
	mainPid(): number;
	logPath: string;
	/** Resolves when n8n's process group is gone, whoever stopped it. */
	exited: Promise<number | null>;
	tail(lines?: number): string;
	stop(): Promise<void>;
}

/** Creates a throwaway user folder on free loopback ports and installs the built pack into it. */
export async function prepareN8n(options: N8nOptions): Promise<N8nSetup> {
	await removeAbandonedUserFolders();
	const userFolder = await mkdtemp(join(tmpdir(), USER_FOLDER_PREFIX));
	await writeFile(join(userFolder, OWNER_PID_FILE), String(process.pid));
	const n8nFolder = join(userFolder, '.n8n');
	const filesDir = join(userFolder, 'files');
	try {
		await mkdir(filesDir, { recursive: true });
		await installPack(n8nFolder);
	} catch (error) {
		await rm(userFolder, { recursive: true, force: true });
		throw error;
	}
	const port =
		options.preferredPort && (await isPortFree(options.preferredPort))
			? options.preferredPort
			: await freePort();
	const url = `http://127.0.0.1:${port}`;
	const env: NodeJS.ProcessEnv = {
		...inheritedEnv(),
		N8N_USER_FOLDER: userFolder,
		N8N_LISTEN_ADDRESS: '127.0.0.1',
		N8N_HOST: '127.0.0.1',
		N8N_PORT: String(port),
		// Queue mode: a worker answers /healthz there instead (when QUEUE_HEALTH_CHECK_ACTIVE=true).
		QUEUE_HEALTH_CHECK_PORT: String(port),
		N8N_WORKER_SERVER_ADDRESS: '127.0.0.1',
		N8N_PROTOCOL: 'http',
		N8N_WEBHOOK_URL: `${url}/`,
		N8N_EDITOR_BASE_URL: `${url}/`,
		// The task broker's default port 5679 clashes between instances.
		N8N_RUNNERS_BROKER_PORT: String(await freePort()),
		N8N_DIAGNOSTICS_ENABLED: 'false',
		N8N_VERSION_NOTIFICATIONS_ENABLED: 'false',
		N8N_PERSONALIZATION_ENABLED: 'false',
		N8N_TEMPLATES_ENABLED: 'false',
		// n8n's MCP server catalogue fetches api.n8n.io at boot; the dev stack talks to loopback only.
		N8N_DISABLED_MODULES: 'mcp-registry',
		// Served over plain http; n8n's documented setting for that, so the login cookie is not marked Secure.
		N8N_SECURE_COOKIE: 'false',
		N8N_RESTRICT_FILE_ACCESS_TO: filesDir,
		// Run hardened, as a careful user would: outbound SSRF protection on (off by default in 2.41.1), with
		// only the loopback simulator allowed. Proves the pack's calls go through n8n's policy.
		N8N_SSRF_PROTECTION_ENABLED: 'true',
		N8N_SSRF_ALLOWED_IP_RANGES: '127.0.0.1/32',
		N8N_GRACEFUL_SHUTDOWN_TIMEOUT: '5',
		N8N_LOG_OUTPUT: 'console',
		...options.env,
	};
	const processes = new Set<GuardedProcess>();
	const spawnN8n = (args: string[], logName: string, onLine?: (line: string) => void) => {
		const child = spawnGuarded(process.execPath, [options.paths.bin, ...args], {
			env: env,
			cwd: userFolder,
			logPath: join(userFolder, logName),
			onLine,
		});
		processes.add(child);
		void child.exited.then(() => processes.delete(child));
		return child;
	};

	return {
		userFolder,
		filesDir,
		databasePath: join(n8nFolder, 'database.sqlite'),
		url,
		async cli(args) {
			const child = spawnN8n(args, 'cli.log');
			const code = await child.exited;
			const output = child.tail(400);
			if (code !== 0)
				throw new Error(`\`n8n ${args.join(' ')}\` failed (exit ${code}):\n${child.tail(40)}`);
			return output;
		},
		async start(role = 'main', args = []) {
			// The main process prints this after published workflows are activated; /healthz/readiness answers earlier.
			let editorReady = role !== 'main';
			const server = spawnN8n([ROLE_COMMAND[role], ...args], 'n8n.log', (line) => {
				if (line.startsWith('Editor is now accessible')) editorReady = true;
				options.onLine?.(line);
			});
			try {
				await waitUntilReady(url, server, () => editorReady);
				// Only the main process writes the editor's type lists; workers and webhook processors load the same
				// nodes folder, and a run or delivery they could not handle fails the e2e tests that use them.
				if (role === 'main') await assertPackLoaded(userFolder, server.tail(400));
			} catch (error) {
				await server.stop();
				throw error;
			}
			return {
				url,
				guardPid: server.pid,
				mainPid: () => childPidOf(server.pid),
				logPath: join(userFolder, 'n8n.log'),
				exited: server.exited,
				tail: server.tail,
				stop: () => server.stop(),
			};
		},
		async dispose() {
			await Promise.all([...processes].map((child) => child.stop()));
			if (!options.keepUserFolder) await rm(userFolder, { recursive: true, force: true });
		},
	};
}

/**
 * The watchdog stops n8n when a run is killed, but a killed run cannot delete its user folder (a few MB plus
 * n8n's static cache). The next run removes folders whose owning process is gone.
 */
async function removeAbandonedUserFolders(): Promise<void> {
	for (const name of await readdir(tmpdir())) {
		if (!name.startsWith(USER_FOLDER_PREFIX)) continue;
		const folder = join(tmpdir(), name);
		const owner = Number(await readFile(join(folder, OWNER_PID_FILE), 'utf8').catch(() => ''));
		if (owner && !isAlive(owner)) await rm(folder, { recursive: true, force: true });
	}
}

/**
 * Our environment minus what would change n8n's behaviour: Jest sets NODE_ENV=test, and n8n then refuses to
 * load nodes and keeps its database elsewhere; stray N8N_/DB_ settings from the user's shell would leak in.
 */
function inheritedEnv(): NodeJS.ProcessEnv {
	return Object.fromEntries(
		Object.entries(process.env).filter(
			([name]) =>
				!/^(NODE_ENV|JEST_WORKER_ID|N8N_.*|DB_.*|EXECUTIONS_.*|QUEUE_.*|WEBHOOK_URL)$/.test(name),
		),
	);
}

async function waitUntilReady(
	url: string,
	server: GuardedProcess,
	startupDone: () => boolean,
): Promise<void> {
	const deadline = Date.now() + READY_TIMEOUT_MS;
	let exitCode: number | null | undefined;
	void server.exited.then((code) => (exitCode = code));
	while (Date.now() < deadline) {
		if (exitCode !== undefined) {
			throw new Error(`n8n exited (code ${exitCode}) before it was ready:\n${server.tail(40)}`);
		}
		try {
			if (startupDone() && (await fetch(`${url}/healthz/readiness`)).ok) return;
		} catch {
			// Not listening yet.
		}
		await new Promise((resolve) => setTimeout(resolve, 500));
	}
	throw new Error(
		`n8n did not become ready within ${READY_TIMEOUT_MS / 1000} s:\n${server.tail(40)}`,
	);
}

/** The one child of `pid`: the guard starts exactly one process, n8n. */
function childPidOf(pid: number): number {
	const children = childPids(pid);
	if (children.length !== 1)
		throw new Error(`expected one child of guard ${pid}, found ${children.length}`);
	return children[0];
}
