import { type IExecuteFunctions, type INodeExecutionData, NodeOperationError } from 'n8n-workflow';

import { ItemRunner } from '../../shared/itemRunner';
import { MailboxUnavailableError } from './parsing/mailbox/mailboxSession';
import { resultOutputs, UNPARSED } from './parsing/outputItems';
import * as binaryInput from './parsing/parseBinaryInput';
import * as imapMailbox from './parsing/mailbox/parseMailbox';

/**
 * Source → its execute, run by the shared item runner. Continue On Fail puts the error on the Unparsed output, next
 * to the documents that need a person; the error item also carries an Unparsed row's `code`, `reason` and `source`.
 */
export async function execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	const source = this.getNodeParameter('source', 0) as 'binary' | 'imap';
	const runner = new ItemRunner(this, {
		outputs: 2,
		errorOutput: UNPARSED,
		convertError: (error, itemIndex) =>
			error instanceof MailboxUnavailableError
				? new NodeOperationError(this.getNode(), error.message, { itemIndex })
				: undefined,
		errorFields: (_items, nodeError) => ({
			code: 'error',
			reason: nodeError.message,
			description: nodeError.description ?? null,
			source: {},
		}),
	});

	if (source === 'imap') {
		// A Schedule Trigger starts the run; its one item stands for the whole mailbox read.
		await runner.unit([0], async () => {
			const read = await imapMailbox.execute.call(this);
			return [
				...read.results.flatMap(({ result }) => resultOutputs(result)),
				...resultOutputs({ rows: [], unparsed: read.problems }),
			];
		});
		return runner.result();
	}

	return await runner.eachItem(async (itemIndex) =>
		resultOutputs(await binaryInput.execute.call(this, itemIndex)),
	);
}
