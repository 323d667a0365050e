import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Papa from 'papaparse';

import { writeSettlementCsv } from '../fixtures/settlement/settlementCsvGenerator';
import { settlementCsvDatedFrom } from '../../dev/demo';
import { csvItem, runReconciler, summaryOf } from '../../dev/harness/runReconciler';
import type { OutboxMessage } from '../../dev/stack/smtpOutbox';
import { startStack, type Stack } from '../../dev/stack/stack';
import { template } from '../../dev/stack/templates';

const ZONE = 'America/Los_Angeles';
const FORM_PATH = 'tiktok-shop-settlement-check';

/** The template's node settings, run directly on the same bytes: what the email must report. */
async function expectedFor(csv: Buffer) {
	const out = await runReconciler({
		items: [csvItem(csv)],
		parameters: {
			operation: 'reconcileCsv',
			binaryPropertyName: 'data',
			nonApparelRate: 5,
			apparelRate: 8,
			toleranceAmount: 0.01,
			tolerancePercent: 0.5,
			options: { timeZone: ZONE },
		},
	});
	return {
		findings: out.discrepancies.map((item) => item.json),
		summary: summaryOf(out),
		rejected: out.rejected.map((item) => item.json),
	};
}

describe('workflows/settlement-report-check.json in n8n 2.41.1', () => {
	const workflow = template('settlement-report-check.json');
	let stack: Stack;

	/** Submits the form as a browser does (multipart, the file in field-0) and returns the email it leads to. */
	async function upload(csv: Buffer, fileName: string): Promise<OutboxMessage> {
		const mailsBefore = stack.outbox.messages.length;
		const form = new FormData();
		form.append('field-0', new Blob([csv], { type: 'text/csv' }), fileName);
		const response = await fetch(`${stack.n8n.url}/form/${FORM_PATH}`, {
			method: 'POST',
			body: form,
		});
		expect(response.status).toBe(200);
		const [mail] = await stack.outbox.waitFor(1, { sinceIndex: mailsBefore, timeoutMs: 180_000 });
		return mail;
	}

	const attachedRows = (mail: OutboxMessage) => {
		const csv = mail.attachments.find((attachment) => attachment.filename.endsWith('.csv'));
		return csv
			? Papa.parse<Record<string, string>>(csv.content.toString('utf8'), {
					header: true,
					skipEmptyLines: true,
				}).data
			: [];
	};

	beforeAll(async () => {
		stack = await startStack({ setupOwner: true, publish: [workflow.id] });
	});

	afterAll(async () => {
		await stack?.stop();
	});

	it('is imported with its email credential and active, its form served at a readable address', async () => {
		expect((await stack.api.workflow(workflow.id)).active).toBe(true);
		const page = await fetch(`${stack.n8n.url}/form/${FORM_PATH}`);
		expect(page.status).toBe(200);
		expect(await page.text()).toContain('Check a TikTok Shop settlement report');
	});

	it('emails what TikTok owes on an uploaded report: every finding, every unreadable line, the requests and a CSV', async () => {
		// The fixture dated so its latest settlement was 5 days ago, as `npm start` writes it for the demo.
		const csv = Buffer.from(settlementCsvDatedFrom(Date.now(), { zone: ZONE }), 'utf8');
		const expected = await expectedFor(csv);
		expect(expected.findings.length).toBeGreaterThan(5);
		expect(Number(expected.summary.recoverableAmount)).toBeGreaterThan(0);
		const mail = await upload(csv, 'statement-this-week.csv');

		expect(mail.subject).toBe(
			`TikTok Shop settlement check (statement-this-week.csv): $${expected.summary.recoverableAmount} to claim (${expected.findings.length} findings, first deadline ${expected.summary.nextDeadline})`,
		);
		// In a mailbox there are no node outputs: the email says the unreadable rows are listed below it.
		const mailHeadline = String(expected.summary.headline).replace(
			': see the Unreadable output.',
			' (listed below).',
		);
		expect(mail.html).toContain(mailHeadline.replace(/&/g, '&amp;'));
		expect(mail.html).not.toContain('Unreadable output');
		const positions = expected.findings.map((finding) =>
			mail.html.indexOf(`>${String(finding.orderId)}<`),
		);
		expect(positions.every((position) => position > 0)).toBe(true);
		expect([...positions].sort((a, b) => a - b)).toEqual(positions);
		expect(mail.html).toContain('PAST DEADLINE');
		for (const row of expected.rejected)
			expect(mail.text).toContain(`Line ${String(row.line)}: ${String(row.reason)}`);
		for (const request of expected.summary.correctionRequests)
			expect(mail.text).toContain(request.text);
		expect(attachedRows(mail).map((row) => [row.orderId, row.checkCode, row.owedToYou])).toEqual(
			expected.findings.map((finding) => [finding.orderId, finding.checkCode, finding.owedToYou]),
		);
	});

	it('emails that the file is not a settlement report, with the columns it has, instead of staying silent', async () => {
		const mail = await upload(
			Buffer.from('tracking_number,carrier,shipped_at\n1Z999AA10123456784,UPS,2025-01-10\n'),
			'tracking.csv',
		);
		expect(mail.subject).toMatch(
			/^TikTok Shop settlement check FAILED \(tracking\.csv\): The report is missing an order ID column/,
		);
		expect(mail.text).toContain('Columns found: "tracking_number", "carrier", "shipped_at"');
		expect(mail.attachments).toEqual([]);
	});

	it('checks a 100,000-row report uploaded through the form and accounts for every row', async () => {
		const path = join(stack.setup.userFolder, 'large-statement.csv');
		const { rows } = await writeSettlementCsv(path, 100_000);
		const csv = readFileSync(path);
		const expected = await expectedFor(csv);
		const mail = await upload(csv, 'january.csv');
		expect(mail.text).toContain(expected.summary.headline);
		expect(mail.html).toContain(`${rows} read: ${rows} checked, 0 not readable, 0 blank`);
		expect(attachedRows(mail)).toHaveLength(expected.findings.length);
		expect(expected.findings.length).toBeGreaterThan(500);
	});
});
