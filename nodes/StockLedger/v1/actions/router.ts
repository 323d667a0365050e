import { NodeOperationError, type IDataObject, type IExecuteFunctions, type INodeExecutionData } from 'n8n-workflow';

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

/** The only place that loops over items, pairs outputs with inputs and applies Continue On Fail. */
export async function router(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	const items = this.getInputData();
	const operationName = this.getNodeParameter('operation', 0) as string;
	const operation = operations[operationName];
	if (!operation) throw new NodeOperationError(this.getNode(), `The operation "${operationName}" is not known`);
	const store = await openSelectedStore(this);
	const resolveSku = readSkuMapping(this);
	const returnData: INodeExecutionData[] = [];

	for (let itemIndex = 0; itemIndex < items.length; itemIndex++) {
		try {
			const ledger = requiredText('Ledger Name', this.getNodeParameter('ledgerName', itemIndex));
			const sku = resolveSku(itemIndex, this.getNodeParameter('sku', itemIndex), 'SKU');
			const json = await operation.execute.call(this, { store, ledger, itemIndex, sku });
			returnData.push({ json, pairedItem: { item: itemIndex } });
		} catch (error) {
			const nodeError = toItemError.call(this, error, itemIndex);
			if (!this.continueOnFail()) throw nodeError;
			const details: IDataObject = { description: nodeError.description ?? null };
			if (error instanceof ItemInputError) Object.assign(details, { field: error.field, value: error.value as IDataObject[string] });
			// Only `error`, `message` and `details`: n8n sends such an item to the error output under "On Error:
			// Continue (using error output)" and adds the input row to it. An item carrying `error` as an object
			// would be routed too, but n8n would then cut its json down to the message.
			returnData.push({ json: { error: nodeError.message, details }, pairedItem: { item: itemIndex } });
		}
	}
	return [returnData];
}

function toItemError(this: IExecuteFunctions, error: unknown, itemIndex: number): NodeOperationError {
	if (error instanceof NodeOperationError) return error;
	if (error instanceof ItemInputError) {
		return new NodeOperationError(this.getNode(), error.message, {
			itemIndex,
			description: `Fix "${error.field}" on item ${itemIndex + 1} (the field or the column it is mapped from), then run again.`,
		});
	}
	return new NodeOperationError(this.getNode(), error instanceof Error ? error : new Error(String(error)), { itemIndex });
}
