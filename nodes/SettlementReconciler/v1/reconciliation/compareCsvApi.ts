import type { IExecuteFunctions } from 'n8n-workflow';

import { checkLedger } from './checks';
import { compareSources } from './compareSources';
import { dateKeyToDateTime } from './dates';
import type { ClientProvider, ReconcileOutputs } from './interfaces';
import { OrderLedger } from './orderLedger';
import { buildOutputs } from './report';
import { readPeriod, readSettings, reportSettings } from './settings';
import { readApi } from './readApi';
import { readReport } from './readReport';

/**
 * The report is checked against the rate table like the report-only operation; the Finance API then confirms it order
 * by order. Rate checks run on the report, so each finding keeps its report line.
 */
export async function execute(
	this: IExecuteFunctions,
	itemIndex: number,
	client: ClientProvider,
): Promise<ReconcileOutputs> {
	const settings = readSettings(this, itemIndex);
	const csvLedger = new OrderLedger();
	const csv = await readReport(this, itemIndex, csvLedger, settings);
	const first = csv.dateRange
		? dateKeyToDateTime(csv.dateRange.first, settings.zone)
		: settings.today.startOf('day').minus({ days: 7 });
	const period = readPeriod(this, itemIndex, settings, first);
	const defaultTo =
		csv.dateRange && !this.getNodeParameter('to', itemIndex, '')
			? dateKeyToDateTime(csv.dateRange.last, settings.zone).plus({ days: 1 })
			: undefined;
	if (defaultTo) period.to = Math.floor(defaultTo.toSeconds());
	const apiLedger = new OrderLedger();
	const { api, unsettled } = await readApi(
		this,
		itemIndex,
		await client(),
		apiLedger,
		settings,
		period,
	);
	const csvSign = csvLedger.feeSign();
	const apiSign = apiLedger.feeSign();
	const { discrepancies, totals } = checkLedger(csvLedger, csvSign.sign, settings.checks);
	const differences = compareSources(
		{ ledger: csvLedger, sign: csvSign.sign },
		{ ledger: apiLedger, sign: apiSign.sign },
		settings.checks,
	);
	const stillUnsettled = (unsettled?.discrepancies ?? []).filter(
		(finding) => csvLedger.ids.find(finding.orderId) === -1,
	);
	return buildOutputs({
		source: 'settlement report vs Finance API',
		discrepancies: [...discrepancies, ...differences, ...stillUnsettled],
		totals,
		feeSign: {
			sign: csvSign.sign,
			basis: `report: ${csvSign.basis}; Finance API: ${apiSign.basis}`,
		},
		csv,
		api,
		unsettled,
		...reportSettings(settings),
	});
}
