import type { INodeProperties } from 'n8n-workflow';

export const stockFields: INodeProperties[] = [
	{
		displayName: 'Stock Source',
		name: 'stockSource',
		type: 'options',
		noDataExpression: true,
		default: 'ledger',
		options: [
			{
				name: 'Stock Ledger',
				value: 'ledger',
				description: 'On hand as the TikTok Shop Stock Ledger node keeps it',
			},
			{
				name: 'Input Field',
				value: 'input',
				description: 'A quantity on each item, e.g. from Postgres, a sheet or a WMS',
			},
		],
	},
	{
		displayName: 'Seller SKU',
		name: 'sku',
		type: 'string',
		default: '={{ $json.sellerSku ?? $json.sku }}',
		required: true,
		description:
			"The seller SKU as on TikTok, or another channel's SKU that the SKU Mapping turns into one",
	},
	{
		displayName: 'Available Quantity',
		name: 'quantity',
		type: 'string',
		default: '={{ $json.onHand ?? $json.quantity }}',
		required: true,
		displayOptions: { show: { stockSource: ['input'] } },
		description: 'Whole units available to sell, before the listing rules',
	},
	{
		displayName: 'Kill Switch',
		name: 'killSwitch',
		type: 'boolean',
		default: false,
		description:
			'Whether to list 0 at once, whatever the stock. Map it to a column (e.g. {{ $json.stop_selling }}) to stop single SKUs, or switch it on to stop every SKU of this run.',
	},
];
