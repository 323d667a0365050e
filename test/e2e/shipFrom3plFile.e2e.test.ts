import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';

import {
	buildShipmentFile,
	type FileRow,
	type ShipmentFile,
} from '../fixtures/3pl/e2e/shipmentFile';
import { Random } from '../fixtures/3pl/random';
import {
	ATTENTION_REASON_LABELS,
	type AttentionReason,
} from '../../nodes/ShipBatcher/v1/shipping/attentionReasons';
import type { Mutation } from '../../dev/simulator';
import { describeFailure, type Execution } from '../../dev/stack/n8nApi';
import type { OutboxMessage } from '../../dev/stack/smtpOutbox';
import { startStack, type Stack } from '../../dev/stack/stack';
import { template } from '../../dev/stack/templates';

const TRIGGER = 'Every 30 minutes';
const BATCHER = 'Ship Batcher';

/** What a shipping call did to one package, whichever endpoint made it. */
interface Shipment {
	orderId: string;
	packageId?: string;
	trackingNumber?: string;
	shippingProviderId?: string;
}

function shipmentsOf(mutations: Mutation[]): Shipment[] {
	return mutations.flatMap((mutation): Shipment[] => {
		switch (mutation.type) {
			case 'batchShip':
				return mutation.shipped;
			case 'ship':
			case 'markShipped':
			case 'shippingInfoUpdate':
				return [mutation];
			default:
				return [];
		}
	});
}

/** The JSON of every item a node sent to one of its outputs on its first run. */
function outputOf(
	execution: Execution,
	nodeName: string,
	outputIndex = 0,
): Array<Record<string, unknown>> {
	const run = execution.data.resultData.runData[nodeName]?.[0];
	if (!run) throw new Error(`Node "${nodeName}" did not run. ${describeFailure(execution)}`);
	return (run.data?.main?.[outputIndex] ?? []).map((item) => item.json);
}

const escapeHtml = (text: string) =>
	text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

const byOrder = (a: { orderId: string }, b: { orderId: string }) =>
	a.orderId.localeCompare(b.orderId);

describe('workflows/ship-from-3pl-file.json in n8n 2.41.1', () => {
	const workflow = template('ship-from-3pl-file.json');
	let stack: Stack;
	let file: ShipmentFile;
	let first: Execution;
	let second: Execution;
	let firstMutations: Mutation[];
	let secondMutations: Mutation[];
	let firstMail: OutboxMessage;
	let secondMail: OutboxMessage;

	const good = () => file.rows.filter((row) => row.expected.output === 'shipped');
	const bad = () => file.rows.filter((row) => row.expected.output === 'attention');
	const refs = (items: Array<Record<string, unknown>>) =>
		items.map((item) => String(item.warehouse_ref)).sort();
	const refsOf = (rows: FileRow[]) => rows.map((row) => row.columns.warehouse_ref).sort();

	const expectedOutcomes = () =>
		Object.fromEntries(
			file.rows.map((row) => [
				row.columns.warehouse_ref,
				row.expected.output === 'shipped'
					? 'shipped'
					: expect.stringMatching(new RegExp(`^${row.expected.reason}: `)),
			]),
		);
	const outcomes = (
		shipped: Array<Record<string, unknown>>,
		attention: Array<Record<string, unknown>>,
	) =>
		Object.fromEntries([
			...shipped.map((item) => [String(item.warehouse_ref), 'shipped']),
			...attention.map((item) => [
				String(item.warehouse_ref),
				`${String(item.reason)}: ${String(item.message)}`,
			]),
		]);

	async function run(): Promise<{
		execution: Execution;
		mutations: Mutation[];
		mail: OutboxMessage;
	}> {
		const mutationsBefore = stack.simulator.mutations.length;
		const mailsBefore = stack.outbox.messages.length;
		const execution = await stack.api.waitForExecution(
			await stack.api.runManually(workflow.id, TRIGGER),
		);
		if (execution.status !== 'success') throw new Error(describeFailure(execution));
		const [mail] = await stack.outbox.waitFor(1, { sinceIndex: mailsBefore });
		return { execution, mutations: stack.simulator.mutations.slice(mutationsBefore), mail };
	}

	beforeAll(async () => {
		stack = await startStack({ setupOwner: true, publish: [workflow.id] });
		file = buildShipmentFile(stack.simulator.state, new Random(20261125));
		// TikTok already has this label on another, shipped order: the file's row reusing it must be refused.
		const taken = stack.simulator.state.packages.find(
			(pkg) => pkg.id === file.takenNumber.packageId,
		);
		if (!taken) throw new Error('The package chosen for the reused label is gone');
		taken.tracking_number = file.takenNumber.trackingNumber;
		// The template reads 3pl-shipments.csv in its Settings' files_folder, which the harness sets to exportDir.
		await writeFile(join(stack.exportDir, '3pl-shipments.csv'), file.csv);
		({ execution: first, mutations: firstMutations, mail: firstMail } = await run());
		({ execution: second, mutations: secondMutations, mail: secondMail } = await run());
	});

	afterAll(async () => {
		await stack?.stop();
	});

	it('is imported with its credentials and active', async () => {
		expect((await stack.api.workflow(workflow.id)).active).toBe(true);
		expect(stack.published).toContain(workflow.id);
	});

	it('reads one item per CSV row, with the 64-bit ids intact', () => {
		const items = outputOf(first, 'One item per row');
		expect(items.map((item) => item.order_id)).toEqual(
			file.rows.map((row) => row.columns.order_id),
		);
		// Extract From File leaves an empty cell out of the item.
		expect(items.map((item) => item.package_id ?? '')).toEqual(
			file.rows.map((row) => row.columns.package_id),
		);
	});

	it('ships exactly the good rows, with their tracking numbers and the mapped shipping providers', () => {
		const expected = good()
			.map((row) => ({
				orderId: row.columns.order_id,
				...(row.columns.package_id ? { packageId: row.columns.package_id } : {}),
				trackingNumber: row.columns.tracking_number,
				shippingProviderId: (row.expected as { providerId: string }).providerId,
			}))
			.sort(byOrder);
		const shipped = shipmentsOf(firstMutations)
			.map(({ orderId, packageId, trackingNumber, shippingProviderId }) => ({
				orderId,
				packageId,
				trackingNumber,
				shippingProviderId,
			}))
			.sort(byOrder);
		expect(shipped).toEqual(expected.map((entry) => ({ packageId: expect.any(String), ...entry })));
		// Packages TikTok had opened go out together in one Batch Ship Packages call; the others one order each.
		expect(firstMutations.filter((mutation) => mutation.type === 'batchShip')).toHaveLength(1);
		expect(firstMutations.filter((mutation) => mutation.type === 'markShipped')).toHaveLength(
			good().filter((row) => !row.columns.package_id).length,
		);
		expect(firstMutations.filter((mutation) => mutation.type === 'shippingInfoUpdate')).toEqual([]);

		for (const row of good()) {
			const order = stack.simulator.state.orders.find(
				(candidate) => candidate.id === row.columns.order_id,
			);
			expect(order).toMatchObject({
				status: 'IN_TRANSIT',
				tracking_number: row.columns.tracking_number,
			});
		}
		for (const row of bad()) {
			const order = stack.simulator.state.orders.find(
				(candidate) => candidate.id === row.columns.order_id,
			);
			expect(order?.tracking_number).not.toBe(row.columns.tracking_number);
		}
	});

	it('puts every row on exactly one output: the good ones on Shipped, the others on Needs Attention with the right reason', () => {
		const shipped = outputOf(first, BATCHER, 0);
		const attention = outputOf(first, BATCHER, 1);
		// Row by row, so that a failure names the reason the node gave.
		expect(outcomes(shipped, attention)).toEqual(expectedOutcomes());
		expect(shipped.length + attention.length).toBe(file.rows.length);
		for (const item of shipped) {
			const row = file.rows.find(
				(candidate) => candidate.columns.warehouse_ref === item.warehouse_ref,
			) as FileRow;
			expect(item).toMatchObject({
				status: 'shipped',
				order_id: row.columns.order_id,
				tracking_number: row.columns.tracking_number,
				shipping_provider_id: (row.expected as { providerId: string }).providerId,
			});
		}
		for (const item of attention) {
			const row = file.rows.find(
				(candidate) => candidate.columns.warehouse_ref === item.warehouse_ref,
			) as FileRow;
			expect(item).toMatchObject({
				status: 'needs_attention',
				order_id: row.columns.order_id,
				reason: (row.expected as { reason: string }).reason,
			});
			expect(item.message).toEqual(expect.any(String));
		}
		expect(outputOf(first, 'Shipped')).toHaveLength(good().length);
		const aggregated = outputOf(first, 'All rows that need attention');
		expect(aggregated).toHaveLength(1);
		expect(refs(aggregated[0].rows as Array<Record<string, unknown>>)).toEqual(refsOf(bad()));
	});

	it('emails the operations team one message listing exactly the rows that need attention, with their reasons', () => {
		expect(firstMail.to).toBe('operations@example.com');
		// Overdue and due-soon rows counted apart, as the seller reads them.
		const attention = outputOf(first, BATCHER, 1);
		const overdue = attention.filter((item) => item.past_late_line).length;
		const dueSoon = attention.filter(
			(item) => !item.past_late_line && item.close_to_late_line,
		).length;
		const counts = [
			overdue ? `${overdue} past the ship-by time` : '',
			dueSoon ? `${dueSoon} due within 12 h` : '',
		].filter(Boolean);
		expect(firstMail.subject).toBe(
			`${bad().length} TikTok Shop shipments not uploaded${counts.length ? `: ${counts.join(', ')}` : ''}`,
		);
		const tableRows = firstMail.html.split(/<tr[^>]*>/).slice(2); // the first part is the intro, the second the header
		expect(tableRows).toHaveLength(bad().length);
		for (const row of bad()) {
			const line = tableRows.find((candidate) =>
				candidate.includes(`<td>${row.columns.order_id}</td>`),
			);
			expect(line).toBeDefined();
			expect(line).toContain(row.columns.tracking_number);
			const reason = (row.expected as { reason: AttentionReason }).reason;
			// The reason in words, in both parts; the code stays in the node's output for expressions.
			expect(line).toContain(escapeHtml(ATTENTION_REASON_LABELS[reason]));
			expect(firstMail.text).toContain(`${ATTENTION_REASON_LABELS[reason]}.`);
			expect(firstMail.html + firstMail.text).not.toContain(reason);
		}
		expect(firstMail.text).toContain('Times are in America/Los_Angeles.');
		expect(firstMail.html).not.toMatch(/\d{4}-\d\d-\d\dT\d\d:/);
		for (const row of good()) expect(firstMail.html).not.toContain(row.columns.tracking_number);
		// TikTok's own words come with the row it refused.
		const refused = tableRows.find((line) =>
			line.includes(escapeHtml(ATTENTION_REASON_LABELS.tiktok_duplicate_tracking)),
		);
		expect(refused).toMatch(/TikTok said: .*already used.*error 21011025; quote request/);
	});

	it('ships nothing twice when the same file is read again, and reports the same rows again', () => {
		expect(shipmentsOf(secondMutations)).toEqual([]);
		expect(secondMutations).toEqual([]);
		const shipped = outputOf(second, BATCHER, 0);
		expect(refs(shipped)).toEqual(refsOf(good()));
		for (const item of shipped) expect(item.shipped_by).toBe('already_shipped');
		const attention = outputOf(second, BATCHER, 1);
		expect(refs(attention)).toEqual(refsOf(bad()));
		for (const item of attention) {
			const row = file.rows.find(
				(candidate) => candidate.columns.warehouse_ref === item.warehouse_ref,
			) as FileRow;
			expect(item.reason).toBe((row.expected as { reason: string }).reason);
		}
		expect(secondMail.subject).toBe(firstMail.subject);
	});
});
