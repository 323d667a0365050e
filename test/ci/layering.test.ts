import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

/** The layering rule of `npm run lint` (eslint/layering.mjs), run on code placed where a node would put it. */
const ROOT = join(__dirname, '..', '..');

// Each case starts ESLint in a process (a few seconds each, much more on a loaded 2-core machine).
jest.setTimeout(180_000);

/** ESLint loads its flat config as ES modules, which jest's VM does not: it runs as `npm run lint` does, in a process. */
async function problems(file: string, code: string): Promise<string[]> {
	const eslint = join(ROOT, 'node_modules', 'eslint', 'bin', 'eslint.js');
	const run = spawnSync(
		process.execPath,
		[eslint, '--format', 'json', '--stdin', '--stdin-filename', join(ROOT, file)],
		{ cwd: ROOT, input: code, encoding: 'utf8' },
	);
	const [result] = JSON.parse(run.stdout) as Array<{
		messages: Array<{ ruleId: string; message: string }>;
	}>;
	return result.messages
		.filter((message) => message.ruleId === 'layering/no-cross-node-imports')
		.map((message) => message.message);
}

describe('layering lint rule', () => {
	it("refuses a node importing another node's folder", async () => {
		expect(
			await problems(
				'nodes/InventoryPush/v1/probe.ts',
				"import { x } from '../../ShipBatcher/v1/execute';\nexport const y = x;\n",
			),
		).toEqual([
			"InventoryPush must not import ShipBatcher's folder: move what both need into nodes/shared",
		]);
	});

	it('refuses nodes, shared code and credentials importing the dev kit or a node', async () => {
		expect(
			await problems(
				'nodes/shared/tiktok/probe.ts',
				"import { x } from '../../TikTokShop/v1/actions/router';\nexport const y = x;\n",
			),
		).toHaveLength(1);
		expect(
			await problems(
				'credentials/Probe.credentials.ts',
				"import { x } from '../test/helpers/redisServer';\nexport const y = x;\n",
			),
		).toHaveLength(1);
	});

	it("allows nodes/shared and the node's own folder", async () => {
		expect(
			await problems(
				'nodes/InventoryPush/v1/probe.ts',
				"import { a } from '../../shared/tiktok';\nimport { b } from './inventory/syncProducts';\nexport const c = [a, b];\n",
			),
		).toEqual([]);
	});

	it('refuses nodes and credentials importing dev/', async () => {
		expect(
			await problems(
				'nodes/ShipBatcher/v1/probe.ts',
				"import { x } from '../../../dev/simulator';\nexport const y = x;\n",
			),
		).toEqual([
			'nodes/ShipBatcher must not import dev/ (the dev kit, tests and benches are not part of the pack)',
		]);
	});

	it('keeps the dev kit, the tests and the benches apart (README "Layout")', async () => {
		expect(
			await problems(
				'test/nodes/probe.test.ts',
				"import { x } from '../../bench/lib/profiled';\nexport const y = x;\n",
			),
		).toEqual(['test/ must not import bench/: move what both need into dev/ or test/fixtures/']);
		expect(
			await problems(
				'dev/stack/probe.ts',
				"import { x } from '../../test/helpers/dovecotServer';\nexport const y = x;\n",
			),
		).toHaveLength(1);
		expect(
			await problems(
				'dev/probe.ts',
				"import { x } from '../bench/lib/profiled';\nexport const y = x;\n",
			),
		).toHaveLength(1);
		expect(
			await problems(
				'bench/probe.ts',
				"import { x } from '../test/helpers/redisServer';\nexport const y = x;\n",
			),
		).toHaveLength(1);
	});

	it('keeps the simulator free of the pack: it judges the pack', async () => {
		expect(
			await problems(
				'dev/simulator/probe.ts',
				"import { x } from '../../nodes/shared/tiktok/sign';\nexport const y = x;\n",
			),
		).toEqual([
			"dev/simulator must not import the pack or the rest of the dev kit: it stands in for TikTok, written from TikTok's documentation",
		]);
		expect(
			await problems(
				'dev/simulator/routes/probe.ts',
				"import { x } from '../../harness/fetchTransport';\nexport const y = x;\n",
			),
		).toHaveLength(1);
	});

	it('allows what the layout allows: test/ and bench/ on dev/, bench/ on test/fixtures, dev/ on the pack', async () => {
		const code = (specifier: string) => `import { x } from '${specifier}';\nexport const y = x;\n`;
		expect(await problems('test/simulator/probe.test.ts', code('../../dev/simulator'))).toEqual([]);
		expect(await problems('bench/probe.ts', code('../test/fixtures/validTrackingNumbers'))).toEqual(
			[],
		);
		expect(await problems('bench/lib/probe.ts', code('../../dev/stack/stack'))).toEqual([]);
		expect(
			await problems('dev/harness/probe.ts', code('../../nodes/shared/tiktok/client')),
		).toEqual([]);
		expect(await problems('dev/simulator/routes/probe.ts', code('../state'))).toEqual([]);
	});

	it('refuses the table of TikTok paths outside nodes/shared/tiktok: nodes call the resource modules', async () => {
		const code = (specifier: string) =>
			`import { orderPaths } from '${specifier}';\nexport const y = orderPaths;\n`;
		const refusal =
			'only nodes/shared/tiktok/ imports resources/paths.ts: call the resource module of the API area (nodes/shared/tiktok/resources/<area>.ts), or add the call there';
		expect(
			await problems('nodes/ShipBatcher/v1/probe.ts', code('../../shared/tiktok/resources/paths')),
		).toEqual([refusal]);
		expect(
			await problems('nodes/shared/stock/probe.ts', code('../tiktok/resources/paths')),
		).toEqual([refusal]);
		expect(
			await problems(
				'credentials/Probe.credentials.ts',
				code('../nodes/shared/tiktok/resources/paths.ts'),
			),
		).toEqual([refusal]);
		expect(
			await problems('test/nodes/probe.test.ts', code('../../nodes/shared/tiktok/resources/paths')),
		).toEqual([refusal]);
		expect(await problems('nodes/shared/tiktok/resources/probe.ts', code('./paths'))).toEqual([]);
		expect(await problems('nodes/shared/tiktok/probe.ts', code('./resources/paths'))).toEqual([]);
		expect(
			await problems(
				'nodes/ShipBatcher/v1/probe.ts',
				"import { fulfillment } from '../../shared/tiktok/resources';\nexport const y = fulfillment;\n",
			),
		).toEqual([]);
	});
});
