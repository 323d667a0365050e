import { execFile } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { cp, mkdir, readFile, symlink, writeFile } from 'node:fs/promises';
import { join, relative, resolve, sep } from 'node:path';
import { promisify } from 'node:util';

export const PACK_ROOT = resolve(__dirname, '..', '..');

interface PackManifest {
	name: string;
	version: string;
	n8n: { nodes: string[]; credentials: string[] };
}

export function readPackManifest(): PackManifest {
	return JSON.parse(readFileSync(join(PACK_ROOT, 'package.json'), 'utf8')) as PackManifest;
}

/** Node type names as n8n registers them: `<package name>.<node name>`, e.g. n8n-nodes-tiktok-shop-ops.tikTokShop. */
export interface PackTypes {
	nodes: string[];
	credentials: string[];
}

/**
 * Installs the built pack into `<n8nFolder>/nodes/node_modules/<name>` the way n8n's community-package
 * installer leaves it: package.json and dist/ as files, production dependencies beside them, and no
 * n8n-workflow, so the pack resolves n8n's own copy as it does in a user's n8n. (A symlink to the clone would
 * hand it the devDependency copy instead.)
 */
export async function installPack(n8nFolder: string): Promise<void> {
	const manifest = readPackManifest();
	assertBuilt(manifest);
	const target = join(n8nFolder, 'nodes', 'node_modules', manifest.name);
	await mkdir(join(target, 'node_modules'), { recursive: true });
	await cp(join(PACK_ROOT, 'package.json'), join(target, 'package.json'));
	await cp(join(PACK_ROOT, 'dist'), join(target, 'dist'), { recursive: true });
	// n8n needs a package.json in the nodes folder; it writes one itself if missing, but only after scanning.
	await writeFile(
		join(n8nFolder, 'nodes', 'package.json'),
		'{"name":"installed-nodes","private":true}\n',
	);
	for (const dependency of await productionDependencies()) {
		const link = join(target, 'node_modules', dependency);
		await mkdir(join(link, '..'), { recursive: true });
		await symlink(join(PACK_ROOT, 'node_modules', dependency), link, 'dir');
	}
}

function assertBuilt(manifest: PackManifest): void {
	const files = [...manifest.n8n.nodes, ...manifest.n8n.credentials];
	if (files.length === 0) {
		throw new Error(
			'package.json lists no nodes or credentials in its "n8n" section, so n8n would load nothing from the pack',
		);
	}
	const missing = files.filter((file) => !existsSync(join(PACK_ROOT, file)));
	if (missing.length > 0) {
		throw new Error(
			`The pack is not built: ${missing.join(', ')} missing. Run \`npm run build\` first.`,
		);
	}
}

/** Hoisted production dependencies (nested ones travel inside their parent's folder). */
async function productionDependencies(): Promise<string[]> {
	const { stdout } = await promisify(execFile)(
		'npm',
		['ls', '--omit=dev', '--omit=peer', '--all', '--parseable'],
		{
			cwd: PACK_ROOT,
			maxBuffer: 16 * 1024 * 1024,
		},
	).catch((error: { stdout?: string }) => ({ stdout: error.stdout ?? '' })); // npm ls exits 1 on harmless warnings
	const topLevel = join(PACK_ROOT, 'node_modules') + sep;
	return stdout
		.split('\n')
		.filter((line) => line.startsWith(topLevel))
		.map((line) => relative(join(PACK_ROOT, 'node_modules'), line))
		.filter((name) => !name.includes(`${sep}node_modules${sep}`))
		.filter((name) => (name.startsWith('@') ? name.split(sep).length === 2 : !name.includes(sep)));
}

/** The node and credential type names the pack declares, as n8n will name them once loaded. */
export function expectedPackTypes(): PackTypes {
	const manifest = readPackManifest();
	return {
		nodes: manifest.n8n.nodes.map((file) => {
			const instance = instantiate(file) as { description?: { name?: string } };
			return `${manifest.name}.${String(instance.description?.name)}`;
		}),
		credentials: manifest.n8n.credentials.map((file) =>
			String((instantiate(file) as { name?: string }).name),
		),
	};
}

/** Loads a built node or credential file the way n8n does: the exported class, constructed without arguments. */
function instantiate(file: string): unknown {
	// eslint-disable-next-line @typescript-eslint/no-require-imports -- the built file named in package.json, as n8n loads it
	const exported = require(join(PACK_ROOT, file)) as Record<string, unknown>;
	const constructor = Object.values(exported).find((value) => typeof value === 'function') as
		(new () => unknown) | undefined;
	if (!constructor) throw new Error(`${file} exports no class`);
	return new constructor();
}

/**
 * Reads the type lists the running n8n wrote for its editor (<user folder>/.cache/n8n/public/types, served
 * only to logged-in users as /types/*.json) and fails with what is missing. n8n logs and skips a package it
 * cannot load, so without this check the editor would simply lack our nodes.
 */
export async function assertPackLoaded(userFolder: string, startupLog: string): Promise<void> {
	const expected = expectedPackTypes();
	const typesDir = join(userFolder, '.cache', 'n8n', 'public', 'types');
	const names = async (file: string) =>
		(JSON.parse(await readFile(join(typesDir, file), 'utf8')) as Array<{ name: string }>).map(
			(type) => type.name,
		);
	const nodes = await names('nodes.json');
	const credentials = await names('credentials.json');
	const missing = [
		...expected.nodes.filter((name) => !nodes.includes(name)).map((name) => `node ${name}`),
		...expected.credentials
			.filter((name) => !credentials.includes(name))
			.map((name) => `credential ${name}`),
	];
	if (missing.length > 0) {
		const hints = startupLog
			.split('\n')
			.filter((line) => /tiktok|Failed to load|Skipping package|Error/i.test(line))
			.join('\n');
		throw new Error(
			`n8n started but did not load the pack: ${missing.join(', ')} missing.\n` +
				`n8n's log lines about it:\n${hints || '(none; check the package.json "n8n" section and dist/)'}`,
		);
	}
}
