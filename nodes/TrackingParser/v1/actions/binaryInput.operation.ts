import { type IExecuteFunctions, type INodeProperties, NodeOperationError } from 'n8n-workflow';

import { parseDocument } from '../../extraction/parseDocument';
import type { ExtractionResult } from '../../extraction/types';
import { readExtractionOptions } from './extractionOptions';

const showFor = { show: { source: ['binary'] } };

export const description: INodeProperties[] = [
	{
		displayName: 'Input Binary Fields',
		name: 'binaryPropertyNames',
		type: 'string',
		default: '',
		placeholder: 'e.g. data, attachment_0',
		description:
			'Binary fields holding the email (.eml), PDF, CSV, HTML or text files, separated by commas. Leave empty to read every binary field of the item (the Email Trigger puts attachments in attachment_0, attachment_1, …).',
		displayOptions: showFor,
	},
];

/** Reads every chosen binary file of one input item. */
export async function execute(
	this: IExecuteFunctions,
	itemIndex: number,
): Promise<ExtractionResult> {
	const item = this.getInputData()[itemIndex];
	const names = String(this.getNodeParameter('binaryPropertyNames', itemIndex, '') ?? '')
		.split(',')
		.map((name) => name.trim())
		.filter(Boolean);
	const fields = names.length ? names : Object.keys(item.binary ?? {});
	if (fields.length === 0) {
		return {
			rows: [],
			unparsed: [
				{
					code: 'no_binary_data',
					reason:
						'This item has no file. Connect a node that outputs the email or attachment as binary data (Email Trigger, Gmail, Read Files, HTTP Request).',
					source: {},
				},
			],
		};
	}
	const options = readExtractionOptions.call(this, itemIndex);
	const result: ExtractionResult = { rows: [], unparsed: [] };
	for (const field of fields) {
		const binary = item.binary?.[field];
		if (!binary) {
			throw new NodeOperationError(this.getNode(), `The item has no binary field "${field}"`, {
				itemIndex,
				description: `It has: ${Object.keys(item.binary ?? {}).join(', ') || 'no binary fields'}. Correct "Input Binary Fields".`,
			});
		}
		const data = await this.helpers.getBinaryDataBuffer(itemIndex, field);
		const parsed = await parseDocument(
			{ data, fileName: binary.fileName, mimeType: binary.mimeType },
			options,
		);
		result.rows.push(...parsed.rows);
		result.unparsed.push(...parsed.unparsed);
	}
	return result;
}
