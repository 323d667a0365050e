/**
 * Where the real servers the tests start live: the same lookup as `scripts/provision.js` (npm's pretest), so a
 * program it found or installed is the one the tests run. REDIS_SERVER_BIN / DOVECOT_BIN / CHROMIUM_BIN /
 * POSTGRES_BIN win.
 */
type ProgramName = 'redis' | 'dovecot' | 'chromium' | 'postgres';
type Program = { binary: string; variable: string; debianPackage: string };

// eslint-disable-next-line @typescript-eslint/no-require-imports -- plain-JS script shared with npm's pretest
const provision = require('../scripts/provision.js') as {
	PROGRAMS: Record<ProgramName, Program>;
	findProgram(program: Program): string | undefined;
};

/** The program's path; throws one line saying what to install when it is not on the machine. */
export function systemProgram(name: ProgramName): string {
	const program = provision.PROGRAMS[name];
	const found = provision.findProgram(program);
	if (found) return found;
	throw new Error(
		`${program.binary} is not installed: sudo apt-get install ${program.debianPackage} (or set ${program.variable}). ` +
			'`npm test` installs it by itself when it runs as root or with passwordless sudo.',
	);
}
