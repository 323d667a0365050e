import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * No paid-plan dependency: a template keeps its settings (addresses, folders) in a Set node named "Settings" right
 * after its trigger, with a sticky note saying what to edit, instead of reading n8n Variables ($vars), which need a
 * paid plan. No template mentions $vars at all, not even as an optional override.
 */
interface WorkflowNode {
	name: string;
	type: string;
	typeVersion: number;
	parameters: Record<string, unknown>;
}
interface Workflow {
	nodes: WorkflowNode[];
	connections: Record<string, { main: Array<Array<{ node: string }> | null> }>;
}

const WORKFLOWS = join(__dirname, '..', '..', 'workflows');
const files = readdirSync(WORKFLOWS).filter((file) => file.endsWith('.json'));
const load = (file: string) => JSON.parse(readFileSync(join(WORKFLOWS, file), 'utf8')) as Workflow;

describe.each(files)('%s', (file) => {
	const workflow = load(file);
	const settings = workflow.nodes.find((node) => node.name === 'Settings');
	const others = workflow.nodes.filter(
		(node) => node !== settings && node.type !== 'n8n-nodes-base.stickyNote',
	);

	it('reads no $vars (n8n Variables need a paid plan)', () => {
		expect(readFileSync(join(WORKFLOWS, file), 'utf8')).not.toMatch(/\$vars\b/);
		expect(
			workflow.nodes
				.filter((node) => JSON.stringify(node.parameters).includes('$vars'))
				.map((node) => node.name),
		).toEqual([]);
	});

	it('passes every connected output of every trigger through Settings when other nodes read it', () => {
		if (!settings) return;
		const triggers = workflow.nodes.filter((node) => /trigger$/i.test(node.type));
		for (const trigger of triggers)
			for (const output of workflow.connections[trigger.name].main)
				if ((output ?? []).length)
					expect(output!.map((target) => target.node)).toEqual(['Settings']);
	});

	const reads = [
		...new Set(
			others.flatMap((node) =>
				[
					...JSON.stringify(node.parameters).matchAll(/\$\('Settings'\)\.first\(\)\.json\.(\w+)/g),
				].map((match) => match[1]),
			),
		),
	];
	if (!reads.length) return;

	it('holds every setting the other nodes read in a Set node right after the trigger, passing items through', () => {
		expect(settings).toBeDefined();
		expect(settings!.type).toBe('n8n-nodes-base.set');
		expect(settings!.typeVersion).toBeGreaterThanOrEqual(3.4); // keeps binary data (a form's upload) by default
		expect(settings!.parameters.includeOtherFields).toBe(true);
		const names = (
			settings!.parameters.assignments as { assignments: Array<{ name: string }> }
		).assignments.map((field) => field.name);
		expect(names.sort()).toEqual(expect.arrayContaining(reads.sort()));
		const triggers = workflow.nodes.filter((node) => /trigger$/i.test(node.type));
		for (const trigger of triggers)
			expect(workflow.connections[trigger.name].main[0]!.map((target) => target.node)).toEqual([
				'Settings',
			]);
	});

	it('has a sticky note that tells what to edit in Settings, and none that tells to set $vars', () => {
		const notes = workflow.nodes
			.filter((node) => node.type === 'n8n-nodes-base.stickyNote')
			.map((node) => String(node.parameters.content));
		expect(notes.some((note) => note.includes('**Settings**'))).toBe(true);
		expect(notes.filter((note) => note.includes('$vars'))).toEqual([]);
	});

	it('names no codes in its sticky notes (a person reads them on the canvas)', () => {
		const notes = workflow.nodes
			.filter((node) => node.type === 'n8n-nodes-base.stickyNote')
			.map((node) => String(node.parameters.content));
		expect(notes.flatMap((note) => note.match(/\b[A-Z]{3,}_[A-Z_]{3,}\b/g) ?? [])).toEqual([]);
	});
});
