/** Leap day at midnight: a Schedule Trigger set to it stays active and registered but does not fire in a test. */
const HELD_SCHEDULE = { interval: [{ field: 'cronExpression', expression: '0 0 0 29 2 *' }] };

export function withHeldSchedules<T extends { nodes: Array<Record<string, unknown>> }>(
	workflow: T,
): T {
	return {
		...workflow,
		nodes: workflow.nodes.map((node) =>
			node.type === 'n8n-nodes-base.scheduleTrigger'
				? { ...node, parameters: { ...(node.parameters as object), rule: HELD_SCHEDULE } }
				: node,
		),
	};
}
