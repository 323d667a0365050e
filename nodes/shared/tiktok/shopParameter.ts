import type {
	IHookFunctions,
	ILoadOptionsFunctions,
	INodeProperties,
	IExecuteFunctions,
	IWebhookFunctions,
} from 'n8n-workflow';

/**
 * The Shop field every TikTok node shows: which of the credential's authorized shops this node works on. Empty
 * means the credential's default shop (its Shop field, or the only shop it covers). Agencies and sellers with
 * several shops pick one per node; the shop cipher is looked up for that shop, and the rate budget counts per app
 * and shop, as TikTok does.
 */
export const shopParameter: INodeProperties = {
	displayName: 'Shop',
	name: 'shop',
	type: 'resourceLocator',
	default: { mode: 'list', value: '' },
	description:
		"Which of the credential's authorized shops this node works on. Leave empty for the credential's shop.",
	modes: [
		{
			displayName: 'From List',
			name: 'list',
			type: 'list',
			placeholder: "The credential's shop",
			typeOptions: { searchListMethod: 'searchShops', searchable: true },
		},
		{
			displayName: 'By ID',
			name: 'id',
			type: 'string',
			placeholder: 'e.g. 7494726673780148744',
			validation: [
				{
					type: 'regex',
					properties: { regex: '^\\d+$', errorMessage: 'A shop ID is digits only' },
				},
			],
		},
	],
};

/** The Shop field shown only where the node calls TikTok (e.g. the API operations of a node that also reads files). */
export function shopParameterShownFor(
	show: NonNullable<INodeProperties['displayOptions']>['show'],
): INodeProperties {
	return { ...shopParameter, displayOptions: { show } };
}

type N8nContext = IExecuteFunctions | ILoadOptionsFunctions | IHookFunctions | IWebhookFunctions;

/** The shop the node's Shop field names (id or name), or undefined for the credential's default shop. */
export function shopOfNode(context: N8nContext): string | undefined {
	const parameters = context.getNode().parameters as Record<string, unknown> | undefined;
	if (!parameters || !('shop' in parameters)) return undefined;
	let value: unknown;
	try {
		value =
			'getInputData' in context
				? (context as IExecuteFunctions).getNodeParameter('shop', 0, '', { extractValue: true })
				: (context as ILoadOptionsFunctions).getNodeParameter('shop', '', { extractValue: true });
	} catch {
		return undefined;
	}
	// A resource locator's value, when a caller did not extract it.
	if (value && typeof value === 'object' && 'value' in value)
		value = (value as { value: unknown }).value;
	const shop = typeof value === 'string' || typeof value === 'number' ? String(value).trim() : '';
	return shop || undefined;
}
