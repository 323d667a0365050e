import { NodeOperationError, type IExecuteFunctions } from 'n8n-workflow';

import { openBinaryStream } from './binaryStream';
import type { OrderLedger } from './orderLedger';
import {
	findUnsettledInExport,
	OrdersExportColumnsError,
	type UnsettledFromExport,
} from './ordersExport';
import type { ReconcileSettings } from './settings';

/** The optional orders export, when its binary field is named: delivered orders the report does not settle. */
export async function readOrdersExport(
	context: IExecuteFunctions,
	itemIndex: number,
	ledger: OrderLedger,
	settings: ReconcileSettings,
): Promise<UnsettledFromExport | undefined> {
	const propertyName = String(
		context.getNodeParameter('ordersBinaryPropertyName', itemIndex, ''),
	).trim();
	if (!propertyName) return undefined;
	if (!context.getInputData()[itemIndex]?.binary?.[propertyName]) {
		throw new NodeOperationError(
			context.getNode(),
			`The input item has no binary field "${propertyName}" for the orders export`,
			{
				itemIndex,
				description:
					'Attach the orders CSV from Seller Center (Orders → Export) under that name, or empty "Orders Export Binary Field" to check the settlement report alone.',
			},
		);
	}
	const { stream } = await openBinaryStream(context, itemIndex, propertyName);
	try {
		return await findUnsettledInExport(stream, ledger, {
			asOfKey: settings.today.year * 10000 + settings.today.month * 100 + settings.today.day,
			afterDays: context.getNodeParameter('unsettledAfterDays', itemIndex, 14) as number,
			zone: settings.zone,
			rates: settings.rates,
			transactionFeeBasisPoints: settings.checks.transactionFeeBasisPoints,
			transactionFeeFixedCents: settings.checks.transactionFeeFixedCents,
		});
	} catch (error) {
		const description =
			error instanceof OrdersExportColumnsError
				? 'Is this the orders CSV from Seller Center (Orders → Export)? It needs "Order ID", "Order Status" and "Delivered Time".'
				: 'The orders export could not be read to the end.';
		throw new NodeOperationError(context.getNode(), error as Error, { itemIndex, description });
	} finally {
		stream.destroy();
	}
}
