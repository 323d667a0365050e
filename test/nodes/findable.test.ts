import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

import { PACKAGE, ROOT, packNodes } from '../helpers/packNodes';

/**
 * What a seller meets before the first run: the nodes panel search (codex aliases), the entry shown for the TikTok
 * Shop app, the Docs link of each node and the output labels on the canvas.
 */
interface Codex {
	node: string;
	nodeVersion: string;
	codexVersion: string;
	categories: string[];
	subcategories?: Record<string, string[]>;
	resources: { primaryDocumentation: Array<{ url: string }> };
	alias: string[];
}

const nodes = packNodes();
const codexOf = (sourceBase: string): Codex =>
	JSON.parse(readFileSync(join(ROOT, `${sourceBase}.json`), 'utf8')) as Codex;

/** GitHub's anchor for a heading: lower case, punctuation dropped, spaces to hyphens. */
function githubAnchor(heading: string): string {
	return heading
		.trim()
		.toLowerCase()
		.replace(/[^\p{L}\p{N} _-]/gu, '')
		.replace(/ /g, '-');
}
const readmeAnchors = readFileSync(join(ROOT, 'README.md'), 'utf8')
	.split('\n')
	.filter((line) => /^#{1,6} /.test(line))
	.map((line) => githubAnchor(line.replace(/^#+ /, '')));

describe('codex files: the nodes panel finds each node by the words a seller types', () => {
	it.each(nodes.map((node) => [node.sourceBase, node] as const))(
		'%s has a codex file naming it',
		(sourceBase, node) => {
			expect(existsSync(join(ROOT, `${sourceBase}.json`))).toBe(true);
			const codex = codexOf(sourceBase);
			expect(codex.node).toBe(`${PACKAGE.name}.${node.base.name}`);
			expect(codex.nodeVersion).toBe('1.0');
			expect(codex.codexVersion).toBe('1.0');
			expect(codex.categories.length).toBeGreaterThan(0);
			expect(codex.alias).toContain('TikTok');
		},
	);

	it('the words of the issue each find a node', () => {
		const aliases = nodes.flatMap((node) =>
			codexOf(node.sourceBase).alias.map((alias) => alias.toLowerCase()),
		);
		for (const word of [
			'payout',
			'settlement',
			'reconcile',
			'3pl',
			'tracking',
			'shipping',
			'inventory',
			'stock',
			'dispute',
			'return',
		]) {
			expect(aliases).toContain(word);
		}
	});

	it('"3PL", "payout" and "dispute" find the node that does it', () => {
		const find = (word: string) =>
			nodes
				.filter((node) =>
					codexOf(node.sourceBase).alias.some((alias) => alias.toLowerCase() === word),
				)
				.map((node) => node.base.name);
		expect(find('3pl')).toEqual(
			expect.arrayContaining(['tikTokShopTrackingParser', 'tikTokShopShipBatcher']),
		);
		expect(find('payout')).toContain('tikTokShopSettlementReconciler');
		expect(find('dispute')).toContain('tikTokShopEvidenceSubmit');
		expect(find('inventory')).toEqual(
			expect.arrayContaining(['tikTokShopInventoryPush', 'tikTokShopStockLedger']),
		);
	});
});

describe("the Docs link opens the node's README section", () => {
	it.each(nodes.map((node) => [node.base.name, node] as const))('%s', (_name, node) => {
		const url = codexOf(node.sourceBase).resources.primaryDocumentation[0].url;
		expect(url.startsWith(`${PACKAGE.homepage}#`)).toBe(true);
		expect(readmeAnchors).toContain(url.split('#')[1]);
		expect(url).not.toMatch(/npmjs/);
		// n8n opens documentationUrl as is; from the codex it would append ?utm_… after the anchor.
		expect(node.base.documentationUrl).toBe(url);
	});
});

describe('the build ships the codex files where n8n looks for them', () => {
	it("gulp copies each node's codex next to its .node.js, the path n8n requires (`${file}on`)", () => {
		const gulp = join(ROOT, 'node_modules', 'gulp', 'bin', 'gulp.js');
		const run = spawnSync(process.execPath, [gulp, 'build:assets'], {
			cwd: ROOT,
			encoding: 'utf8',
		});
		expect(run.status).toBe(0);
		for (const node of nodes) {
			const codexPath = join(ROOT, `${node.distPath}on`);
			expect(existsSync(codexPath)).toBe(true);
			expect(JSON.parse(readFileSync(codexPath, 'utf8'))).toEqual(codexOf(node.sourceBase));
		}
	});
});

/**
 * n8n's node creator shows an app and its trigger as one entry: the action node, with the trigger's description
 * copied over it (editor-ui `generateMergedNodesAndActions`, n8n 2.41). The trigger's description is therefore only
 * ever read in that entry.
 */
function nodesPanelDescription(name: string): string | undefined {
	const action = nodes.find((node) => node.base.name === name)?.base;
	const trigger = nodes.find((node) => node.base.name === `${name}Trigger`)?.base;
	return trigger ? trigger.description : action?.description;
}

describe('the nodes panel', () => {
	it("shows the TikTok Shop entry with the action node's own description", () => {
		const action = nodes.find((node) => node.base.name === 'tikTokShop')!.base;
		expect(nodesPanelDescription('tikTokShop')).toMatch(
			new RegExp(`^${action.description.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`),
		);
	});
});

describe('output labels fit on the canvas', () => {
	// An unconnected output label is cut after about 10 characters ("Rejected Rows" showed as "Rejected R…").
	it.each(
		nodes.flatMap((node) => node.versions.map((version) => [node.base.name, version] as const)),
	)('%s', (_name, version) => {
		for (const label of (version.outputNames ?? []) as string[])
			expect(label.length).toBeLessThanOrEqual(10);
	});
});

/**
 * n8n's panel puts the credential where a `type: 'credentials'` parameter stands; without one, after the last
 * parameter a credential's displayOptions depend on (editor-ui ParameterInputList), which put it mid-panel, below
 * State Store. n8n-nodes-base's Evaluation nodes use the same parameter.
 */
describe('the credential field comes first in every panel', () => {
	it.each(
		nodes.flatMap((node) =>
			node.versions.map(
				(version) => [`${node.base.name} v${String(version.version)}`, version] as const,
			),
		),
	)('%s', (_label, version) => {
		if (!version.credentials?.length) return;
		expect(version.properties[0]).toMatchObject({ name: 'credentials', type: 'credentials' });
		expect(version.properties[0].displayOptions).toBeUndefined();
		expect(version.properties.filter((property) => property.type === 'credentials')).toHaveLength(
			1,
		);
	});
});
