import type { INodeProperties } from 'n8n-workflow';

export const warehouseFields: INodeProperties[] = [
	{
		displayName: 'Warehouses',
		name: 'warehouseMode',
		type: 'options',
		noDataExpression: true,
		default: 'default',
		description:
			'Every warehouse TikTok assigns to a SKU is always sent; this decides how many units each one lists',
		options: [
			{
				name: 'All to a Default Warehouse',
				value: 'default',
				description: 'Everything at one warehouse, 0 at the others',
			},
			{
				name: 'By Source Location',
				value: 'byLocation',
				description: 'Map your stock locations to TikTok warehouses',
			},
		],
	},
	{
		displayName: 'Default Warehouse ID',
		name: 'defaultWarehouseId',
		type: 'string',
		default: '',
		placeholder: '7068517274813097771',
		description:
			'TikTok warehouse ID (TikTok Shop node → Logistics → Get Warehouses). Needed for SKUs stocked in several warehouses; pre-order SKUs always list here.',
	},
	{
		displayName: 'Location to Warehouse',
		name: 'locationMap',
		type: 'fixedCollection',
		typeOptions: { multipleValues: true },
		placeholder: 'Add location',
		default: {},
		displayOptions: { show: { warehouseMode: ['byLocation'] } },
		options: [
			{
				displayName: 'Location',
				name: 'rows',
				values: [
					{
						displayName: 'Source Location',
						name: 'location',
						type: 'string',
						default: '',
						placeholder: 'NJ-01',
					},
					{ displayName: 'TikTok Warehouse ID', name: 'warehouseId', type: 'string', default: '' },
				],
			},
		],
	},
	{
		displayName: 'Stock by Location',
		name: 'locationStock',
		type: 'json',
		default: '={{ $json.locations }}',
		displayOptions: { show: { warehouseMode: ['byLocation'] } },
		description:
			'Units per source location on each item, as {"NJ-01": 40, "CA-02": 12}. The listed quantity is shared in proportion; no warehouse lists more than its locations hold.',
	},
];
