import type { INodeProperties } from 'n8n-workflow';

import { maxRetriesOption, requestsPerSecondOption } from '../../../shared/tiktok/requestOptions';

export const optionFields: INodeProperties = {
	displayName: 'Options',
	name: 'options',
	type: 'collection',
	placeholder: 'Add option',
	default: {},
	options: [
		{
			displayName: 'Catalogue Cache (Minutes)',
			name: 'cacheTtlMinutes',
			type: 'number',
			typeOptions: { minValue: 1 },
			default: 60,
			description:
				'How long the seller SKU → TikTok product and warehouse mapping is reused before it is loaded again. Unknown SKUs are always looked up.',
		},
		{
			displayName: 'Dry Run',
			name: 'dryRun',
			type: 'boolean',
			default: false,
			description:
				'Whether to read TikTok and output the update calls it would send, without sending them',
		},
		{
			...maxRetriesOption,
			description:
				'How often a rate-limited or failed call is sent again, with growing random pauses, before its SKUs go to To Check',
		},
		{
			...requestsPerSecondOption,
			description:
				'TikTok allows 50 per second per API and shop. Lower it when other workflows update inventory at the same time.',
		},
	],
};
