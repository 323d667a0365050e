import type { INodeProperties } from 'n8n-workflow';

/** TikTok's budget is per API and shop, so heavy workflows may want less. Other nodes reword the description. */
export const requestsPerSecondOption: INodeProperties = {
	displayName: 'Requests per Second',
	name: 'requestsPerSecond',
	type: 'number',
	typeOptions: { minValue: 1, maxValue: 50 },
	default: 50,
	description:
		'TikTok allows 50 per second per API and shop. Lower it when other workflows call the same API at the same time.',
};

export const maxRetriesOption: INodeProperties = {
	displayName: 'Max Retries',
	name: 'maxRetries',
	type: 'number',
	typeOptions: { minValue: 0, maxValue: 10 },
	default: 5,
	description:
		'How often a rate-limited or failed call is sent again, with growing random pauses, before the item fails',
};

/** The client's options, shared by every node that calls TikTok. */
export const requestOptions: INodeProperties = {
	displayName: 'Request Options',
	name: 'requestOptions',
	type: 'collection',
	placeholder: 'Add option',
	default: {},
	options: [requestsPerSecondOption, maxRetriesOption],
};
