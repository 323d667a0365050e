import type { IDataObject } from 'n8n-workflow';

import type { ItemOutput } from '../../../shared/itemRunner';
import type { ExtractionResult } from './types';

/** The node's two outputs: rows for the Ship Batcher, and everything that needs a person (errors included). */
export const ROWS = 0;
export const UNPARSED = 1;

export function resultOutputs(result: ExtractionResult): ItemOutput[] {
	return [
		...result.rows.map((row): ItemOutput => ({
			json: row as unknown as IDataObject,
			output: ROWS,
		})),
		...result.unparsed.map((entry): ItemOutput => ({
			json: entry as unknown as IDataObject,
			output: UNPARSED,
		})),
	];
}
