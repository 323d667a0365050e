import { spawn } from 'node:child_process';
import { createWriteStream, existsSync, readFileSync, readdirSync } from 'node:fs';
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';

import { N8N_VERSION, n8nPaths, type N8nPaths } from './cache';
import { isAlive } from './guardedProcess';

export type Log = (line: string) => void;

const LOCK_WAIT_MS = 30 * 60_000;
/** Measured on a fresh machine: the n8n install, and the whole first `npm start` it is part of. */
const FRESH_INSTALL_S = 700;
const FRESH_FIRST_START_S = 820;

/**
 * Makes sure n8n is installed in the cache and returns its paths. A cold install took 700 s on a fresh machine
 * (the first `npm start` there took 820 s in all); later runs return at once.
 */
export async function ensureN8nInstalled(log: Log = console.log): Promise<N8nPaths> {
	assertNode24();
	const paths = n8nPaths();
	if (existsSync(paths.marker)) return paths;
	if (looksComplete(paths)) {
		// Installs made before the marker existed are complete if n8n and the compiled sqlite3 are both there.
		await writeFile(paths.marker, `${new Date().toISOString()}\n`);
		return paths;
	}
	await mkdir(dirname(paths.lock), { recursive: true });
	const release = await acquireLock(paths.lock, log);
	try {
		// Another run may have finished the install while this one waited for the lock.
		if (existsSync(paths.marker)) return paths;
		await install(paths, log);
		return paths;
	} finally {
		await release();
	}
}

function assertNode24(): void {
	const major = Number(process.versions.node.split('.')[0]);
	if (major < 24) {
		throw new Error(
			`n8n ${N8N_VERSION} needs Node 24, but this is Node ${process.versions.node}. ` +
				'Run through npm (npm start, npm run test:e2e): the devDependency "node" puts Node 24 first on PATH.',
		);
	}
}

function looksComplete(paths: N8nPaths): boolean {
	const pkg = join(paths.dir, 'node_modules', 'n8n', 'package.json');
	const sqlite = join(
		paths.dir,
		'node_modules',
		'sqlite3',
		'build',
		'Release',
		'node_sqlite3.node',
	);
	if (!existsSync(pkg) || !existsSync(sqlite)) return false;
	return (JSON.parse(readFileSync(pkg, 'utf8')) as { version?: string }).version === N8N_VERSION;
}

async function install(paths: N8nPaths, log: Log): Promise<void> {
	const started = Date.now();
	log(
		`Installing n8n ${N8N_VERSION} (~3 GB) into ${paths.dir}, once per machine. Expect about 12 minutes: on a ` +
			`fresh machine this install took ${FRESH_INSTALL_S} s and the whole first \`npm start\` ${FRESH_FIRST_START_S} s. ` +
			`Log: ${paths.log}`,
	);
	// A half-finished node_modules from an interrupted run can confuse npm; start clean.
	await rm(paths.dir, { recursive: true, force: true });
	await mkdir(paths.dir, { recursive: true });
	await mkdir(paths.nodeHeadersDir, { recursive: true });
	const logFile = createWriteStream(paths.log, { flags: 'a' });
	try {
		const headersPkg = `node-${process.platform}-${process.arch}`;
		await writeFile(
			join(paths.nodeHeadersDir, 'package.json'),
			'{"name":"node-headers","private":true}\n',
		);
		await step(
			`1/3 Node ${process.versions.node} headers (for compiling sqlite3)`,
			log,
			logFile,
			paths.nodeHeadersDir,
			[
				'install',
				'--no-audit',
				'--no-fund',
				'--ignore-scripts',
				`${headersPkg}@${process.versions.node}`,
			],
		);

		await writeFile(
			join(paths.dir, 'package.json'),
			`${JSON.stringify({ name: 'n8n-runtime-cache', private: true, dependencies: { n8n: N8N_VERSION } }, null, 2)}\n`,
		);
		// --ignore-scripts: @confluentinc/kafka-javascript's install script downloads sources from the internet.
		await step(
			`2/3 npm install n8n@${N8N_VERSION} (3 to 7 min, ~2.9 GB)`,
			log,
			logFile,
			paths.dir,
			['install', '--no-audit', '--no-fund', '--ignore-scripts', `n8n@${N8N_VERSION}`],
			() => countPackages(join(paths.dir, 'node_modules')),
		);

		// n8n's SQLite driver is native; --ignore-scripts skipped its build, so compile it against this Node.
		await step(
			'3/3 compile sqlite3 for Node 24 (2 to 3 min)',
			log,
			logFile,
			paths.dir,
			['rebuild', 'sqlite3'],
			undefined,
			{
				npm_config_nodedir: join(paths.nodeHeadersDir, 'node_modules', headersPkg),
			},
		);
	} finally {
		await new Promise((resolve) => logFile.end(resolve));
	}
	if (!looksComplete(paths))
		throw new Error(`n8n install in ${paths.dir} finished but is incomplete; see ${paths.log}`);
	await writeFile(paths.marker, `${new Date().toISOString()}\n`);
	log(`n8n ${N8N_VERSION} installed in ${Math.round((Date.now() - started) / 1000)} s`);
}

/** Runs one npm command, printing a heartbeat so a long silent install does not look hung. */
async function step(
	title: string,
	log: Log,
	logFile: NodeJS.WritableStream,
	cwd: string,
	args: string[],
	progress?: () => string,
	extraEnv: NodeJS.ProcessEnv = {},
): Promise<void> {
	log(`  ${title}`);
	const started = Date.now();
	const child = spawn('npm', args, {
		cwd,
		// npm's own shebang is `env node`: Node 24 must come first so native builds target it.
		env: {
			...process.env,
			...extraEnv,
			PATH: `${dirname(process.execPath)}:${process.env.PATH ?? ''}`,
		},
		stdio: ['ignore', 'pipe', 'pipe'],
	});
	child.stdout.pipe(logFile, { end: false });
	child.stderr.pipe(logFile, { end: false });
	const timer = setInterval(() => {
		const extra = progress ? `, ${progress()}` : '';
		log(`    … ${Math.round((Date.now() - started) / 1000)} s${extra}`);
	}, 15_000);
	try {
		const code = await new Promise<number | null>((resolve, reject) => {
			child.on('error', reject);
			child.on('close', resolve);
		});
		if (code !== 0)
			throw new Error(
				`\`npm ${args.join(' ')}\` failed in ${cwd} (exit ${code}); see the install log`,
			);
	} finally {
		clearInterval(timer);
	}
}

function countPackages(nodeModules: string): string {
	try {
		return `${readdirSync(nodeModules).length} top-level packages so far`;
	} catch {
		return 'resolving dependencies (node_modules not written yet)';
	}
}

/**
 * A directory as a lock (mkdir is atomic), holding the owner's pid so that a lock left by a killed run is
 * recognised and taken over instead of blocking every later run.
 */
async function acquireLock(lock: string, log: Log): Promise<() => Promise<void>> {
	const deadline = Date.now() + LOCK_WAIT_MS;
	let announced = false;
	for (;;) {
		try {
			await mkdir(lock);
			await writeFile(join(lock, 'pid'), String(process.pid));
			return () => rm(lock, { recursive: true, force: true });
		} catch (error) {
			if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
		}
		const owner = Number(await readFile(join(lock, 'pid'), 'utf8').catch(() => ''));
		if (owner && !isAlive(owner)) {
			await rm(lock, { recursive: true, force: true });
			continue;
		}
		if (Date.now() > deadline)
			throw new Error(`Gave up waiting for ${lock}; remove it if no install is running`);
		if (!announced) log(`Another run (pid ${owner || '?'}) is installing n8n; waiting for it…`);
		announced = true;
		await new Promise((resolve) => setTimeout(resolve, 2_000));
	}
}
