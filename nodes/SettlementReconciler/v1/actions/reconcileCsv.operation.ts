import { NodeOperationError, type IExecuteFunctions, type INodeProperties } from 'n8n-workflow';

import { checkLedger } from '../helpers/checks';
import type { ReconcileOutputs } from '../helpers/interfaces';
import { OrderLedger } from '../helpers/orderLedger';
import { buildOutputs } from '../helpers/report';
import { readSettings, reportSettings } from '../helpers/settings';
import { readOrdersExport } from './readOrdersExport';
import { readReport } from './readReport';
import { binaryField } from './common.descriptions';

export const description: INodeProperties[] = [
	binaryField('reconcileCsv'),
	{
		displayName: 'Orders Export Binary Field',
		name: 'ordersBinaryPropertyName',
		type: 'string',
		default: '',
		placeholder: 'orders',
		hint: 'Optional: the input binary field holding the orders CSV from Seller Center (Orders → Export)',
		description:
			'With the orders export, delivered orders that this settlement report never paid are reported too. Leave empty to check the settlement report alone.',
		displayOptions: { show: { operation: ['reconcileCsv'] } },
	},
	{
		displayName: 'Unsettled After (Days)',
		name: 'unsettledAfterDays',
		type: 'number',
		typeOptions: { minValue: 1 },
		default: 14,
		description:
			'A delivered order in the orders export without a settlement row is reported once it was delivered more than this many days before the As Of day',
		displayOptions: { show: { operation: ['reconcileCsv'] } },
	},
];

export async function execute(
	this: IExecuteFunctions,
	itemIndex: number,
): Promise<ReconcileOutputs> {
	const settings = readSettings(this, itemIndex);
	const ledger = new OrderLedger();
	const csv = await readReport(this, itemIndex, ledger, settings);
	if (csv.rows.parsed === 0 && csv.rows.rejected === 0) {
		throw new NodeOperationError(this.getNode(), 'The settlement report has a header but no rows', {
			itemIndex,
			description:
				'Export the report again from Seller Center (Finance → Statements) for a period with settled orders.',
		});
	}
	const unsettled = await readOrdersExport(this, itemIndex, ledger, settings);
	const feeSign = ledger.feeSign();
	const { discrepancies, totals } = checkLedger(ledger, feeSign.sign, settings.checks);
	return buildOutputs({
		source: 'settlement report',
		discrepancies: [...discrepancies, ...(unsettled?.discrepancies ?? [])],
		totals,
		feeSign,
		csv,
		ordersExport: unsettled,
		...reportSettings(settings),
	});
}
