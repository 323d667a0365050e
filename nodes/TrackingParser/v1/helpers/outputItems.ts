import type { IDataObject, INodeExecutionData } from 'n8n-workflow';

import type { ExtractionResult } from '../../extraction/types';

/** The node's two outputs: rows for the Ship Batcher, and everything that needs a person. */
export interface ParserOutputs {
	rows: INodeExecutionData[];
	unparsed: INodeExecutionData[];
}

export function addResult(outputs: ParserOutputs, result: ExtractionResult, itemIndex: number): void {
	for (const row of result.rows) outputs.rows.push({ json: row as unknown as IDataObject, pairedItem: { item: itemIndex } });
	for (const entry of result.unparsed) outputs.unparsed.push({ json: entry as unknown as IDataObject, pairedItem: { item: itemIndex } });
}
