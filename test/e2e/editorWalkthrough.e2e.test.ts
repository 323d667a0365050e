import { writeDemoFiles, type DemoFiles } from '../../dev/demo';
import type { DemoPlan } from '../../dev/simulator';
import {
	addFreshNode,
	openEditor,
	openWorkflow,
	OPTIONS_ERROR,
	panelText,
	RAW_ENUM_CODE,
	reopenAddedNode,
	selectOptions,
	visibleText,
	type Editor,
} from '../../dev/stack/editor';
import type { OutboxMessage } from '../../dev/stack/smtpOutbox';
import { startStack, type Stack } from '../../dev/stack/stack';
import { template } from '../../dev/stack/templates';

/**
 * What a new user did in issue #23, in headless Chromium against n8n 2.41.1 and the demo shop: open every template
 * and every node's panel, add each node fresh from the nodes panel and open its drop-downs, run the payout audit,
 * the settlement form and the ship-from-3PL template, and read only words, never raw codes.
 */
const PICK_FIRST = /Pick a credential above, then reopen this panel/;

/** Each node as the nodes panel offers it: searched by name, then the action (if it has actions). */
const FRESH_NODES: Array<{ search: string; action?: string; dropDown?: string }> = [
	{
		search: 'TikTok Shop',
		action: 'Get the delivery options of a warehouse',
		dropDown: 'warehouseId',
	},
	{
		search: 'TikTok Shop',
		action: 'Get the shipping providers of a delivery option',
		dropDown: 'deliveryOptionId',
	},
	{ search: 'TikTok Shop Ship Batcher', dropDown: 'defaultProvider' },
	{ search: 'TikTok Shop Evidence Submit', action: 'Submit an evidence packet' },
	{
		search: 'TikTok Shop Settlement Reconciler',
		action: 'Reconcile statements from the finance API',
	},
	{ search: 'TikTok Shop Stock Ledger', action: 'Record a sale' },
	{ search: 'TikTok Shop Inventory Push' },
	{ search: 'TikTok Shop Health', action: 'List orders at risk of missing their line' },
	{ search: '3PL Tracking Parser' },
];

const codesIn = (text: string) => text.match(RAW_ENUM_CODE) ?? [];

describe('the first hour in the editor (headless Chromium, n8n 2.41.1, demo shop)', () => {
	const payout = template('weekly-payout-audit.json');
	const settlement = template('settlement-report-check.json');
	const shipFromFile = template('ship-from-3pl-file.json');
	let stack: Stack;
	let editor: Editor;
	let plan: DemoPlan;
	let files: DemoFiles;

	async function executeInEditor(workflowId: string): Promise<OutboxMessage[]> {
		const mailsBefore = stack.outbox.messages.length;
		await openWorkflow(editor, workflowId);
		await editor.page.locator('[data-test-id="execute-workflow-button"]').first().click();
		await stack.outbox.waitFor(1, { sinceIndex: mailsBefore, timeoutMs: 180_000 });
		await editor.page.waitForTimeout(2000);
		return stack.outbox.messages.slice(mailsBefore);
	}

	beforeAll(async () => {
		stack = await startStack({
			setupOwner: true,
			publish: [settlement.id],
			simulator: { demo: true },
		});
		plan = stack.simulator.demo!;
		files = await writeDemoFiles(stack.exportDir, stack.simulator.state, plan);
		editor = await openEditor(stack.n8n.url);
	});

	afterAll(async () => {
		await editor?.close();
		await stack?.stop();
	});

	it("opens every template, and the panel of each of the pack's nodes and Settings in it, and shows no raw code", async () => {
		const found: Record<string, string[]> = {};
		for (const workflow of stack.templates) {
			await openWorkflow(editor, workflow.id);
			const texts = [await visibleText(editor.page)];
			const panels = workflow.nodes.filter(
				(node) => node.type.startsWith('n8n-nodes-tiktok-shop-ops.') || node.name === 'Settings',
			);
			for (const node of panels) {
				await editor.page
					.locator('[data-test-id="canvas-node"]')
					.filter({ has: editor.page.getByText(node.name, { exact: true }) })
					.first()
					.dblclick();
				await editor.page.locator('[data-test-id="ndv"]').waitFor();
				await editor.page.waitForTimeout(700);
				texts.push(await panelText(editor.page));
				await editor.page.keyboard.press('Escape');
				await editor.page.waitForTimeout(300);
			}
			const codes = texts.flatMap(codesIn);
			if (codes.length) found[workflow.file] = [...new Set(codes)];
		}
		expect(found).toEqual({});
	});

	it.each(
		FRESH_NODES.map((node) => ({
			...node,
			label: [node.search, node.action].filter(Boolean).join(': '),
		})),
	)(
		'adds $label fresh: its drop-downs never fail, and load once the panel is reopened',
		async ({ search, action, dropDown }) => {
			await addFreshNode(editor, search, action);
			const fresh = await panelText(editor.page);
			expect(fresh).not.toMatch(OPTIONS_ERROR);
			expect(codesIn(fresh)).toEqual([]);

			await reopenAddedNode(editor.page);
			const reopened = await panelText(editor.page);
			expect(reopened).not.toMatch(OPTIONS_ERROR);
			expect(reopened).not.toMatch(PICK_FIRST);
			expect(codesIn(reopened)).toEqual([]);
			if (dropDown) {
				const options = await selectOptions(editor.page, dropDown);
				expect(options.length).toBeGreaterThan(0);
				expect(options.join('\n')).not.toMatch(OPTIONS_ERROR);
				expect(options.join('\n')).not.toMatch(PICK_FIRST);
			}
		},
	);

	it('loads the shop warehouses into a fresh TikTok Shop node', async () => {
		await addFreshNode(editor, 'TikTok Shop', 'Get the delivery options of a warehouse');
		await reopenAddedNode(editor.page);
		const names = stack.simulator.state.warehouses
			.filter((warehouse) => warehouse.type === 'SALES_WAREHOUSE')
			.map((warehouse) => warehouse.name);
		const options = await selectOptions(editor.page, 'warehouseId');
		for (const name of names) expect(options.join('\n')).toContain(name);
	});

	it('runs the weekly payout audit from the editor: money to claim on the planted orders', async () => {
		const [mail] = await executeInEditor(payout.id);
		expect(mail.subject).toMatch(/^TikTok Shop payout audit: \$\d+\.\d\d to claim/);
		expect(mail.subject).not.toContain('$0.00 to claim');
		expect(mail.html).toContain(plan.overcharged.orderId);
		expect(mail.html).toContain(plan.unsettled.orderId);
		expect(codesIn(await visibleText(editor.page))).toEqual([]);
	});

	it('runs the ship-from-3PL template from the editor: the mistyped tracking number is caught', async () => {
		const mails = await executeInEditor(shipFromFile.id);
		const typo = files.threePl.rows.find((row) => row.outcome === 'tracking_check_digit')!;
		const mail = mails.find((candidate) => candidate.subject.includes('not uploaded'));
		expect(mail?.text).toContain(typo.tracking_number);
		expect(mail?.text).toContain('Mistyped tracking number');
		expect(codesIn(await visibleText(editor.page))).toEqual([]);
	});

	it('uses the settlement form with the sample report: money to claim', async () => {
		const mailsBefore = stack.outbox.messages.length;
		const { page } = editor;
		await page.goto(`${stack.n8n.url}/form/tiktok-shop-settlement-check`);
		expect(codesIn(await visibleText(page))).toEqual([]);
		await page.locator('input[type="file"]').first().setInputFiles(files.settlementPath);
		await page.locator('button[type="submit"], #submit-btn').first().click();
		await page.waitForTimeout(1500);
		expect(codesIn(await visibleText(page))).toEqual([]);
		const [mail] = await stack.outbox.waitFor(1, { sinceIndex: mailsBefore, timeoutMs: 180_000 });
		expect(mail.subject).toMatch(/\$\d+\.\d\d to claim/);
		expect(mail.subject).not.toContain('$0.00 to claim');
	});
});
