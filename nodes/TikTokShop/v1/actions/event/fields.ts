import type { INodeProperties } from 'n8n-workflow';

import { storeProperty } from '../../../../shared/storeSelection';

export function queueFields(operations: string[]): INodeProperties[] {
	const show = { resource: ['event'], operation: operations };
	return [
		{
			displayName: 'Queue Name',
			name: 'queueName',
			type: 'string',
			default: '={{ $workflow.id }}',
			description:
				'The TikTok Shop Trigger\'s queue: its "Queue Name" option, or its workflow\'s ID when that is empty',
			displayOptions: { show },
		},
		{
			...storeProperty,
			description: 'Must be the same store the TikTok Shop Trigger uses',
			displayOptions: { show },
		},
	];
}
