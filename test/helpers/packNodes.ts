import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { INodeType, INodeTypeDescription, IVersionedNodeType } from 'n8n-workflow';

/** Every node the package.json `n8n` section ships, loaded from source as n8n loads it from dist. */
export const ROOT = join(__dirname, '..', '..');
export const PACKAGE = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as {
	name: string;
	homepage: string;
	n8n: { nodes: string[] };
};

export interface PackNode {
	/** `dist/nodes/X/X.node.js`, as listed in package.json. */
	distPath: string;
	/** `nodes/X/X.node.ts` without the extension. */
	sourceBase: string;
	/** The description n8n shows in the nodes panel (the versioned base, or the node's own). */
	base: INodeTypeDescription;
	/** The description of every version. */
	versions: INodeTypeDescription[];
	instance: INodeType | IVersionedNodeType;
}

export function packNodes(): PackNode[] {
	return PACKAGE.n8n.nodes.map((distPath) => {
		const sourceBase = distPath.replace(/^dist\//, '').replace(/\.js$/, '');
		// eslint-disable-next-line @typescript-eslint/no-require-imports
		const module = require(join(ROOT, sourceBase)) as Record<
			string,
			new () => INodeType | IVersionedNodeType
		>;
		const instance = new (Object.values(module)[0])();
		const versions =
			'nodeVersions' in instance
				? Object.values(instance.nodeVersions).map((version) => version.description)
				: [instance.description];
		return {
			distPath,
			sourceBase,
			base: instance.description as INodeTypeDescription,
			versions,
			instance,
		};
	});
}
