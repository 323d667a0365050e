import { execFile } from 'node:child_process';
import { chownSync, mkdtempSync, readFileSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir, userInfo } from 'node:os';
import { dirname, join } from 'node:path';
import { promisify } from 'node:util';

import { spawnGuarded, type GuardedProcess } from '../stack/guardedProcess';
import { freePort } from '../stack/ports';
import { childPids } from '../stack/processTree';
import { systemProgram } from '../systemPrograms';

/**
 * A throwaway PostgreSQL (Debian's `postgresql` package) for n8n in queue mode: a fresh cluster in a temp dir,
 * loopback only, trust authentication, no system service. PostgreSQL refuses to run as root, so as root the
 * cluster belongs to the `postgres` user the Debian package creates (else `nobody`).
 */
export interface PostgresServer {
	host: string;
	port: number;
	user: string;
	database: string;
	/** The postmaster's pid (its backends are its children), for memory figures. */
	pid(): number | undefined;
	/** Runs one SQL statement with psql and returns its unaligned output. */
	sql(statement: string): Promise<string>;
	stop(): Promise<void>;
}

const HOST = '127.0.0.1';
const USER = 'n8n';
const DATABASE = 'n8n';
const READY_TIMEOUT_MS = 60_000;
const run = promisify(execFile);

export async function startPostgresServer(): Promise<PostgresServer> {
	const bin = dirname(realpathSync(systemProgram('postgres')));
	const dir = mkdtempSync(join(tmpdir(), 'postgres-test-'));
	const dataDir = join(dir, 'data');
	const asUser = runAsUser();
	if (asUser) chownSync(dir, asUser.uid, asUser.gid);
	const command = (program: string, args: string[]): [string, string[]] =>
		asUser
			? [
					'setpriv',
					[`--reuid=${asUser.uid}`, `--regid=${asUser.gid}`, '--clear-groups', program, ...args],
				]
			: [program, args];
	let server: GuardedProcess | undefined;
	try {
		await run(
			...command(join(bin, 'initdb'), [
				'--pgdata',
				dataDir,
				'--username',
				USER,
				'--auth',
				'trust',
				'--encoding',
				'UTF8',
				'--no-sync',
			]),
			{ cwd: dir },
		);
		const port = await freePort();
		// Throwaway data: no fsync, so that n8n's many small commits do not wait on the disk.
		const [program, args] = command(join(bin, 'postgres'), [
			'-D',
			dataDir,
			'-h',
			HOST,
			'-p',
			String(port),
			'-k',
			dir,
			'-c',
			'fsync=off',
			'-c',
			'synchronous_commit=off',
			'-c',
			'full_page_writes=off',
			'-c',
			'max_connections=200',
		]);
		const logPath = join(dir, 'postgres.log');
		writeFileSync(logPath, '');
		if (asUser) chownSync(logPath, asUser.uid, asUser.gid);
		server = spawnGuarded(program, args, { env: process.env, cwd: dir, logPath });
		const psql = (database: string, statement: string) =>
			run(
				join(bin, 'psql'),
				[
					'-h',
					HOST,
					'-p',
					String(port),
					'-U',
					USER,
					'-d',
					database,
					'-v',
					'ON_ERROR_STOP=1',
					'-Atq',
					'-c',
					statement,
				],
				{ env: { ...process.env, PGCONNECT_TIMEOUT: '5' } },
			).then(({ stdout }) => stdout);
		await waitForConnections(psql, server);
		await psql('postgres', `CREATE DATABASE ${DATABASE}`);
		const started = server;
		return {
			host: HOST,
			port,
			user: USER,
			database: DATABASE,
			pid: () => postmasterPid(started),
			sql: (statement) => psql(DATABASE, statement),
			async stop() {
				await started.stop();
				rmSync(dir, { recursive: true, force: true });
			},
		};
	} catch (error) {
		await server?.stop();
		rmSync(dir, { recursive: true, force: true });
		throw error;
	}
}

/** The environment n8n needs to use this database (DB_TYPE=postgresdb). */
export function n8nPostgresEnv(server: PostgresServer): NodeJS.ProcessEnv {
	return {
		DB_TYPE: 'postgresdb',
		DB_POSTGRESDB_HOST: server.host,
		DB_POSTGRESDB_PORT: String(server.port),
		DB_POSTGRESDB_DATABASE: server.database,
		DB_POSTGRESDB_USER: server.user,
		DB_POSTGRESDB_PASSWORD: '',
	};
}

function runAsUser(): { uid: number; gid: number } | undefined {
	if (userInfo().uid !== 0) return undefined;
	const users = readFileSync('/etc/passwd', 'utf8').split('\n');
	for (const name of ['postgres', 'nobody']) {
		const line = users.find((entry) => entry.startsWith(`${name}:`));
		if (line) {
			const [, , uid, gid] = line.split(':');
			return { uid: Number(uid), gid: Number(gid) };
		}
	}
	throw new Error(
		'PostgreSQL refuses to run as root, and this machine has neither a postgres nor a nobody user',
	);
}

async function waitForConnections(
	psql: (database: string, statement: string) => Promise<string>,
	server: GuardedProcess,
): Promise<void> {
	const deadline = Date.now() + READY_TIMEOUT_MS;
	let exited: number | null | undefined;
	void server.exited.then((code) => (exited = code));
	for (;;) {
		if (exited !== undefined)
			throw new Error(`postgres exited (code ${exited}) before it was ready:\n${server.tail(20)}`);
		try {
			await psql('postgres', 'SELECT 1');
			return;
		} catch (error) {
			if (Date.now() > deadline)
				throw new Error(
					`postgres did not accept connections within ${READY_TIMEOUT_MS / 1000} s: ${(error as Error).message}\n${server.tail(20)}`,
				);
		}
		await new Promise((resolve) => setTimeout(resolve, 200));
	}
}

/** The guard's one child is the postmaster (setpriv execs it in place). */
function postmasterPid(server: GuardedProcess): number | undefined {
	return childPids(server.pid)[0];
}
