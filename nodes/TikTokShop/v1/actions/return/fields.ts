import type { INodeProperties } from 'n8n-workflow';

export const returnIdField: INodeProperties = {
	displayName: 'Return ID',
	name: 'returnId',
	type: 'string',
	required: true,
	default: '',
	placeholder: '={{ $json.return_id }}',
};
