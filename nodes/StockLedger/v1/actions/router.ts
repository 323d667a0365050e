import {
	NodeOperationError,
	type IDataObject,
	type IExecuteFunctions,
	type INodeExecutionData,
} from 'n8n-workflow';

import { ItemRunner } from '../../../shared/itemRunner';
import { openSelectedStore } from '../../../shared/storeSelection';
import { ItemInputError, requiredText } from '../../../shared/stock/inputValues';
import { readSkuMapping } from '../../../shared/stock/readSkuMapping';
import { getStock } from './getStock.operation';
import { recordMovement } from './recordMovement.operation';
import { setOnHand } from './setOnHand.operation';
import type { LedgerOperation } from './types';

const operations: Record<string, LedgerOperation> = {
	setOnHand,
	recordSale: recordMovement,
	recordCancellation: recordMovement,
	recordReturn: recordMovement,
	recordAdjustment: recordMovement,
	getStock,
};

/**
 * Operation → its execute, run by the shared item runner (pairedItem, Continue On Fail, error items). A bad input
 * names its field and value under the error item's `details`.
 */
export async function router(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	const operationName = this.getNodeParameter('operation', 0) as string;
	const operation = operations[operationName];
	if (!operation)
		throw new NodeOperationError(this.getNode(), `The operation "${operationName}" is not known`);
	const store = await openSelectedStore(this);
	const resolveSku = readSkuMapping(this);
	const runner = new ItemRunner(this, {
		convertError: (error, itemIndex) => inputError.call(this, error, itemIndex),
		errorDetails: (error) =>
			error instanceof ItemInputError
				? { field: error.field, value: error.value as IDataObject[string] }
				: {},
	});
	return await runner.eachItem(async (itemIndex) => {
		const ledger = requiredText('Ledger Name', this.getNodeParameter('ledgerName', itemIndex));
		const sku = resolveSku(itemIndex, this.getNodeParameter('sku', itemIndex), 'SKU');
		return { json: await operation.execute.call(this, { store, ledger, itemIndex, sku }) };
	});
}

/** A bad input value: the message names field and value; the description says where to fix it. */
function inputError(
	this: IExecuteFunctions,
	error: unknown,
	itemIndex: number | undefined,
): NodeOperationError | undefined {
	if (!(error instanceof ItemInputError) || itemIndex === undefined) return undefined;
	return new NodeOperationError(this.getNode(), error.message, {
		itemIndex,
		description: `Fix "${error.field}" on item ${itemIndex + 1} (the field or the column it is mapped from), then run again.`,
	});
}
