import type { INodeProperties } from 'n8n-workflow';

/** Both nodes name the ledger the same way, so a push reads the book the ledger node writes. */
export const ledgerNameProperty: INodeProperties = {
	displayName: 'Ledger Name',
	name: 'ledgerName',
	type: 'string',
	default: 'main',
	required: true,
	description:
		'The stock book to use. Keep one per shop (or per group of warehouses); the Stock Ledger and Inventory Push nodes must use the same name.',
};

/** The seller-SKU mapping fields, shared by the Stock Ledger and Inventory Push nodes. */
export function skuMappingProperties(): INodeProperties[] {
	return [
		{
			displayName: 'SKU Mapping',
			name: 'skuMapping',
			type: 'fixedCollection',
			typeOptions: { multipleValues: true },
			placeholder: 'Add mapping',
			default: {},
			description:
				"Turns another channel's SKU (Amazon ASIN, Shopify variant ID, Walmart SKU) into your seller SKU",
			options: [
				{
					displayName: 'Mapping',
					name: 'rows',
					values: [
						{
							displayName: 'Channel SKU',
							name: 'channelSku',
							type: 'string',
							default: '',
							placeholder: 'B0C7XYZ123',
						},
						{
							displayName: 'Seller SKU',
							name: 'sellerSku',
							type: 'string',
							default: '',
							placeholder: 'HOODIE-BLK-M',
						},
					],
				},
			],
		},
		{
			displayName: 'Mapping From Input Field',
			name: 'mappingField',
			type: 'string',
			default: '',
			placeholder: 'skuMap',
			description:
				'Optional. An input field holding a mapping, either {"channel SKU": "seller SKU"} or a list of {channelSku, sellerSku} (for example rows read from a sheet). It adds to the table above.',
		},
		{
			displayName: 'SKUs Not in the Mapping',
			name: 'unmappedSkus',
			type: 'options',
			default: 'asIs',
			options: [
				{
					name: 'Use as Seller SKU',
					value: 'asIs',
					description: 'The SKU already is a seller SKU',
				},
				{ name: 'Error', value: 'error', description: 'Every SKU must be in the mapping' },
			],
		},
	];
}
