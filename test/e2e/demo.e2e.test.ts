import { readFile } from 'node:fs/promises';

import { demoFindings, writeDemoFiles, type DemoFiles } from '../../dev/demo';
import type { DemoPlan } from '../../dev/simulator';
import { describeFailure, type Execution } from '../../dev/stack/n8nApi';
import type { OutboxMessage } from '../../dev/stack/smtpOutbox';
import { startStack, type Stack } from '../../dev/stack/stack';
import { template } from '../../dev/stack/templates';

/**
 * What a new user gets from `npm start`: the demo shop and its sample files, every template run once as they come.
 * Each template must find the problem planted for it (dev/simulator/seed/demo.ts, dev/demo/).
 */
describe('the demo (npm start) in n8n 2.41.1: every template finds its planted problem on its first run', () => {
	const payout = template('weekly-payout-audit.json');
	const settlement = template('settlement-report-check.json');
	const shipFromFile = template('ship-from-3pl-file.json');
	const disputes = template('return-dispute-desk.json');
	const health = template('shop-health-guard.json');
	let stack: Stack;
	let plan: DemoPlan;
	let files: DemoFiles;
	/** The mails of the templates whose emails issue #23 rewrote, for the checks on their words. */
	const readerMails: Array<{ template: string; mail: OutboxMessage }> = [];

	async function run(workflowId: string, trigger: string): Promise<OutboxMessage[]> {
		const mailsBefore = stack.outbox.messages.length;
		const execution: Execution = await stack.api.waitForExecution(
			await stack.api.runManually(workflowId, trigger),
			240_000,
		);
		if (execution.status !== 'success') throw new Error(describeFailure(execution));
		await new Promise((resolve) => setTimeout(resolve, 1000));
		return stack.outbox
			.waitFor(1, { sinceIndex: mailsBefore })
			.then(() => stack.outbox.messages.slice(mailsBefore));
	}

	beforeAll(async () => {
		// Only the form is published: the test runs the other templates by hand.
		stack = await startStack({
			setupOwner: true,
			publish: [settlement.id],
			simulator: { demo: true },
		});
		plan = stack.simulator.demo!;
		files = await writeDemoFiles(stack.exportDir, stack.simulator.state, plan);
	});

	afterAll(async () => {
		await stack?.stop();
	});

	it('names in the banner what each template will find', () => {
		const banner = demoFindings(plan, files).join('\n');
		for (const id of [
			plan.overcharged.orderId,
			plan.unsettled.orderId,
			plan.atRisk.orderId,
			plan.dispute.returnId,
		])
			expect(banner).toContain(id);
		expect(banner).toContain(files.threePlPath);
		expect(banner).toContain(files.settlementPath);
	});

	it('weekly payout audit: statements in its window and money to claim before the deadline', async () => {
		const [mail] = await run(payout.id, 'Every Monday at 07:00');
		readerMails.push({ template: 'payout audit', mail });
		expect(mail.subject).toMatch(/^TikTok Shop payout audit: \$\d+\.\d\d to claim \(\d+ findings?/);
		expect(mail.subject).not.toMatch(/\$0\.00 to claim/);
		expect(mail.text).not.toContain('none in the period');
		expect(mail.html).toContain(`>${plan.overcharged.orderId}<`);
		expect(mail.html).toContain(`>${plan.unsettled.orderId}<`);
		const csv = mail.attachments.find((attachment) => attachment.filename.endsWith('.csv'));
		expect(csv?.content.toString('utf8')).toContain(plan.overcharged.orderId);
	});

	it('settlement report check: the sample report dated this week has money to claim', async () => {
		const mailsBefore = stack.outbox.messages.length;
		const form = new FormData();
		form.append(
			'field-0',
			new Blob([await readFile(files.settlementPath)], { type: 'text/csv' }),
			'settlement-report-this-week.csv',
		);
		const response = await fetch(`${stack.n8n.url}/form/tiktok-shop-settlement-check`, {
			method: 'POST',
			body: form,
		});
		expect(response.status).toBe(200);
		const [mail] = await stack.outbox.waitFor(1, { sinceIndex: mailsBefore, timeoutMs: 180_000 });
		readerMails.push({ template: 'settlement check', mail });
		expect(mail.subject).toMatch(
			/^TikTok Shop settlement check \(settlement-report-this-week\.csv\): \$\d+\.\d\d to claim/,
		);
		expect(mail.subject).not.toMatch(/\$0\.00 to claim/);
	});

	it('ship from 3PL file: ships the good rows and flags the mistyped tracking number and the unknown carrier', async () => {
		const mails = await run(shipFromFile.id, 'Every 30 minutes');
		const shipped = files.threePl.rows.filter((row) => row.outcome === 'shipped');
		for (const row of shipped)
			expect(
				stack.simulator.state.orders.find((order) => order.id === row.order_id)?.tracking_number,
			).toBe(row.tracking_number);
		expect(mails).toHaveLength(1);
		const [mail] = mails;
		readerMails.push({ template: 'ship from 3PL file', mail });
		const typo = files.threePl.rows.find((row) => row.outcome === 'tracking_check_digit')!;
		const unknown = files.threePl.rows.find((row) => row.outcome === 'carrier_unknown')!;
		// The order at risk is due within 12 h: counted apart in the subject.
		expect(mail.subject).toBe('2 TikTok Shop shipments not uploaded: 1 due within 12 h');
		expect(mail.text).toContain(
			`Order ${typo.order_id}, tracking number ${typo.tracking_number} (UPS Ground)`,
		);
		expect(mail.text).toContain('Mistyped tracking number (check digit wrong).');
		expect(mail.html).toContain(typo.tracking_number);
		expect(mail.html).toContain(typo.order_id);
		expect(mail.html).toContain(unknown.order_id);
		for (const row of shipped) expect(mail.html).not.toContain(row.tracking_number);
	});

	it('shop health guard: the order at risk is in the most urgent alert', async () => {
		const mails = await run(health.id, 'Every hour');
		const alert = mails.find((mail) => mail.html.includes(plan.atRisk.orderId));
		expect(alert).toBeDefined();
	});

	it('return & dispute desk: the return with time left is in the evidence to-do', async () => {
		const mails = await run(disputes.id, 'Re-check all open cases');
		const todo = mails.find((mail) => mail.html.includes(plan.dispute.returnId));
		expect(todo).toBeDefined();
		readerMails.push({ template: 'return desk', mail: todo! });
		expect(todo!.html).toContain(plan.dispute.orderId);
		// The seeded shop also has requests whose deadline passed: counted apart from those due within 24 h.
		expect(todo!.subject).toMatch(
			/^\d+ TikTok Shop return\/cancellation cases need your answer: \d+ overdue(, \d+ due within 24 h)?$/,
		);
		expect(todo!.text).toMatch(
			new RegExp(
				`Return ${plan.dispute.returnId} on order ${plan.dispute.orderId}.*\\(\\d+(\\.\\d)? h left\\)`,
			),
		);
	});

	it('writes every email for a person: a plain-text part, local times, no codes, no n8n words', () => {
		expect(readerMails.map(({ template }) => template).sort()).toEqual([
			'payout audit',
			'return desk',
			'settlement check',
			'ship from 3PL file',
		]);
		for (const { template, mail } of readerMails) {
			const visible = `${mail.subject}\n${mail.text}\n${mail.html.replace(/<[^>]+>/g, ' ')}`;
			expect({ template, text: mail.text.length > 50 }).toEqual({ template, text: true });
			expect({ template, code: visible.match(/\b[A-Z]{3,}_[A-Z_]{3,}\b/g) }).toEqual({
				template,
				code: null,
			});
			expect({ template, code: visible.match(/\b[a-z]+_[a-z]+(_[a-z]+)*\b/g) }).toEqual({
				template,
				code: null,
			});
			expect({ template, iso: visible.match(/\d{4}-\d\d-\d\dT\d\d:\d\d/g) }).toEqual({
				template,
				iso: null,
			});
			expect({ template, jargon: visible.match(/\b(execution|Rejected Rows|output)\b/gi) }).toEqual(
				{
					template,
					jargon: null,
				},
			);
		}
	});
});
