import type { IExecuteFunctions } from 'n8n-workflow';

import { checkLedger } from './checks';
import type { ClientProvider, ReconcileOutputs } from './interfaces';
import { OrderLedger } from './orderLedger';
import { buildOutputs } from './report';
import { readPeriod, readSettings, reportSettings } from './settings';
import { readApi } from './readApi';

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
