import { type IExecuteFunctions, NodeOperationError } from 'n8n-workflow';

import { parseDocument } from './parseDocument';
import type { ExtractionResult } from './types';
import { readExtractionOptions } from './readOptions';

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
