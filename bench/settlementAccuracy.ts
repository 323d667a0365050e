/**
 * Settlement Reconciler accuracy on the independent Seller Center corpus (test/fixtures/settlement/world/, written from
 * public descriptions of the exports by someone who had not read the node). Each export variant is run as a user runs
 * the node (the variant's configuration, the orders export attached) and scored against the corpus truth:
 * precision over (order, check), recall, decoys flagged, malformed lines reported, recoverable amount.
 *
 *   ts-node --transpile-only bench/settlementAccuracy.ts
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { INodeExecutionData } from 'n8n-workflow';

import { csvItem, runReconciler, summaryOf } from '../dev/harness/runReconciler';

const WORLD = join(__dirname, '..', 'test', 'fixtures', 'settlement', 'world');

interface Variant {
	file: string;
	ordersFile: string;
	/** Node parameters from the corpus truth file, passed through as they are. */
	config: Record<string, unknown>;
	findings: Array<{ orderId: string; check: string; owedCents: number; recoverable: boolean }>;
	decoys: Array<{ orderId: string; why: string }>;
	malformed: Array<{ line: number; reason: string }>;
	recoverableCents: number;
}

const pct = (value: number) => value.toFixed(3);

async function score(variant: Variant) {
	const { config } = variant;
	const report = csvItem(readFileSync(join(WORLD, variant.file)), variant.file);
	const orders = csvItem(readFileSync(join(WORLD, variant.ordersFile)), variant.ordersFile);
	const item: INodeExecutionData = {
		json: {},
		binary: { data: report.binary!.data, orders: orders.binary!.data },
	};
	const out = await runReconciler({
		items: [item],
		parameters: {
			operation: 'reconcileCsv',
			binaryPropertyName: 'data',
			ordersBinaryPropertyName: 'orders',
			unsettledAfterDays: config.unsettledAfterDays,
			nonApparelRate: config.nonApparelRate,
			apparelRate: config.apparelRate,
			apparelCategories: config.apparelCategories,
			rateRules: { rules: config.rateRules },
			toleranceAmount: config.toleranceAmount,
			tolerancePercent: config.tolerancePercent,
			options: {
				asOf: config.asOf,
				timeZone: config.timeZone,
				transactionFeePercent: config.transactionFeePercent,
				transactionFeeFixed: config.transactionFeeFixed,
			},
		},
	});
	const found = out.discrepancies.map((entry) => `${entry.json.orderId}|${entry.json.checkCode}`);
	const truth = new Set(variant.findings.map((finding) => `${finding.orderId}|${finding.check}`));
	const right = found.filter((key) => truth.has(key));
	const csvOnly = variant.findings.filter((finding) => finding.check !== 'delivered_not_settled');
	const unsettled = variant.findings.filter((finding) => finding.check === 'delivered_not_settled');
	const foundSet = new Set(found);
	const decoyOrders = new Set(variant.decoys.map((decoy) => decoy.orderId));
	const decoysFlagged = new Set(
		out.discrepancies
			.filter((entry) => decoyOrders.has(String(entry.json.orderId)))
			.map((entry) => entry.json.orderId),
	);
	const rejectedLines = new Set(out.rejected.map((entry) => entry.json.line));
	const summary = summaryOf(out);
	const recoverable = Math.round(Number(summary.recoverableAmount) * 100);
	return {
		file: variant.file,
		precision: found.length ? right.length / found.length : 1,
		recallCsv:
			csvOnly.filter((finding) => foundSet.has(`${finding.orderId}|${finding.check}`)).length /
			csvOnly.length,
		recallUnsettled:
			unsettled.filter((finding) => foundSet.has(`${finding.orderId}|${finding.check}`)).length /
			unsettled.length,
		decoysFlagged: decoysFlagged.size,
		decoys: decoyOrders.size,
		malformedReported: variant.malformed.filter((line) => rejectedLines.has(line.line)).length,
		malformed: variant.malformed.length,
		recoverable,
		recoverableTruth: variant.recoverableCents,
		wrong: found.filter((key) => !truth.has(key)),
		missed: [...truth].filter((key) => !foundSet.has(key)),
		unreported: variant.malformed.filter((line) => !rejectedLines.has(line.line)),
		owedDiffers: variant.findings.flatMap((finding) => {
			const node = out.discrepancies.find(
				(entry) => entry.json.orderId === finding.orderId && entry.json.checkCode === finding.check,
			)?.json;
			if (!node) return [];
			const owed = Math.round(Number(node.owedToYou) * 100);
			const claimable = !node.pastDeadline && owed > 0;
			return owed !== finding.owedCents || (owed > 0 && claimable !== finding.recoverable)
				? [
						`${finding.orderId} ${finding.check}: node ${owed}${claimable ? '' : ' (late)'} / truth ${finding.owedCents}${finding.recoverable ? '' : ' (late)'}`,
					]
				: [];
		}),
	};
}

async function main(): Promise<void> {
	const truth = JSON.parse(readFileSync(join(WORLD, 'truth.json'), 'utf8')) as {
		variants: Variant[];
	};
	const verbose = process.argv.includes('--verbose');
	console.log('Settlement Reconciler on the independent corpus (test/fixtures/settlement/world)');
	console.log(
		'variant                 precision  recall(csv)  recall(unsettled)  decoys  malformed  recoverable (node / truth)',
	);
	for (const variant of truth.variants) {
		const result = await score(variant);
		console.log(
			`${result.file.padEnd(24)}${pct(result.precision).padStart(9)}${pct(result.recallCsv).padStart(13)}${pct(result.recallUnsettled).padStart(19)}` +
				`${`${result.decoysFlagged}/${result.decoys}`.padStart(8)}${`${result.malformedReported}/${result.malformed}`.padStart(11)}` +
				`   $${(result.recoverable / 100).toFixed(2)} / $${(result.recoverableTruth / 100).toFixed(2)}`,
		);
		if (verbose)
			console.log(
				JSON.stringify(
					{
						wrong: result.wrong,
						missed: result.missed,
						unreported: result.unreported,
						owedDiffers: result.owedDiffers,
					},
					null,
					1,
				),
			);
	}
}

main().catch((error) => {
	console.error(error);
	process.exit(1);
});
