import type { INodeProperties } from 'n8n-workflow';

export function timeRangeFields(operation: string): INodeProperties[] {
	const show = { resource: ['finance'], operation: [operation] };
	return [
		{
			displayName: 'From',
			name: 'from',
			type: 'dateTime',
			default: '',
			description: 'Start of the period (inclusive)',
			displayOptions: { show },
		},
		{
			displayName: 'To',
			name: 'to',
			type: 'dateTime',
			default: '',
			description: 'End of the period (exclusive)',
			displayOptions: { show },
		},
	];
}
