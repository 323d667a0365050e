import {
	type IDataObject,
	type IExecuteFunctions,
	type INodeProperties,
	NodeOperationError,
} from 'n8n-workflow';

import { CARRIER_CODES, carrierDisplayName, type CarrierCode } from '../../../shared/tracking';
import type { ExtractionOptions } from '../../extraction/types';

export const extractionOptions: INodeProperties = {
	displayName: 'Options',
	name: 'options',
	type: 'collection',
	placeholder: 'Add Option',
	default: {},
	options: [
		{
			displayName: 'Expected Carrier',
			name: 'expectedCarrier',
			type: 'options',
			default: '',
			options: [
				{ name: 'Any', value: '' },
				...CARRIER_CODES.map((code) => ({ name: carrierDisplayName(code), value: code })),
			],
			description:
				'The carrier this 3PL usually ships with. Numbers of other carriers then need a label or a carrier name next to them.',
		},
		{
			displayName: 'Max File Size (MB)',
			name: 'maxFileSizeMb',
			type: 'number',
			typeOptions: { minValue: 0.1 },
			default: 10,
			description:
				'Emails, attachments and files above this size are reported on the Unparsed output instead of read',
		},
		{
			displayName: 'Minimum Confidence',
			name: 'minConfidence',
			type: 'number',
			typeOptions: { minValue: 0, maxValue: 1, numberPrecision: 2 },
			default: 0.6,
			description:
				'Numbers found with less confidence than this are not output as rows; they are listed on the Unparsed output if nothing else was found',
		},
		{
			displayName: 'Order ID Field',
			name: 'orderIdField',
			type: 'string',
			default: '',
			placeholder: 'e.g. orderId',
			description:
				'A field of the input item that holds the TikTok order ID, used when the document names none (binary input only)',
		},
		{
			displayName: 'Order Reference Mapping',
			name: 'referenceMapping',
			type: 'json',
			default: '{}',
			description:
				'The 3PL\'s order numbers mapped to TikTok order IDs, e.g. {"SM-104233": "576684019603311365"}, or a list of {"reference": …, "order_id": …}. Use an expression to take it from a sheet.',
		},
		{
			displayName: 'Output Unmapped References',
			name: 'outputUnmappedForLookup',
			type: 'boolean',
			default: false,
			description:
				'Whether rows whose 3PL reference is not in the mapping go to the Rows output with an empty order_id and order_id_from "lookup_needed" (add a lookup before the Ship Batcher), instead of to Unparsed',
		},
	],
};

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
