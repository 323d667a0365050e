import { NodeOperationError, type IExecuteFunctions } from 'n8n-workflow';

import { openBinaryStream } from './binaryStream';
import type { OrderLedger } from './orderLedger';
import { MissingColumnsError, readSettlementCsv, type CsvReadResult } from './settlementCsv';
import type { ReconcileSettings } from './settings';

/** The item's settlement CSV into the ledger; a report without the essential columns stops with what was found. */
export async function readReport(
	context: IExecuteFunctions,
	itemIndex: number,
	ledger: OrderLedger,
	settings: ReconcileSettings,
): Promise<CsvReadResult> {
	const propertyName = context.getNodeParameter('binaryPropertyName', itemIndex, 'data') as string;
	const { stream, bytes } = await openBinaryStream(context, itemIndex, propertyName);
	try {
		return await readSettlementCsv(stream, ledger, {
			rates: settings.rates,
			zone: settings.zone,
			maxRejectedListed: settings.maxRejectedListed,
			expectedBytes: bytes,
		});
	} catch (error) {
		if (error instanceof MissingColumnsError) {
			throw new NodeOperationError(context.getNode(), error.message, {
				itemIndex,
				description:
					'Is this the settlement (or commission) report CSV from Seller Center? Export it again from Finance → Statements → Export.',
			});
		}
		throw new NodeOperationError(context.getNode(), error as Error, {
			itemIndex,
			description: 'The settlement report could not be read to the end.',
		});
	} finally {
		stream.destroy();
	}
}
