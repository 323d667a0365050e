import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import {
	buildMapping,
	toSellerSku,
	type MappedSku,
	type SkuMappingRow,
	type UnmappedPolicy,
} from './skuMapping';

export type SkuResolver = (itemIndex: number, rawSku: unknown, field: string) => MappedSku;

/**
 * Reads the mapping fields once: the table is the same for every item, so it is built once, and only an
 * input-field mapping (which may differ per item) is merged in per item.
 */
export function readSkuMapping(context: IExecuteFunctions): SkuResolver {
	const tableRows = (context.getNodeParameter('skuMapping.rows', 0, []) as SkuMappingRow[]) ?? [];
	const fieldName = (context.getNodeParameter('mappingField', 0, '') as string).trim();
	const unmapped = context.getNodeParameter('unmappedSkus', 0, 'asIs') as UnmappedPolicy;
	const table = buildMapping({ tableRows, unmapped });
	const items = context.getInputData();
	return (itemIndex, rawSku, field) => {
		if (!fieldName) return toSellerSku(field, rawSku, table, unmapped);
		const fieldValue = (items[itemIndex]?.json as IDataObject | undefined)?.[fieldName];
		const merged = new Map([
			...table,
			...buildMapping({ tableRows: [], fieldValue, fieldName, unmapped }),
		]);
		return toSellerSku(field, rawSku, merged, unmapped);
	};
}
