import { type IDataObject, type IExecuteFunctions, type INodeExecutionData, NodeOperationError } from 'n8n-workflow';

import { MailboxUnavailableError } from '../../imap/mailboxSession';
import { addResult, type ParserOutputs } from '../helpers/outputItems';
import * as binaryInput from './binaryInput.operation';
import * as imapMailbox from './imapMailbox.operation';

function toNodeError(this: IExecuteFunctions, error: unknown, itemIndex: number): NodeOperationError {
	if (error instanceof NodeOperationError) return error;
	return new NodeOperationError(this.getNode(), error as Error, { itemIndex });
}

/** Continue On Fail puts the error on the Unparsed output, next to the documents that need a person. */
function failed(this: IExecuteFunctions, outputs: ParserOutputs, error: unknown, itemIndex: number): void {
	const nodeError = toNodeError.call(this, error, itemIndex);
	if (!this.continueOnFail()) throw nodeError;
	const json: IDataObject = { code: 'error', reason: nodeError.message, description: nodeError.description ?? null, source: {} };
	outputs.unparsed.push({ json, pairedItem: { item: itemIndex } });
}

/** The only place that loops over items, pairs outputs with inputs and applies Continue On Fail. */
export async function router(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	const items = this.getInputData();
	const source = this.getNodeParameter('source', 0) as 'binary' | 'imap';
	const outputs: ParserOutputs = { rows: [], unparsed: [] };

	if (source === 'imap') {
		// A Schedule Trigger starts the run; its one item stands for the whole mailbox read.
		try {
			const read = await imapMailbox.execute.call(this);
			for (const { result } of read.results) addResult(outputs, result, 0);
			addResult(outputs, { rows: [], unparsed: read.problems }, 0);
		} catch (error) {
			const described =
				error instanceof MailboxUnavailableError
					? new NodeOperationError(this.getNode(), error.message, { itemIndex: 0 })
					: error;
			failed.call(this, outputs, described, 0);
		}
		return [outputs.rows, outputs.unparsed];
	}

	for (let itemIndex = 0; itemIndex < items.length; itemIndex++) {
		try {
			addResult(outputs, await binaryInput.execute.call(this, itemIndex), itemIndex);
		} catch (error) {
			failed.call(this, outputs, error, itemIndex);
		}
	}
	return [outputs.rows, outputs.unparsed];
}
