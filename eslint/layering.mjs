import { dirname, relative, resolve, sep } from 'node:path';

/**
 * The pack's floors (README "Layout"): a node imports only `nodes/shared/` and its own folder; the credentials only
 * `nodes/shared/`; nothing in `nodes/` or `credentials/` imports `test/` or `bench/`. One rule, so a new node is
 * covered without a list to keep.
 */
const root = resolve(dirname(new URL(import.meta.url).pathname), '..');

function ownerOf(file) {
	const parts = relative(root, file).split(sep);
	if (parts[0] === 'nodes') return parts[1] === 'shared' ? 'shared' : `node:${parts[1]}`;
	return parts[0];
}

function problem(fromFile, specifier) {
	if (!specifier.startsWith('.')) return undefined;
	const target = resolve(dirname(fromFile), specifier);
	const from = ownerOf(fromFile);
	const to = ownerOf(target);
	if (to === 'test' || to === 'bench') return `${from === 'shared' ? 'nodes/shared' : from.replace('node:', 'nodes/')} must not import ${to}/ (the dev kit and benches are not part of the pack)`;
	if (from === 'shared' && to.startsWith('node:')) return `nodes/shared must not import a node's folder (${to.slice(5)}): move what both need into nodes/shared`;
	if (from === 'credentials' && to.startsWith('node:')) return `a credential must not import a node's folder (${to.slice(5)}): move what it needs into nodes/shared`;
	if (from.startsWith('node:') && to.startsWith('node:') && from !== to) return `${from.slice(5)} must not import ${to.slice(5)}'s folder: move what both need into nodes/shared`;
	return undefined;
}

const rule = {
	meta: { type: 'problem', docs: { description: 'Keep the pack layered: nodes import nodes/shared and their own folder only' }, schema: [] },
	create(context) {
		const check = (node) => {
			const source = node.source;
			if (!source || typeof source.value !== 'string') return;
			const message = problem(context.filename, source.value);
			if (message) context.report({ node: source, message });
		};
		return { ImportDeclaration: check, ExportNamedDeclaration: check, ExportAllDeclaration: check, ImportExpression: check };
	},
};

export const layering = { rules: { 'no-cross-node-imports': rule } };
