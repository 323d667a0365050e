import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';

import type { DemoPlan, ShopState } from '../simulator';
import { DEMO_SETTLEMENT_FILE_NAME, settlementCsvDatedFrom } from './settlementCsv';
import { demoThreePlFile, THREE_PL_FILE_NAME, type DemoThreePlFile } from './threePlFile';

export { settlementCsvDatedFrom, DEMO_SETTLEMENT_FILE_NAME } from './settlementCsv';
export { demoThreePlFile, THREE_PL_FILE_NAME, type DemoThreePlFile } from './threePlFile';

/** The seller's zone the templates default to (their Settings node). */
export const DEMO_ZONE = 'America/Los_Angeles';

export interface DemoFiles {
	threePl: DemoThreePlFile;
	threePlPath: string;
	settlementPath: string;
}

/**
 * Writes the demo's sample files into the folder the templates read: the 3PL's shipment file (ship-from-3PL reads
 * it on its first run) and a Seller Center settlement report dated this week (to upload in the settlement form).
 */
export async function writeDemoFiles(
	folder: string,
	state: ShopState,
	plan: DemoPlan,
	nowMs = Date.now(),
): Promise<DemoFiles> {
	const threePl = demoThreePlFile(state, plan, Math.floor(nowMs / 1000));
	const threePlPath = join(folder, THREE_PL_FILE_NAME);
	await writeFile(threePlPath, threePl.csv);
	const settlementPath = join(folder, DEMO_SETTLEMENT_FILE_NAME);
	await writeFile(settlementPath, settlementCsvDatedFrom(nowMs, { zone: DEMO_ZONE }));
	return { threePl, threePlPath, settlementPath };
}

function usd(cents: number): string {
	return `$${(cents / 100).toFixed(2)}`;
}

/** "Mon, Dec 7, 3:15 PM PST": a time as the seller reads it. */
export function sellerTime(seconds: number, zone = DEMO_ZONE): string {
	return new Intl.DateTimeFormat('en-US', {
		timeZone: zone,
		weekday: 'short',
		month: 'short',
		day: 'numeric',
		hour: 'numeric',
		minute: '2-digit',
		timeZoneName: 'short',
	}).format(new Date(seconds * 1000));
}

function sellerDate(seconds: number, zone = DEMO_ZONE): string {
	return new Intl.DateTimeFormat('en-US', {
		timeZone: zone,
		month: 'short',
		day: 'numeric',
	}).format(new Date(seconds * 1000));
}

/** What each template finds on its first run in the demo shop, for `npm start`'s banner. */
export function demoFindings(plan: DemoPlan, files: DemoFiles): string[] {
	const shipped = files.threePl.rows.filter((row) => row.outcome === 'shipped').length;
	const mistyped = files.threePl.rows.find((row) => row.outcome === 'tracking_check_digit')!;
	const unknownCarrier = files.threePl.rows.find((row) => row.outcome === 'carrier_unknown')!;
	const statements = plan.recentStatements.map((statement) => sellerDate(statement.statementTime));
	return [
		`Weekly payout audit (run it by hand): statements of ${statements.join(', ')}; order ${plan.overcharged.orderId}`,
		`  charged 8 % commission instead of 6 % (${usd(plan.overcharged.owed)} to claim), order ${plan.unsettled.orderId}`,
		`  delivered ${sellerDate(plan.unsettled.deliveredAt)} and never settled (about ${usd(plan.unsettled.orderValue)} of sales).`,
		`Settlement report check (the form): upload ${files.settlementPath}:`,
		`  findings with money to claim before their deadline, one already past the 45-day limit, unreadable lines listed.`,
		`Ship from 3PL file (run it by hand): reads ${files.threePlPath}: ${shipped} orders shipped,`,
		`  a mistyped tracking number on order ${mistyped.order_id} (due out by ${sellerTime(plan.atRisk.shippingDueTime)}),`,
		`  a carrier nobody can map ("${unknownCarrier.carrier}").`,
		`Shop health guard: order ${plan.atRisk.orderId} has no label and must be dispatched by ${sellerTime(plan.atRisk.shippingDueTime)}.`,
		`Return & dispute desk (run "Re-check all open cases"): return ${plan.dispute.returnId} (item damaged)`,
		`  on order ${plan.dispute.orderId} needs an answer by ${sellerTime(plan.dispute.deadline)}.`,
	];
}
