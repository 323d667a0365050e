import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';

import { type DovecotServer, startDovecot } from '../helpers/dovecotServer';
import {
	bodyTextConfirmation,
	csvAttachmentConfirmation,
	noTrackingNotice,
	parcel,
	pdfAttachmentConfirmation,
	xlsxAttachmentConfirmation,
	type ConfirmationEmail,
	type ReportedParcel,
} from '../fixtures/3pl/e2e/confirmationEmails';
import { providerId, shippableOrders } from '../fixtures/3pl/e2e/shopOrders';
import { Random } from '../fixtures/3pl/random';
import type { Mutation } from '../../dev/simulator';
import type { Order } from '../../dev/simulator/state';
import { describeFailure, type Execution } from '../../dev/stack/n8nApi';
import type { OutboxMessage } from '../../dev/stack/smtpOutbox';
import { startStack, type Stack } from '../../dev/stack/stack';
import { template } from '../../dev/stack/templates';

const TRIGGER = 'Every 15 minutes';
const PARSER = 'Read the 3PL mailbox';
const BATCHER = 'Ship Batcher';
/** The id and name the template gives its IMAP credential: what n8n calls a new "3PL Mailbox (IMAP)" credential. */
const IMAP_CREDENTIAL = { id: 'threePlImapCred', name: '3PL Mailbox (IMAP) account' };

type Json = Record<string, unknown>;

/** The JSON of every item a node sent to one of its outputs on its first run; [] when it did not run. */
function outputOf(execution: Execution, nodeName: string, outputIndex = 0): Json[] {
	const run = execution.data.resultData.runData[nodeName]?.[0];
	return (run?.data?.main?.[outputIndex] ?? []).map((item) => item.json);
}

interface Shipment {
	orderId: string;
	trackingNumber?: string;
	shippingProviderId?: string;
}

function shipmentsOf(mutations: Mutation[]): Shipment[] {
	return mutations
		.flatMap((mutation): Shipment[] => {
			if (mutation.type === 'batchShip') return mutation.shipped;
			if (
				mutation.type === 'ship' ||
				mutation.type === 'markShipped' ||
				mutation.type === 'shippingInfoUpdate'
			)
				return [mutation];
			return [];
		})
		.map(({ orderId, trackingNumber, shippingProviderId }) => ({
			orderId,
			trackingNumber,
			shippingProviderId,
		}))
		.sort((a, b) => a.orderId.localeCompare(b.orderId));
}

const sourceUid = (item: Json): number =>
	Number((item.source as { uid?: number } | undefined)?.uid);

describe('workflows/3pl-email-to-ship-batcher.json in n8n 2.41.1', () => {
	const workflow = template('3pl-email-to-ship-batcher.json');
	const random = new Random(61125);
	let dovecot: DovecotServer;
	let stack: Stack;
	/** Delivered before the first run, by UID. */
	const emails = new Map<number, ConfirmationEmail>();
	let cancelled: ReportedParcel;
	let pendingOrderId: string;
	let noticeUid: number;
	let csvUid: number;
	let late: { uid: number; email: ConfirmationEmail };
	let lateNotice: { uid: number; email: ConfirmationEmail };
	let seenBeforeFirstRun: Map<number, boolean>;
	let first: { execution: Execution; mutations: Mutation[]; mails: OutboxMessage[] };
	let second: { execution: Execution; mutations: Mutation[]; mails: OutboxMessage[] };
	let third: { execution: Execution; mutations: Mutation[]; mails: OutboxMessage[] };
	let seenAfterFirstRun: Map<number, boolean>;
	let seenAfterSecondRun: Map<number, boolean>;

	const shippedParcels = (): ReportedParcel[] =>
		[...emails.values()].flatMap((email) => email.parcels).filter((item) => item !== cancelled);
	const expectedShipments = (parcels: ReportedParcel[]): Shipment[] =>
		parcels
			.map((item) => ({
				orderId: item.orderId,
				trackingNumber: item.trackingNumber,
				shippingProviderId: providerId(stack.simulator.state, item.carrier),
			}))
			.sort((a, b) => a.orderId.localeCompare(b.orderId));

	async function seenFlags(): Promise<Map<number, boolean>> {
		const client = await dovecot.client();
		try {
			await client.mailboxOpen('INBOX');
			const flags = new Map<number, boolean>();
			for await (const message of client.fetch('1:*', { uid: true, flags: true }))
				flags.set(message.uid, message.flags?.has('\\Seen') ?? false);
			return flags;
		} finally {
			await client.logout();
		}
	}

	async function run(): Promise<{
		execution: Execution;
		mutations: Mutation[];
		mails: OutboxMessage[];
	}> {
		const mutationsBefore = stack.simulator.mutations.length;
		const mailsBefore = stack.outbox.messages.length;
		const execution = await stack.api.waitForExecution(
			await stack.api.runManually(workflow.id, TRIGGER),
		);
		if (execution.status !== 'success') throw new Error(describeFailure(execution));
		// The Send Email node finishes only after the outbox accepted the mail, so it is here once the run ended.
		return {
			execution,
			mutations: stack.simulator.mutations.slice(mutationsBefore),
			mails: stack.outbox.messages.slice(mailsBefore),
		};
	}

	beforeAll(async () => {
		dovecot = await startDovecot();
		stack = await startStack({
			setupOwner: true,
			publish: [workflow.id],
			credentials: [
				{
					...IMAP_CREDENTIAL,
					type: 'threePlImap',
					data: {
						host: dovecot.host,
						port: dovecot.port,
						secure: false,
						user: dovecot.user,
						password: dovecot.password,
						allowUnauthorizedCerts: false,
					},
				},
			],
		});
		const state = stack.simulator.state;
		const orders = shippableOrders(state, 0, 11).withoutPackage;
		const cancelledOrder = state.orders.find(
			(order: Order) => order.status === 'CANCELLED' && order.shipping_type === 'SELLER',
		);
		if (!cancelledOrder) throw new Error('The seeded shop has no cancelled seller-shipped order');
		cancelled = parcel(cancelledOrder.id, 'fedex', random);
		pendingOrderId = orders[6].id;

		const deliver = async (email: ConfirmationEmail) => {
			const uid = await dovecot.deliver(email.raw);
			emails.set(uid, email);
			return uid;
		};
		await deliver(bodyTextConfirmation(parcel(orders[0].id, 'ups', random), random));
		await deliver(
			pdfAttachmentConfirmation(
				[parcel(orders[1].id, 'usps', random), parcel(orders[2].id, 'fedex', random)],
				random,
			),
		);
		csvUid = await deliver(
			csvAttachmentConfirmation(
				[parcel(orders[3].id, 'ups', random), parcel(orders[4].id, 'amazon', random), cancelled],
				pendingOrderId,
				random,
			),
		);
		await deliver(
			xlsxAttachmentConfirmation(
				[parcel(orders[9].id, 'fedex', random), parcel(orders[10].id, 'usps', random)],
				random,
			),
		);
		noticeUid = await deliver(noTrackingNotice(orders[5].id, random));
		seenBeforeFirstRun = await seenFlags();

		first = await run();
		seenAfterFirstRun = await seenFlags();

		// Someone opens the first confirmation and marks it unread again; a new confirmation and a new notice arrive.
		const client = await dovecot.client();
		try {
			await client.mailboxOpen('INBOX');
			await client.messageFlagsRemove(String(Math.min(...emails.keys())), ['\\Seen'], {
				uid: true,
			});
		} finally {
			await client.logout();
		}
		const lateEmail = bodyTextConfirmation(parcel(orders[7].id, 'usps', random), random);
		late = { uid: await dovecot.deliver(lateEmail.raw), email: lateEmail };
		const lateNoticeEmail = noTrackingNotice(orders[8].id, random);
		lateNotice = { uid: await dovecot.deliver(lateNoticeEmail.raw), email: lateNoticeEmail };
		second = await run();
		seenAfterSecondRun = await seenFlags();
		third = await run();
	});

	afterAll(async () => {
		await stack?.stop();
		await dovecot?.stop();
	});

	it('is imported with the IMAP credential and active', async () => {
		expect(stack.published).toContain(workflow.id);
		expect((await stack.api.workflow(workflow.id)).active).toBe(true);
	});

	it('reads every parcel of the body text, the PDF, the CSV and the Excel attachment, each tagged with its email', () => {
		const rows = outputOf(first.execution, PARSER, 0);
		const expected = [...emails.entries()].flatMap(([uid, email]) =>
			email.parcels.map((item) => ({ uid, order: item.orderId, tracking: item.trackingNumber })),
		);
		const found = rows.map((row) => ({
			uid: sourceUid(row),
			order: String(row.order_id),
			tracking: String(row.tracking_number),
		}));
		const key = (entry: { order: string }) => entry.order;
		expect(found.sort((a, b) => key(a).localeCompare(key(b)))).toEqual(
			expected.sort((a, b) => key(a).localeCompare(key(b))),
		);
	});

	it('ships exactly the parcels of open orders, with their tracking numbers and shipping providers', () => {
		expect(shipmentsOf(first.mutations)).toEqual(expectedShipments(shippedParcels()));
		for (const item of shippedParcels()) {
			expect(stack.simulator.state.orders.find((order) => order.id === item.orderId)).toMatchObject(
				{ status: 'IN_TRANSIT', tracking_number: item.trackingNumber },
			);
		}
		expect(
			outputOf(first.execution, BATCHER, 0)
				.map((item) => item.order_id)
				.sort(),
		).toEqual(
			shippedParcels()
				.map((item) => item.orderId)
				.sort(),
		);
	});

	it('sends what a person must handle to attention: the email without tracking, the unlabelled CSV row and the cancelled order', () => {
		const unparsed = outputOf(first.execution, PARSER, 1);
		expect(unparsed.map((entry) => [sourceUid(entry), entry.code]).sort()).toEqual(
			[
				[csvUid, 'missing_tracking_number'],
				[noticeUid, 'no_tracking_found'],
			].sort(),
		);
		const refused = outputOf(first.execution, BATCHER, 1);
		expect(refused).toEqual([
			expect.objectContaining({
				order_id: cancelled.orderId,
				tracking_number: cancelled.trackingNumber,
				reason: 'order_cancelled',
			}),
		]);
	});

	it('emails the operations team once, listing exactly those three problems', () => {
		expect(first.mails).toHaveLength(1);
		const [mail] = first.mails;
		expect(mail.to).toBe('operations@example.com');
		expect(mail.subject).toMatch(
			/^3 3PL shipments not uploaded to TikTok Shop(: (\d+ past the ship-by time|\d+ due within 12 h)(, \d+ due within 12 h)?)?$/,
		);
		const tableRows = mail.html.split(/<tr[^>]*>/).slice(2); // the intro, then the header row
		expect(tableRows).toHaveLength(3);
		const notice = emails.get(noticeUid) as ConfirmationEmail;
		// Reasons in words, in the HTML and the plain-text part; no codes.
		expect(tableRows.find((row) => row.includes('No tracking number found'))).toContain(
			notice.subject,
		);
		expect(tableRows.find((row) => row.includes('Tracking number missing'))).toContain(
			(emails.get(csvUid) as ConfirmationEmail).subject,
		);
		for (const code of ['no_tracking_found', 'missing_tracking_number', 'order_cancelled'])
			expect(mail.html + mail.text).not.toContain(code);
		expect(mail.text).toContain(`Order cancelled, order ${cancelled.orderId}`);
		expect(tableRows.find((row) => row.includes('Order cancelled'))).toEqual(
			expect.stringContaining(`<td>${cancelled.orderId}</td><td>${cancelled.trackingNumber}</td>`),
		);
		for (const item of shippedParcels()) expect(mail.html).not.toContain(item.trackingNumber);
	});

	it('marks a message seen only once its rows were output, and leaves unread mail untouched before that', () => {
		expect([...seenBeforeFirstRun.values()]).toEqual([...emails.keys()].map(() => false));
		const output = new Set(
			[...outputOf(first.execution, PARSER, 0), ...outputOf(first.execution, PARSER, 1)].map(
				sourceUid,
			),
		);
		for (const uid of emails.keys()) {
			expect(seenAfterFirstRun.get(uid)).toBe(true);
			expect(output.has(uid)).toBe(true);
		}
	});

	it('reads only the new messages on the next run, even if an old one was marked unread (UID watermark kept by n8n)', () => {
		const rows = outputOf(second.execution, PARSER, 0);
		expect(rows.map((row) => [sourceUid(row), row.order_id, row.tracking_number])).toEqual(
			late.email.parcels.map((item) => [late.uid, item.orderId, item.trackingNumber]),
		);
		expect(
			outputOf(second.execution, PARSER, 1).map((entry) => [sourceUid(entry), entry.code]),
		).toEqual([[lateNotice.uid, 'no_tracking_found']]);
		expect(shipmentsOf(second.mutations)).toEqual(expectedShipments(late.email.parcels));
		expect(seenAfterSecondRun.get(Math.min(...emails.keys()))).toBe(false); // not read again, so not touched
		expect(seenAfterSecondRun.get(late.uid)).toBe(true);
		expect(seenAfterSecondRun.get(lateNotice.uid)).toBe(true);
	});

	it('still emails when only the parser found a problem and every parcel shipped', () => {
		expect(outputOf(second.execution, BATCHER, 1)).toEqual([]);
		expect(second.mails).toHaveLength(1);
		const tableRows = second.mails[0].html.split(/<tr[^>]*>/).slice(2);
		expect(tableRows).toHaveLength(1);
		expect(tableRows[0]).toContain(lateNotice.email.subject);
		expect(tableRows[0]).toContain('No tracking number found');
	});

	it('keeps the watermark in the n8n folder, at the highest UID it output', () => {
		// N8N_USER_FOLDER/.n8n is where n8n keeps its own database: the watermark moves and survives with it.
		const db = new DatabaseSync(join(stack.setup.userFolder, '.n8n', 'tiktok-shop-ops.sqlite'), {
			readOnly: true,
		});
		try {
			const marks = db
				.prepare(`SELECT key, value FROM watermarks WHERE namespace = 'tracking-parser:imap'`)
				.all() as Array<{ key: string; value: number }>;
			expect(marks).toEqual([
				{
					key: expect.stringContaining(`${workflow.id}:`),
					value: Math.max(late.uid, lateNotice.uid),
				},
			]);
			expect(marks[0].key).toContain(`${dovecot.user}@${dovecot.host}:${dovecot.port}/INBOX#`);
		} finally {
			db.close();
		}
	});

	it('processes nothing when no new mail arrived', () => {
		expect(outputOf(third.execution, PARSER, 0)).toEqual([]);
		expect(outputOf(third.execution, PARSER, 1)).toEqual([]);
		expect(third.execution.data.resultData.runData[BATCHER]).toBeUndefined();
		expect(third.mutations).toEqual([]);
		expect(third.mails).toEqual([]);
	});
});
