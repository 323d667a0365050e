import type { INodeProperties } from 'n8n-workflow';

export const preOrderFields: INodeProperties[] = [
	{
		displayName: 'Pre-Order Variants',
		name: 'preOrders',
		type: 'fixedCollection',
		typeOptions: { multipleValues: true },
		placeholder: 'Add pre-order variant',
		default: {},
		description:
			'While the original SKU lists 0 and incoming stock is declared, the original stays at 0 and its "Pre-order (ships in N days)" SKU lists the incoming units',
		options: [
			{
				displayName: 'Variant',
				name: 'rows',
				values: [
					{ displayName: 'Original Seller SKU', name: 'originalSku', type: 'string', default: '' },
					{ displayName: 'Pre-Order Seller SKU', name: 'preOrderSku', type: 'string', default: '' },
					{
						displayName: 'Ships In (Days)',
						name: 'shipsInDays',
						type: 'number',
						default: 7,
						description: 'The N of "Pre-order (ships in N days)": a whole number from 3 to 30',
					},
				],
			},
		],
	},
	{
		displayName: 'Incoming Quantity',
		name: 'incomingQuantity',
		type: 'string',
		default: '={{ $json.incoming ?? 0 }}',
		description: 'Units on the way (purchase orders) for SKUs with a pre-order variant',
	},
];
