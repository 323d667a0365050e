import { dirname, join, relative, resolve, sep } from 'node:path';

/**
 * The pack's floors (README "Layout"): a node imports only `nodes/shared/` and its own folder; the credentials only
 * `nodes/shared/`; nothing in `nodes/` or `credentials/` imports `dev/`, `test/` or `bench/`. Beside the pack: `dev/`
 * (local stack, simulator, harness) imports neither `test/` nor `bench/`, and the simulator, TikTok's stand-in,
 * imports nothing of the pack; `test/` never imports `bench/`; `bench/` imports only `test/fixtures/` from `test/`.
 * Only `nodes/shared/tiktok/` imports the table of TikTok paths and versions (`resources/paths.ts`): everything else
 * calls the resource module of the API area. One rule, so a new node is covered without a list to keep.
 */
const root = resolve(dirname(new URL(import.meta.url).pathname), '..');
/** Every TikTok path and version: only the TikTok floor reads it; everything else calls a resource module. */
const PATHS_TABLE = join(root, 'nodes', 'shared', 'tiktok', 'resources', 'paths');
const TIKTOK_FLOOR = join(root, 'nodes', 'shared', 'tiktok') + sep;

function ownerOf(file) {
	const parts = relative(root, file).split(sep);
	if (parts[0] === 'nodes') return parts[1] === 'shared' ? 'shared' : `node:${parts[1]}`;
	return parts[0];
}

const isPack = (owner) =>
	owner === 'shared' || owner === 'credentials' || owner.startsWith('node:');
const folderOf = (file) => relative(root, file).split(sep).slice(0, 2).join('/');

/** What the dev kit, the tests and the benches may not import (README "Layout"). */
function devKitProblem(fromFile, target, from, to) {
	if (from === 'dev' && (to === 'test' || to === 'bench'))
		return `dev/ must not import ${to}/: the dev kit stands on its own; move what it needs into dev/`;
	if (
		folderOf(fromFile) === 'dev/simulator' &&
		(isPack(to) || (to === 'dev' && folderOf(target) !== 'dev/simulator'))
	) {
		return "dev/simulator must not import the pack or the rest of the dev kit: it stands in for TikTok, written from TikTok's documentation";
	}
	if (from === 'test' && to === 'bench')
		return 'test/ must not import bench/: move what both need into dev/ or test/fixtures/';
	if (from === 'bench' && to === 'test' && folderOf(target) !== 'test/fixtures')
		return 'bench/ may import only test/fixtures/ from test/: move what both need into dev/ or test/fixtures/';
	return undefined;
}

function problem(fromFile, specifier) {
	if (!specifier.startsWith('.')) return undefined;
	const target = resolve(dirname(fromFile), specifier);
	if (target.replace(/\.ts$/, '') === PATHS_TABLE && !fromFile.startsWith(TIKTOK_FLOOR))
		return 'only nodes/shared/tiktok/ imports resources/paths.ts: call the resource module of the API area (nodes/shared/tiktok/resources/<area>.ts), or add the call there';
	const from = ownerOf(fromFile);
	const to = ownerOf(target);
	if (!isPack(from)) return devKitProblem(fromFile, target, from, to);
	if (to === 'test' || to === 'bench' || to === 'dev')
		return `${from === 'shared' ? 'nodes/shared' : from.replace('node:', 'nodes/')} must not import ${to}/ (the dev kit, tests and benches are not part of the pack)`;
	if (from === 'shared' && to.startsWith('node:'))
		return `nodes/shared must not import a node's folder (${to.slice(5)}): move what both need into nodes/shared`;
	if (from === 'credentials' && to.startsWith('node:'))
		return `a credential must not import a node's folder (${to.slice(5)}): move what it needs into nodes/shared`;
	if (from.startsWith('node:') && to.startsWith('node:') && from !== to)
		return `${from.slice(5)} must not import ${to.slice(5)}'s folder: move what both need into nodes/shared`;
	return undefined;
}

const rule = {
	meta: {
		type: 'problem',
		docs: {
			description: 'Keep the pack layered: nodes import nodes/shared and their own folder only',
		},
		schema: [],
	},
	create(context) {
		const check = (node) => {
			const source = node.source;
			if (!source || typeof source.value !== 'string') return;
			const message = problem(context.filename, source.value);
			if (message) context.report({ node: source, message });
		};
		return {
			ImportDeclaration: check,
			ExportNamedDeclaration: check,
			ExportAllDeclaration: check,
			ImportExpression: check,
		};
	},
};

export const layering = { rules: { 'no-cross-node-imports': rule } };
