#!/usr/bin/env node
/**
 * Makes sure the system programs a test command needs are on this machine, before the command runs:
 *
 *   node scripts/provision.js redis dovecot     (npm's "pretest", before `npm test`)
 *   node scripts/provision.js redis dovecot postgres chromium   (npm's "pretest:e2e", before `npm run test:e2e`)
 *   node scripts/provision.js chromium          (npm's "prescreenshots", before `npm run screenshots`)
 *
 * A program is found through its variable (REDIS_SERVER_BIN, DOVECOT_BIN, CHROMIUM_BIN, POSTGRES_BIN), else on
 * PATH or in /usr/sbin, /usr/local/sbin, /sbin (Debian's PostgreSQL: /usr/lib/postgresql/<version>/bin, newest
 * first). What is missing is installed from Debian packages with apt-get when this runs
 * as root or with passwordless sudo (set TIKTOK_SHOP_OPS_NO_APT=1 to never do that). Otherwise it stops at once
 * with one line saying what to install. Plain Node (20+), no dependencies: it runs before anything else.
 */
'use strict';

const { spawnSync } = require('node:child_process');
const { accessSync, constants, readdirSync, statSync } = require('node:fs');
const { delimiter, join } = require('node:path');

/** What each test needs, which variable points at it, and the Debian package that brings it. */
const PROGRAMS = {
	redis: {
		binary: 'redis-server',
		variable: 'REDIS_SERVER_BIN',
		debianPackage: 'redis-server',
		usedBy: 'store and trigger tests',
	},
	dovecot: {
		binary: 'dovecot',
		variable: 'DOVECOT_BIN',
		debianPackage: 'dovecot-imapd',
		usedBy: 'IMAP tests',
	},
	postgres: {
		binary: 'postgres',
		variable: 'POSTGRES_BIN',
		debianPackage: 'postgresql',
		usedBy: 'queue-mode e2e tests',
		// Debian keeps each major version's server programs (postgres, initdb) off PATH.
		dirs: () => versionedDirs('/usr/lib/postgresql', 'bin'),
	},
	chromium: {
		binary: 'chromium',
		variable: 'CHROMIUM_BIN',
		debianPackage: 'chromium',
		usedBy: 'README screenshots, editor walkthrough',
	},
};

/** Debian puts daemons in sbin, which is not on an ordinary user's PATH. */
const EXTRA_DIRS = ['/usr/sbin', '/usr/local/sbin', '/sbin'];

/** <root>/<version>/<sub> for every numeric version folder, newest first. */
function versionedDirs(root, sub) {
	try {
		return readdirSync(root)
			.filter((name) => /^\d+$/.test(name))
			.sort((a, b) => Number(b) - Number(a))
			.map((name) => join(root, name, sub));
	} catch {
		return [];
	}
}

function isExecutable(file) {
	try {
		accessSync(file, constants.X_OK);
		return statSync(file).isFile();
	} catch {
		return false;
	}
}

/** The path of a program, or undefined. A variable that is set but wrong is an error, not a fallback. */
function findProgram(program) {
	const fromVariable = process.env[program.variable];
	if (fromVariable) {
		if (isExecutable(fromVariable)) return fromVariable;
		fail(`${program.variable}=${fromVariable} is not an executable file; fix it or unset it.`);
	}
	const dirs = [
		...(process.env.PATH || '').split(delimiter).filter(Boolean),
		...EXTRA_DIRS,
		...(program.dirs ? program.dirs() : []),
	];
	for (const dir of dirs) {
		const candidate = join(dir, program.binary);
		if (isExecutable(candidate)) return candidate;
	}
	return undefined;
}

function fail(line) {
	process.stderr.write(`\n${line}\n\n`);
	process.exit(1);
}

function works(command, args) {
	return spawnSync(command, args, { stdio: 'ignore' }).status === 0;
}

/** How to run apt-get here: directly as root, through passwordless sudo, or not at all. */
function aptRunner() {
	if (process.env.TIKTOK_SHOP_OPS_NO_APT === '1') return undefined;
	if (!works('sh', ['-c', 'command -v apt-get'])) return undefined;
	if (process.getuid && process.getuid() === 0) return [];
	if (works('sudo', ['-n', 'true'])) return ['sudo', '-n'];
	return undefined;
}

function apt(runner, args) {
	const [command, ...prefix] = [...runner, 'env', 'DEBIAN_FRONTEND=noninteractive', 'apt-get'];
	const result = spawnSync(command, [...prefix, ...args], {
		stdio: ['ignore', 'inherit', 'inherit'],
	});
	return result.status === 0;
}

function main() {
	const wanted = process.argv.slice(2);
	const unknown = wanted.filter((name) => !PROGRAMS[name]);
	if (wanted.length === 0 || unknown.length > 0) {
		fail(`usage: node scripts/provision.js ${Object.keys(PROGRAMS).join('|')} …`);
	}
	const missing = wanted.map((name) => PROGRAMS[name]).filter((program) => !findProgram(program));
	if (missing.length === 0) return;

	const packages = missing.map((program) => program.debianPackage);
	const names = missing.map((program) => `${program.binary} (${program.usedBy})`).join(', ');
	const howToFix =
		`Missing ${names}. Install with: sudo apt-get install ${packages.join(' ')}` +
		` (or point ${missing.map((program) => program.variable).join(' / ')} at the programs).`;
	const runner = aptRunner();
	if (!runner) fail(howToFix);

	const started = Date.now();
	console.log(
		`Installing the Debian packages ${packages.join(' ')} for the tests (once per machine)…`,
	);
	const install = ['install', '-y', '-qq', '--no-install-recommends', ...packages];
	// A fresh image has no package lists, and old ones point at files the mirror no longer has: then update first.
	const installed =
		apt(runner, install) ||
		(console.log('Fetching the package lists (apt-get update) and trying again…'),
		apt(runner, ['update', '-qq']) && apt(runner, install));
	if (!installed) fail(`apt-get could not install ${packages.join(' ')}. ${howToFix}`);
	const stillMissing = missing.filter((program) => !findProgram(program));
	if (stillMissing.length > 0)
		fail(
			`apt-get ran but ${stillMissing.map((program) => program.binary).join(', ')} is still not found. ${howToFix}`,
		);
	console.log(`Installed ${packages.join(' ')} in ${Math.round((Date.now() - started) / 1000)} s.`);
}

if (require.main === module) main();

module.exports = { PROGRAMS, findProgram };
