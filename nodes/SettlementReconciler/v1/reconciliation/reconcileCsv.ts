import { NodeOperationError, type IExecuteFunctions } from 'n8n-workflow';

import { checkLedger } from './checks';
import type { ReconcileOutputs } from './interfaces';
import { OrderLedger } from './orderLedger';
import { buildOutputs } from './report';
import { readSettings, reportSettings } from './settings';
import { readOrdersExport } from './readOrdersExport';
import { readReport } from './readReport';

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
