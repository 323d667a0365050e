import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { checkLedger } from '../helpers/checks';
import type { ClientProvider, ReconcileOutputs } from '../helpers/interfaces';
import { OrderLedger } from '../helpers/orderLedger';
import { buildOutputs } from '../helpers/report';
import { readPeriod, readSettings, reportSettings } from '../helpers/settings';
import { periodFields, unsettledFields } from './common.descriptions';
import { readApi } from './readApi';

export const description: INodeProperties[] = [
	...periodFields('reconcileApi', 'the 7 days before the As Of day'),
	...unsettledFields('reconcileApi'),
];

export async function execute(
	this: IExecuteFunctions,
	itemIndex: number,
	client: ClientProvider,
): Promise<ReconcileOutputs> {
	const settings = readSettings(this, itemIndex);
	const period = readPeriod(
		this,
		itemIndex,
		settings,
		settings.today.startOf('day').minus({ days: 7 }),
	);
	const ledger = new OrderLedger();
	const { api, unsettled } = await readApi(
		this,
		itemIndex,
		await client(),
		ledger,
		settings,
		period,
	);
	const feeSign = ledger.feeSign();
	const { discrepancies, totals } = checkLedger(ledger, feeSign.sign, settings.checks);
	return buildOutputs({
		source: 'Finance API',
		discrepancies: [...discrepancies, ...(unsettled?.discrepancies ?? [])],
		totals,
		feeSign,
		api,
		unsettled,
		...reportSettings(settings),
	});
}
