import { toleranceFor, type CheckSettings, type Discrepancy } from './checks';
import { formatDollars } from './money';
import { charged, OrderFlag, type FeeSign, type OrderLedger } from './orderLedger';

export interface Side {
	ledger: OrderLedger;
	sign: FeeSign;
}

/** Report vs Finance API, order by order: payout and total fees must agree; an order on one side only is listed. */
export function compareSources(csv: Side, api: Side, settings: CheckSettings): Discrepancy[] {
	const findings: Discrepancy[] = [];
	for (let index = 0; index < csv.ledger.size; index++) {
		const orderId = csv.ledger.ids.idAt(index);
		const other = api.ledger.ids.find(orderId);
		const dateKey = csv.ledger.dateKey.get(index);
		const line = csv.ledger.firstLine.get(index) || undefined;
		const payout = csv.ledger.settlementRaw.get(index);
		if (other === -1) {
			findings.push({
				orderId,
				check: 'missing_from_api',
				expected: payout,
				actual: 0,
				owed: 0,
				dateKey,
				line,
				explanation: `The report settles ${formatDollars(payout)} for this order, but no Finance API statement in the period has it.`,
			});
			continue;
		}
		const pairs: Array<[string, number, number, boolean]> = [
			[
				'payout',
				payout,
				api.ledger.settlementRaw.get(other),
				both(csv, api, index, other, OrderFlag.Settlement),
			],
			[
				'fees',
				charged(csv.ledger.feesRaw.get(index), csv.sign),
				charged(api.ledger.feesRaw.get(other), api.sign),
				both(csv, api, index, other, OrderFlag.Fees),
			],
		];
		for (const [what, reportValue, apiValue, comparable] of pairs) {
			if (!comparable || Math.abs(reportValue - apiValue) <= toleranceFor(apiValue, settings))
				continue;
			findings.push({
				orderId,
				check: 'csv_api_mismatch',
				expected: apiValue,
				actual: reportValue,
				owed: 0,
				dateKey,
				line,
				explanation: `The report shows ${what} of ${formatDollars(reportValue)}, the Finance API ${formatDollars(apiValue)}.`,
			});
		}
	}
	for (let index = 0; index < api.ledger.size; index++) {
		const orderId = api.ledger.ids.idAt(index);
		if (csv.ledger.ids.find(orderId) !== -1) continue;
		const payout = api.ledger.settlementRaw.get(index);
		findings.push({
			orderId,
			check: 'missing_from_csv',
			expected: payout,
			actual: 0,
			owed: 0,
			dateKey: api.ledger.dateKey.get(index),
			explanation: `The Finance API settles ${formatDollars(payout)} for this order in the period, but the report does not list it.`,
		});
	}
	return findings;
}

function both(csv: Side, api: Side, csvIndex: number, apiIndex: number, flag: OrderFlag): boolean {
	return csv.ledger.flags.has(csvIndex, flag) && api.ledger.flags.has(apiIndex, flag);
}
