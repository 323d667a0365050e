import { NodeOperationError, type IExecuteFunctions, type INodeProperties } from 'n8n-workflow';

import { checkLedger } from '../helpers/checks';
import type { ReconcileOutputs } from '../helpers/interfaces';
import { OrderLedger } from '../helpers/orderLedger';
import { buildOutputs } from '../helpers/report';
import { readSettings, reportSettings } from '../helpers/settings';
import { readReport } from './readReport';
import { binaryField } from './common.descriptions';

export const description: INodeProperties[] = [binaryField('reconcileCsv')];

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<ReconcileOutputs> {
	const settings = readSettings(this, itemIndex);
	const ledger = new OrderLedger();
	const csv = await readReport(this, itemIndex, ledger, settings);
	if (csv.rows.parsed === 0 && csv.rows.rejected === 0) {
		throw new NodeOperationError(this.getNode(), 'The settlement report has a header but no rows', {
			itemIndex,
			description: 'Export the report again from Seller Center (Finance → Statements) for a period with settled orders.',
		});
	}
	const feeSign = ledger.feeSign();
	const { discrepancies, totals } = checkLedger(ledger, feeSign.sign, settings.checks);
	return buildOutputs({
		source: 'settlement report',
		discrepancies,
		totals,
		feeSign,
		csv,
		...reportSettings(settings),
	});
}
