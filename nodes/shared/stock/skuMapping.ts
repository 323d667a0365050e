import { ItemInputError, optionalText, requiredText } from './inputValues';

/**
 * The ledger and the push speak seller SKUs. Other channels name the same thing differently (an Amazon ASIN,
 * a Shopify variant id, a Walmart SKU); a table turns those into seller SKUs. The table is entered in the
 * node, or read from an input field, or both (the field wins when both name the same channel SKU).
 */
export type SkuMappingRow = { channelSku?: unknown; sellerSku?: unknown };

export type UnmappedPolicy = 'asIs' | 'error';

export type SkuMappingInput = {
	tableRows: SkuMappingRow[];
	/** The value of the input field that holds a mapping: an object {channelSku: sellerSku} or a list of rows. */
	fieldValue?: unknown;
	fieldName?: string;
	unmapped: UnmappedPolicy;
};

export type MappedSku = { sellerSku: string; channelSku?: string };

export function buildMapping(input: SkuMappingInput): Map<string, string> {
	const mapping = new Map<string, string>();
	for (const row of input.tableRows) addRow(mapping, row, 'SKU Mapping');
	if (input.fieldValue === undefined || input.fieldValue === null || input.fieldValue === '')
		return mapping;
	const field = `Mapping Field "${input.fieldName ?? ''}"`;
	if (Array.isArray(input.fieldValue)) {
		for (const row of input.fieldValue) addRow(mapping, row as SkuMappingRow, field);
	} else if (typeof input.fieldValue === 'object') {
		for (const [channelSku, sellerSku] of Object.entries(
			input.fieldValue as Record<string, unknown>,
		)) {
			addRow(mapping, { channelSku, sellerSku }, field);
		}
	} else {
		throw new ItemInputError(
			field,
			input.fieldValue,
			'is neither an object {channel SKU: seller SKU} nor a list of {channelSku, sellerSku}',
		);
	}
	return mapping;
}

function addRow(mapping: Map<string, string>, row: SkuMappingRow, field: string): void {
	const channelSku = optionalText(row?.channelSku);
	const sellerSku = optionalText(row?.sellerSku);
	if (!channelSku && !sellerSku) return;
	if (!channelSku || !sellerSku) {
		throw new ItemInputError(
			field,
			row,
			'has a row with only one side filled in; give both the channel SKU and the seller SKU',
		);
	}
	mapping.set(channelSku, sellerSku);
}

/** The seller SKU for what the item calls `rawSku`. */
export function toSellerSku(
	field: string,
	rawSku: unknown,
	mapping: Map<string, string>,
	unmapped: UnmappedPolicy,
): MappedSku {
	const sku = requiredText(field, rawSku);
	const mapped = mapping.get(sku);
	if (mapped !== undefined) return { sellerSku: mapped, channelSku: sku };
	if (unmapped === 'error' && mapping.size > 0) {
		throw new ItemInputError(
			field,
			sku,
			`is not in the SKU mapping table (${mapping.size} rows); add it, or set "SKUs Not in the Table" to use it as the seller SKU`,
		);
	}
	return { sellerSku: sku };
}
