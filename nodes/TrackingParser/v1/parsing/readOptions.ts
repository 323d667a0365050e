import { type IDataObject, type IExecuteFunctions, NodeOperationError } from 'n8n-workflow';

import type { CarrierCode } from '../../../shared/tracking';
import type { ExtractionOptions } from './types';

function parseMapping(
	raw: unknown,
	node: ReturnType<IExecuteFunctions['getNode']>,
): Map<string, string> {
	let value = raw;
	if (typeof raw === 'string') {
		try {
			value = raw.trim() === '' ? {} : JSON.parse(raw);
		} catch {
			throw new NodeOperationError(node, 'Order Reference Mapping is not valid JSON', {
				description: 'Write it as {"3PL reference": "TikTok order ID", …}.',
			});
		}
	}
	const map = new Map<string, string>();
	const entries: Array<[unknown, unknown]> = Array.isArray(value)
		? (value as IDataObject[]).map((entry) => [
				entry.reference ?? entry.ref,
				entry.order_id ?? entry.orderId,
			])
		: Object.entries((value ?? {}) as IDataObject);
	for (const [reference, orderId] of entries) {
		if (
			reference === undefined ||
			reference === null ||
			orderId === undefined ||
			orderId === null ||
			orderId === ''
		)
			continue;
		map.set(String(reference).trim().toUpperCase(), String(orderId).trim());
	}
	return map;
}

function readField(item: IDataObject, path: string): unknown {
	return path
		.split('.')
		.reduce<unknown>(
			(value, key) =>
				value && typeof value === 'object' ? (value as IDataObject)[key] : undefined,
			item,
		);
}

/** The node's extraction options for one item. */
export function readExtractionOptions(
	this: IExecuteFunctions,
	itemIndex: number,
): ExtractionOptions {
	const options = this.getNodeParameter('options', itemIndex, {}) as IDataObject;
	const orderIdField = String(options.orderIdField ?? '').trim();
	const fieldValue = orderIdField
		? readField(this.getInputData()[itemIndex]?.json ?? {}, orderIdField)
		: undefined;
	const fallbackOrderId =
		fieldValue === undefined || fieldValue === null || fieldValue === ''
			? undefined
			: String(fieldValue).trim();
	return {
		expectedCarrier: (options.expectedCarrier as CarrierCode) || undefined,
		referenceMap: parseMapping(options.referenceMapping, this.getNode()),
		fallbackOrderId,
		minConfidence: typeof options.minConfidence === 'number' ? options.minConfidence : 0.6,
		outputUnmappedForLookup: options.outputUnmappedForLookup === true,
		maxBytes: Math.round(
			(typeof options.maxFileSizeMb === 'number' ? options.maxFileSizeMb : 10) * 1024 * 1024,
		),
	};
}
