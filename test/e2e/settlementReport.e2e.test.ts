import { copyFile } from 'node:fs/promises';
import { join } from 'node:path';

import { writeSettlementCsv } from '../../bench/lib/settlementCsvGenerator';
import { FIXTURES, runReconciler, storedCsvItem } from '../nodes/SettlementReconciler/runReconciler';
import { describeFailure, nodeOutput, type Execution } from './harness/n8nApi';
import { startStack, type Stack } from './harness/stack';

const TRIGGER = 'Run by hand';
const RECONCILER = 'Reconcile the settlement report';
const OPTIONS = { asOf: '2025-02-01', timeZone: 'America/Los_Angeles' };

/** What a seller builds for the CSV export: read the file Seller Center gave them and reconcile it. */
const workflow = {
	id: 'ttsSettlementCsvE2e',
	name: 'Settlement report from disk (e2e)',
	settings: { executionOrder: 'v1' },
	connections: {
		[TRIGGER]: { main: [[{ node: 'Read the report', type: 'main', index: 0 }]] },
		'Read the report': { main: [[{ node: RECONCILER, type: 'main', index: 0 }]] },
	},
	nodes: [
		{ id: 'e2e-settlement-1', name: TRIGGER, type: 'n8n-nodes-base.manualTrigger', typeVersion: 1, position: [0, 0], parameters: {} },
		{
			id: 'e2e-settlement-2',
			name: 'Read the report',
			type: 'n8n-nodes-base.readWriteFile',
			typeVersion: 1,
			position: [220, 0],
			parameters: { operation: 'read', fileSelector: '={{ $vars.TIKTOK_SHOP_EXPORT_DIR }}/settlement.csv', options: {} },
		},
		{
			id: 'e2e-settlement-3',
			name: RECONCILER,
			type: 'n8n-nodes-tiktok-shop-ops.tikTokShopSettlementReconciler',
			typeVersion: 1,
			position: [440, 0],
			parameters: { operation: 'reconcileCsv', binaryPropertyName: 'data', options: OPTIONS },
		},
	],
};

const outputs = (execution: Execution) => [0, 1, 2].map((output) => nodeOutput(execution, RECONCILER, output));

/** The node run directly on the same file, outside n8n: real n8n's binary handling must not change a figure. */
async function direct(path: string) {
	const out = await runReconciler({ items: [storedCsvItem(path)], parameters: { operation: 'reconcileCsv', binaryPropertyName: 'data', options: OPTIONS } });
	return [out.discrepancies, out.summary, out.rejected].map((items) => items.map((item) => item.json));
}

describe('a Seller Center settlement report CSV in n8n 2.41.1', () => {
	let stack: Stack;

	async function reconcile(source: string): Promise<Execution> {
		await copyFile(source, join(stack.exportDir, 'settlement.csv'));
		const execution = await stack.api.waitForExecution(await stack.api.runManually(workflow.id, TRIGGER), 300_000);
		if (execution.status !== 'success') throw new Error(describeFailure(execution));
		return execution;
	}

	beforeAll(async () => {
		stack = await startStack({ setupOwner: true, extraWorkflows: [workflow], publish: [] });
	});

	afterAll(async () => {
		await stack?.stop();
	});

	it('reads the file n8n hands over and finds what the same node finds on it directly', async () => {
		const fixture = `${FIXTURES}/seller-center-statement.csv`;
		const [discrepancies, summary, rejected] = outputs(await reconcile(fixture));
		expect([discrepancies, summary, rejected]).toEqual(await direct(fixture));
		// Hand-computed in the unit tests: 8 % apparel on $1,250.00 is $100.00, and $120.00 was charged.
		expect(discrepancies[0]).toMatchObject({ orderId: '576000000000000002', checkCode: 'commission', expected: '100.00', actual: '120.00', deadline: '2025-02-21' });
		expect(rejected.map((row) => [row.line, row.reason])).toEqual([
			[13, '"TikTok Shop commission fee" is not an amount'],
			[14, 'has 6 cells but the header has 21: the row is cut short'],
			[15, 'has no order ID'],
			[16, '"Order settled time" is not a date'],
			[18, 'a totals line, not an order'],
		]);
	});

	it('accounts for every row of a 100,000-row report', async () => {
		const path = join(stack.setup.userFolder, 'large-statement.csv');
		const { rows } = await writeSettlementCsv(path, 100_000);
		const [discrepancies, summary, rejected] = outputs(await reconcile(path));
		expect(summary[0]).toMatchObject({ report: { rows: { total: rows, parsed: rows, rejected: 0, blank: 0 } } });
		expect(rejected).toEqual([]);
		const [directDiscrepancies, directSummary] = await direct(path);
		expect(discrepancies).toHaveLength(directDiscrepancies.length);
		expect(discrepancies.length).toBeGreaterThan(500);
		expect(summary).toEqual(directSummary);
	});
});
