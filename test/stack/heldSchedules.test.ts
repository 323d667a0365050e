import { withHeldSchedules } from '../../dev/stack/heldSchedules';
import { listTemplates } from '../../dev/stack/templates';

type Node = { name: string; type: string; parameters: Record<string, unknown> };
const nodesOf = (workflow: unknown) => (workflow as { nodes: Node[] }).nodes;
const isSchedule = (node: Node) => node.type === 'n8n-nodes-base.scheduleTrigger';

describe('withHeldSchedules (the test stack imports templates with their schedules held)', () => {
	const templates = listTemplates();

	it('sets every Schedule Trigger of every template to fire on 29 February only', () => {
		const schedules = templates.flatMap((template) =>
			nodesOf(withHeldSchedules(template as never)).filter(isSchedule),
		);
		expect(schedules.length).toBeGreaterThanOrEqual(templates.length - 1);
		for (const node of schedules)
			expect(node.parameters.rule).toEqual({
				interval: [{ field: 'cronExpression', expression: '0 0 0 29 2 *' }],
			});
	});

	it('leaves every other node, and the template it was given, unchanged', () => {
		for (const template of templates) {
			const before = JSON.stringify(template);
			const held = nodesOf(withHeldSchedules(template as never));
			expect(JSON.stringify(template)).toBe(before);
			const original = nodesOf(template);
			expect(held.map((node) => node.name)).toEqual(original.map((node) => node.name));
			held.forEach((node, index) => {
				if (!isSchedule(node)) expect(node).toBe(original[index]);
				else expect(node.parameters.rule).not.toEqual(original[index].parameters.rule);
			});
		}
	});
});
