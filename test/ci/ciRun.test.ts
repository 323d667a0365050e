import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/** CI must run what the README tells a person to run, in the same order, and nothing else. */
const root = join(__dirname, '..', '..');

function readmeTestCommands(): string[] {
	const readme = readFileSync(join(root, 'README.md'), 'utf8');
	const section = readme.split(/^## Tests$/m)[1]?.split(/^## /m)[0];
	if (!section) throw new Error('README.md has no "## Tests" section');
	const block = /```sh\n([\s\S]*?)```/.exec(section)?.[1];
	if (!block) throw new Error('README "Tests" has no ```sh block');
	return block
		.split('\n')
		.map((line) => line.replace(/#.*$/, '').trim())
		.filter(Boolean);
}

function ciRunCommands(): string[] {
	return readFileSync(join(root, '.ci', 'run'), 'utf8')
		.split('\n')
		.filter((line) => /^run /.test(line))
		.map((line) => line.slice('run '.length).trim());
}

describe('.ci/run', () => {
	it('runs the README "Tests" commands, in the README order', () => {
		expect(readmeTestCommands()).toEqual([
			'npm ci',
			'npm test',
			'npm run lint',
			'npm run typecheck',
			'npm run build',
			'npm run test:e2e',
		]);
		expect(ciRunCommands()).toEqual(readmeTestCommands());
	});

	it('does nothing else: no command of its own before or between them', () => {
		const body = readFileSync(join(root, '.ci', 'run'), 'utf8')
			.split('\n')
			.filter((line) => line.trim() && !line.startsWith('#'));
		const allowed = [
			/^set -euo pipefail$/,
			/^cd "\$\(dirname "\$0"\)\/\.\."$/,
			/^started=\$SECONDS$/,
			/^run\(\) \{$/,
			/^\t/,
			/^\}$/,
			/^run /,
			/^printf /,
		];
		expect(body.filter((line) => !allowed.some((pattern) => pattern.test(line)))).toEqual([]);
		expect(body.join('\n')).not.toMatch(/apt-get|sudo/);
	});
});
