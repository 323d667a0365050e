import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';

// eslint-disable-next-line layering/no-cross-node-imports -- this test checks the table itself
import * as paths from '../../nodes/shared/tiktok/resources/paths';

/**
 * Nodes call the resource layer (nodes/shared/tiktok/resources/); only it spells a TikTok path. The lint rule keeps
 * paths.ts to nodes/shared/tiktok/; this keeps the path strings there too, and every path in the table in use.
 */
const ROOT = join(__dirname, '..', '..');
const TIKTOK_FLOOR = join(ROOT, 'nodes', 'shared', 'tiktok');
const RESOURCES = join(TIKTOK_FLOOR, 'resources');
/** A quoted TikTok Open API path with its version: `'/fulfillment/202309/packages/ship'`. */
const RAW_PATH = /['"`]\/[a-z_]+\/(\d{6}|\$\{[A-Z_]*VERSION\})\//;

/** Code without its comments, which may quote a path as documentation. */
function withoutComments(text: string): string {
	return text.replace(/\/\*[\s\S]*?\*\//g, '').replace(/^\s*\/\/.*$/gm, '');
}

const code = (file: string): string => withoutComments(readFileSync(file, 'utf8'));

function sources(folder: string): string[] {
	return readdirSync(folder, { withFileTypes: true, recursive: true })
		.filter((entry) => entry.isFile() && entry.name.endsWith('.ts'))
		.map((entry) => join(entry.parentPath, entry.name));
}

describe('resource layer', () => {
	it('the scan recognises a raw path in code, not in a comment', () => {
		expect(RAW_PATH.test("client.post('/fulfillment/202309/packages/ship', body)")).toBe(true);
		expect(RAW_PATH.test('`/finance/202501/orders/${id}/statement_transactions`')).toBe(true);
		const documented =
			'/** Search Returns `/return_refund/202309/returns/search` */\n// GET /order/202309/orders\nconst x = 1;';
		expect(RAW_PATH.test(documented)).toBe(true);
		expect(RAW_PATH.test(withoutComments(documented))).toBe(false);
	});

	it('no file outside nodes/shared/tiktok/ spells a TikTok path', () => {
		const offenders = [...sources(join(ROOT, 'nodes')), ...sources(join(ROOT, 'credentials'))]
			.filter((file) => !file.startsWith(TIKTOK_FLOOR + '/'))
			.filter((file) => RAW_PATH.test(code(file)))
			.map((file) => relative(ROOT, file));
		expect(offenders).toEqual([]);
	});

	it('inside nodes/shared/tiktok/, only paths.ts spells a path: the one table of paths and versions', () => {
		const offenders = sources(TIKTOK_FLOOR)
			.filter((file) => file !== join(RESOURCES, 'paths.ts'))
			.filter((file) => RAW_PATH.test(code(file)))
			.map((file) => relative(ROOT, file));
		expect(offenders).toEqual([]);
	});

	it('every path of the table is called by a resource module', () => {
		const modules = sources(RESOURCES)
			.filter((file) => !file.endsWith('paths.ts'))
			.map((file) => readFileSync(file, 'utf8'))
			.join('\n');
		const tables = Object.entries(paths).filter(([, entries]) => typeof entries === 'object');
		expect(tables.length).toBeGreaterThanOrEqual(9);
		const unused = tables.flatMap(([table, entries]) =>
			Object.keys(entries).filter((key) => !modules.includes(`${table}.${key}`)),
		);
		expect(unused).toEqual([]);
	});
});
