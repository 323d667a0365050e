import { createReadStream, statSync } from 'node:fs';
import { DateTime } from 'luxon';

import { checkLedger } from '../../nodes/SettlementReconciler/v1/reconciliation/checks';
import { OrderLedger } from '../../nodes/SettlementReconciler/v1/reconciliation/orderLedger';
import { RateTable } from '../../nodes/SettlementReconciler/v1/reconciliation/rateTable';
import { buildOutputs } from '../../nodes/SettlementReconciler/v1/reconciliation/report';
import { readSettlementCsv } from '../../nodes/SettlementReconciler/v1/reconciliation/settlementCsv';

/**
 * Child process: the node's own path for a report n8n stored on disk (filesystem binary mode): stream → ledger → checks →
 * output items. The file's size is passed as n8n passes it (the binary's `bytes`). Prints one JSON line with its timing
 * and its own peak RSS.
 */
async function main(path: string): Promise<void> {
	const started = process.hrtime.bigint();
	const zone = 'America/Los_Angeles';
	// The configuration the independent corpus states for its exports (test/fixtures/settlement/world/truth.json).
	const rates = new RateTable({
		nonApparelPercent: 5,
		apparelPercent: 8,
		apparelKeywords: ['Womenswear & Underwear', 'Menswear & Underwear', "Kids' Fashion"],
		rules: [
			{ matchBy: 'category', value: 'Beauty & Personal Care', ratePercent: 3 },
			{ matchBy: 'sku', value: 'AURA-HOODIE-BLK-M', ratePercent: 4 },
		],
	});
	const ledger = new OrderLedger();
	const csv = await readSettlementCsv(
		createReadStream(path, { highWaterMark: 64 * 1024 }),
		ledger,
		{ rates, zone, maxRejectedListed: 1000, expectedBytes: statSync(path).size },
	);
	const feeSign = ledger.feeSign();
	const { discrepancies, totals } = checkLedger(ledger, feeSign.sign, {
		toleranceCents: 5,
		tolerancePercent: 0.5,
		transactionFeeBasisPoints: 200,
		transactionFeeFixedCents: 0,
		transactionFeeOnRefunds: 'kept',
	});
	const outputs = buildOutputs({
		source: 'settlement report',
		discrepancies,
		totals,
		feeSign,
		csv,
		rateTable: rates.describe(),
		zone,
		today: DateTime.fromISO('2026-11-30', { zone }),
		shopName: 'Bench Shop',
		requestBatchSize: 50,
	});
	const seconds = Number(process.hrtime.bigint() - started) / 1e9;
	process.stdout.write(
		`${JSON.stringify({
			rows: csv.rows.total,
			parsed: csv.rows.parsed,
			orders: totals.orders,
			findings: outputs.discrepancies.length,
			findingsByCheck: countBy(discrepancies.map((finding) => finding.check)),
			rejected: csv.rows.rejected,
			owed: outputs.summary.recoverableAmount,
			netPayout: totals.netReported,
			seconds,
			cpuSeconds: cpuSeconds(),
			peakRssMb: process.resourceUsage().maxRSS / 1024,
		})}\n`,
	);
}

function countBy(values: string[]): Record<string, number> {
	const counts: Record<string, number> = {};
	for (const value of values) counts[value] = (counts[value] ?? 0) + 1;
	return counts;
}

/** User + system time of this process: on a machine shared with other work, less distorted by load than wall time. */
function cpuSeconds(): number {
	const { user, system } = process.cpuUsage();
	return (user + system) / 1e6;
}

void main(process.argv[2]);
