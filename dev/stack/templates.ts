import { readdirSync, readFileSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

import { PACK_ROOT } from './packLoader';

export const TEMPLATES_DIR = join(PACK_ROOT, 'workflows');

export interface Template {
	id: string;
	name: string;
	file: string;
	nodes: Array<{
		name: string;
		type: string;
		parameters: Record<string, unknown>;
		webhookId?: string;
		credentials?: Record<string, { id: string; name: string }>;
	}>;
}

/** Every importable template in workflows/. Each carries a fixed id so that tests can find it after import. */
export function listTemplates(): Template[] {
	return readdirSync(TEMPLATES_DIR)
		.filter((file) => file.endsWith('.json'))
		.sort()
		.map((file) => {
			const workflow = JSON.parse(readFileSync(join(TEMPLATES_DIR, file), 'utf8')) as Omit<
				Template,
				'file'
			>;
			if (!workflow.id)
				throw new Error(
					`workflows/${file} has no "id"; the harness needs one to find it after import`,
				);
			return { id: workflow.id, name: workflow.name, nodes: workflow.nodes, file };
		});
}

export function template(file: string): Template {
	const found = listTemplates().find((candidate) => candidate.file === file);
	if (!found) throw new Error(`No template workflows/${file}`);
	return found;
}

/**
 * The production URL n8n serves for an active workflow's webhook node, built the way n8n builds it: the
 * node's `path` parameter (Webhook node), or `<webhookId>/<path from the node's webhook description>` for
 * trigger nodes that register their URL with the service, as TikTok Shop's Event API needs.
 */
export function productionWebhookUrl(
	n8nUrl: string,
	workflow: Template,
	nodeName: string,
	descriptionPath = 'webhook',
): string {
	const node = workflow.nodes.find((candidate) => candidate.name === nodeName);
	if (!node) throw new Error(`${workflow.file} has no node "${nodeName}"`);
	const path =
		typeof node.parameters.path === 'string' && node.parameters.path !== ''
			? node.parameters.path
			: undefined;
	if (path) return `${n8nUrl}/webhook/${path}`;
	if (!node.webhookId)
		throw new Error(`Node "${nodeName}" in ${workflow.file} has neither a path nor a webhookId`);
	return `${n8nUrl}/webhook/${node.webhookId}/${descriptionPath}`;
}

/** The production address of every Form Trigger in the workflows: `/form/<path option or webhookId>`. */
export function formUrls(
	n8nUrl: string,
	workflows: Template[],
): Array<{ workflow: Template; url: string }> {
	return workflows.flatMap((workflow) =>
		workflow.nodes
			.filter((node) => node.type === 'n8n-nodes-base.formTrigger')
			.map((node) => {
				const path =
					(node.parameters.options as { path?: string } | undefined)?.path || node.webhookId;
				return { workflow, url: `${n8nUrl}/form/${path}` };
			}),
	);
}

/**
 * Every template as a user edits it after import: the values of its Settings node named in `settings` replaced
 * (e.g. `files_folder` → this instance's files folder), written to `dir` for `n8n import:workflow --separate`.
 * The templates themselves read no n8n Variables ($vars need a paid plan); this is how the harness sets them up.
 */
export async function writeTemplatesWithSettings(
	dir: string,
	settings: Record<string, string>,
	transform: <T extends { nodes: Array<Record<string, unknown>> }>(workflow: T) => T = (workflow) =>
		workflow,
): Promise<string> {
	await mkdir(dir, { recursive: true });
	for (const file of readdirSync(TEMPLATES_DIR).filter((name) => name.endsWith('.json'))) {
		const workflow = JSON.parse(readFileSync(join(TEMPLATES_DIR, file), 'utf8')) as {
			nodes: Array<{ name: string; parameters: Record<string, unknown> }>;
		};
		const node = workflow.nodes.find((candidate) => candidate.name === 'Settings');
		const fields =
			(node?.parameters.assignments as { assignments?: Array<{ name: string; value: unknown }> })
				?.assignments ?? [];
		for (const field of fields) if (field.name in settings) field.value = settings[field.name];
		await writeFile(join(dir, file), JSON.stringify(transform(workflow as never), null, 2));
	}
	return dir;
}
