import { copyFile, mkdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';

import { DateTime } from 'luxon';

import { matchRejectReason } from '../../nodes/EvidenceSubmit/v1/disputes/submit/rejectReasons';
import type { Cancellation, Mutation, Order, ReturnOrder } from '../../dev/simulator';
import {
	refundFor,
	returnLinesOf,
	RETURN_REJECT_REASONS,
} from '../../dev/simulator/seed/afterSales';
import { describeFailure, type Execution } from '../../dev/stack/n8nApi';
import type { OutboxMessage } from '../../dev/stack/smtpOutbox';
import { startStack, type Stack } from '../../dev/stack/stack';
import { template } from '../../dev/stack/templates';

const HOUR = 3600;
const PHOTOS = join(__dirname, '../fixtures/evidence/e2e');
const SCHEDULE = 'Every 4 hours';
const RECHECK = 'Re-check all open cases';
const UPLOAD = '/product/202309/images/upload';
const now = () => Math.floor(Date.now() / 1000);

type Json = Record<string, unknown>;

/** Every item on one output of a node's first run (nodeOutput reads output 0 only; Submit has three). */
function output(execution: Execution, node: string, index = 0): Json[] {
	const run = execution.data.resultData.runData[node]?.[0];
	if (!run) throw new Error(`Node "${node}" did not run. ${describeFailure(execution)}`);
	return (run.data?.main?.[index] ?? []).map((item) => item.json);
}
const ran = (execution: Execution, node: string) =>
	execution.data.resultData.runData[node] !== undefined;

describe('workflows/return-dispute-desk.json in n8n 2.41.1', () => {
	const workflow = template('return-dispute-desk.json');
	let stack: Stack;
	/** A buyer cancellation on an order already packed: the packing photo answers it, so it is submitted. */
	let packed: { order: Order; cancellation: Cancellation };
	/** "Package not received" on an order whose label was printed but never scanned by the carrier. */
	let notReceived: { order: Order; ret: ReturnOrder };
	/** A rejected return TikTok is arbitrating: no API takes evidence for it. */
	let arbitrated: { order: Order; ret: ReturnOrder };

	const evidenceFolder = (orderId: string) => join(stack.exportDir, 'evidence', orderId);
	async function putPhotos(orderId: string, files: string[]): Promise<void> {
		await mkdir(evidenceFolder(orderId), { recursive: true });
		for (const file of files)
			await copyFile(join(PHOTOS, file), join(evidenceFolder(orderId), file));
	}
	async function run(trigger: string): Promise<{
		execution: Execution;
		mutationsFrom: number;
		requestsFrom: number;
		mailsFrom: number;
	}> {
		const marks = {
			mutationsFrom: stack.simulator.mutations.length,
			requestsFrom: stack.simulator.requests.length,
			mailsFrom: stack.outbox.messages.length,
		};
		const execution = await stack.api.waitForExecution(
			await stack.api.runManually(workflow.id, trigger),
		);
		if (execution.status !== 'success') throw new Error(describeFailure(execution));
		return { execution, ...marks };
	}

	function openCancellation(order: Order, id: string): Cancellation {
		order.is_buyer_request_cancel = true;
		const cancellation: Cancellation = {
			cancel_id: id,
			order_id: order.id,
			cancel_type: 'BUYER_CANCEL',
			cancel_status: 'CANCELLATION_REQUEST_PENDING',
			role: 'BUYER',
			cancel_reason: 'ecom_order_to_ship_cancel_reason_no_longer_needed',
			cancel_reason_text: 'No longer needed',
			seller_next_action_response: [
				{ action: 'SELLER_RESPOND_CANCEL', deadline: now() + 20 * HOUR },
			],
			cancel_line_items: order.line_items.map((item, index) => ({
				cancel_line_item_id: `${id}${index}`,
				order_line_item_id: item.id,
				sku_id: item.sku_id,
				refund_amount: refundFor(order, [item]),
			})),
			refund_amount: refundFor(order, order.line_items),
			create_time: now() - 2 * HOUR,
			update_time: now() - 2 * HOUR,
		};
		stack.simulator.state.cancellations.push(cancellation);
		return cancellation;
	}

	function openReturn(
		order: Order,
		id: string,
		fields: Pick<
			ReturnOrder,
			| 'return_type'
			| 'return_status'
			| 'return_reason'
			| 'return_reason_text'
			| 'seller_next_action_response'
		> &
			Partial<ReturnOrder>,
	): ReturnOrder {
		const ret: ReturnOrder = {
			return_id: id,
			order_id: order.id,
			role: 'BUYER',
			return_line_items: returnLinesOf(order, order.line_items.slice(0, 1), () => `${id}1`),
			refund_amount: refundFor(order, order.line_items.slice(0, 1)),
			create_time: now() - 5 * HOUR,
			update_time: now() - 5 * HOUR,
			...fields,
		};
		stack.simulator.state.returns.push(ret);
		return ret;
	}

	let first: Awaited<ReturnType<typeof run>>;
	let firstMail: OutboxMessage;

	beforeAll(async () => {
		stack = await startStack({ setupOwner: true, publish: [workflow.id] });
		const { state } = stack.simulator;
		// Only this test's cases are open, so every mail and upload can be accounted for.
		state.returns.splice(0);
		state.cancellations.splice(0);
		const unshipped = state.orders.filter(
			(order) => order.status === 'AWAITING_SHIPMENT' && !order.is_on_hold_order,
		);
		const delivered = state.orders.filter((order) => order.status === 'DELIVERED');

		packed = {
			order: unshipped[0],
			cancellation: openCancellation(unshipped[0], '4035990000000000101'),
		};
		await putPhotos(packed.order.id, ['packed-label.jpg']);

		const labelOnly = unshipped[1];
		Object.assign(labelOnly, {
			status: 'AWAITING_COLLECTION',
			tracking_number: '9400111899223344556677',
			shipping_provider: 'USPS',
			rts_time: now() - 5 * 24 * HOUR,
		});
		notReceived = {
			order: labelOnly,
			ret: openReturn(labelOnly, '4035990000000000201', {
				return_type: 'REFUND',
				return_status: 'RETURN_OR_REFUND_REQUEST_PENDING',
				return_reason: 'ecom_order_delivered_refund_reason_package_not_received',
				return_reason_text: 'Package not received',
				seller_next_action_response: [
					{ action: 'SELLER_RESPOND_REQUEST', deadline: now() + 30 * HOUR },
				],
			}),
		};

		arbitrated = {
			order: delivered[0],
			ret: openReturn(delivered[0], '4035990000000000301', {
				return_type: 'RETURN_AND_REFUND',
				return_status: 'REFUND_OR_RETURN_REQUEST_REJECT',
				arbitration_status: 'IN_PROGRESS',
				return_reason: 'ecom_order_delivered_refund_and_return_reason_damaged',
				return_reason_text: 'Item damaged or defective',
				seller_next_action_response: [],
			}),
		};
		await putPhotos(arbitrated.order.id, ['listing-mug.jpg', 'chat-buyer.png']);

		first = await run(SCHEDULE);
		[firstMail] = await stack.outbox.waitFor(1, { sinceIndex: first.mailsFrom });
	});

	afterAll(async () => {
		await stack?.stop();
	});

	it('is imported with its credentials and active', async () => {
		expect((await stack.api.workflow(workflow.id)).active).toBe(true);
	});

	it('finds the three open cases once, soonest deadline first, and builds one packet per case', () => {
		const found = output(first.execution, 'New or changed cases');
		expect(found.map((item) => item.case_id)).toEqual([
			packed.cancellation.cancel_id,
			notReceived.ret.return_id,
			arbitrated.ret.return_id,
		]);
		const packets = output(first.execution, 'Build evidence packet');
		expect(packets).toHaveLength(3);
		const byCase = Object.fromEntries(packets.map((packet) => [packet.case_id, packet]));

		expect(byCase[packed.cancellation.cancel_id]).toMatchObject({
			claim_type: 'CANCELLATION_ALREADY_PACKED',
			verdict: 'ready',
			submission: { channel: 'api' },
		});
		expect(byCase[packed.cancellation.cancel_id].images).toEqual([
			expect.objectContaining({
				file_name: 'packed-label.jpg',
				kind: 'packing',
				capture_source: 'exif',
				captured_at: '2026-11-18T15:42:07-05:00',
			}),
		]);

		// The scans came from TikTok's own tracking of the order: a label, and no carrier scan.
		const inr = byCase[notReceived.ret.return_id];
		expect(stack.simulator.requests).toContainEqual(
			expect.objectContaining({
				path: `/fulfillment/202309/orders/${notReceived.order.id}/tracking`,
				code: 0,
			}),
		);
		expect(inr).toMatchObject({
			claim_type: 'ITEM_NOT_RECEIVED',
			verdict: 'missing_required_evidence',
			tracking_number: '9400111899223344556677',
			carrier: 'USPS',
		});
		expect(inr.missing).toEqual(['Carrier acceptance scan', 'Delivery scan']);
		expect(inr.scan_timeline).toEqual([
			expect.objectContaining({
				kind: 'label_created',
				description: 'Shipping label created, carrier awaiting item',
			}),
		]);

		const arbitration = byCase[arbitrated.ret.return_id];
		expect(arbitration).toMatchObject({
			claim_type: 'NOT_AS_DESCRIBED_DAMAGED',
			submission: { channel: 'manual' },
			deadline: null,
		});
		expect(
			(arbitration.images as Json[]).map((image) => [image.file_name, image.kind, image.mime_type]),
		).toEqual([
			['chat-buyer.png', 'chat', 'image/png'],
			['listing-mug.jpg', 'listing', 'image/jpeg'],
		]);
	});

	it('sends only the ready, answerable packet to Submit; the rest go to the person', () => {
		const gate = 'Ready and answerable through the API?';
		expect(output(first.execution, gate, 0).map((item) => item.case_id)).toEqual([
			packed.cancellation.cancel_id,
		]);
		expect(
			output(first.execution, gate, 1)
				.map((item) => item.case_id)
				.sort(),
		).toEqual([notReceived.ret.return_id, arbitrated.ret.return_id].sort());
	});

	it('uploads the summary and the packing photo, then rejects the cancellation with reason, comment, images and an idempotency key', async () => {
		// Submit's three outputs exist in n8n and carry what the node says: one Submitted, nothing Skipped or failed.
		const runData = first.execution.data.resultData.runData['Submit to TikTok'][0];
		expect(runData.data?.main).toHaveLength(3);
		const [submitted] = output(first.execution, 'Submit to TikTok', 0);
		expect(output(first.execution, 'Submit to TikTok', 1)).toEqual([]);
		expect(output(first.execution, 'Submit to TikTok', 2)).toEqual([]);
		expect(output(first.execution, 'Submitted')).toHaveLength(1);

		const changes = stack.simulator.mutations.slice(first.mutationsFrom);
		const uploads = changes.filter(
			(change): change is Extract<Mutation, { type: 'imageUpload' }> =>
				change.type === 'imageUpload',
		);
		expect(uploads).toHaveLength(2);
		const uploadRequests = stack.simulator.requests
			.slice(first.requestsFrom)
			.filter((request) => request.path === UPLOAD);
		expect(uploadRequests.map((request) => request.body)).toEqual([
			{
				fields: { use_case: 'DESCRIPTION_IMAGE' },
				files: {
					data: {
						fileName: `evidence-cancellation-${packed.cancellation.cancel_id}.png`,
						contentType: 'image/png',
						bytes: expect.any(Number),
					},
				},
			},
			{
				fields: { use_case: 'DESCRIPTION_IMAGE' },
				files: {
					data: {
						fileName: 'packed-label.jpg',
						contentType: 'image/jpeg',
						bytes: (await readFile(join(PHOTOS, 'packed-label.jpg'))).length,
					},
				},
			},
		]);
		expect(uploadRequests.every((request) => request.query.shop_cipher === undefined)).toBe(true);

		const rejects = changes.filter(
			(change) => change.type === 'cancellationReject' || change.type === 'returnReject',
		);
		expect(rejects).toEqual([
			expect.objectContaining({
				type: 'cancellationReject',
				cancelId: packed.cancellation.cancel_id,
				rejectReason: 'seller_reject_apply_product_has_been_packed',
				imageIds: uploads.map((upload) => upload.uri),
				idempotencyKey: expect.stringMatching(/^n8n-[0-9a-f]{40}$/),
			}),
		]);
		const rejectRequest = stack.simulator.requests.find(
			(request) =>
				request.path ===
				`/return_refund/202309/cancellations/${packed.cancellation.cancel_id}/reject`,
		);
		const body = rejectRequest?.body as { comment: string; images: Json[]; reject_reason: string };
		expect(body.comment).toMatch(/packed/i);
		expect(body.comment.length).toBeLessThanOrEqual(500);
		expect(body.images).toEqual(
			uploads.map((upload) => ({
				image_id: upload.uri,
				mime_type: expect.stringMatching(/^image\//),
				width: upload.width,
				height: upload.height,
			})),
		);
		expect(submitted).toMatchObject({
			case_id: packed.cancellation.cancel_id,
			reject_reason: body.reject_reason,
			comment: body.comment,
			idempotency_key: rejectRequest?.query.idempotency_key,
		});
		expect(packed.cancellation.cancel_status).toBe('CANCELLATION_REQUEST_CANCEL');
		// Nothing was sent for the other two cases.
		expect(notReceived.ret.return_status).toBe('RETURN_OR_REFUND_REQUEST_PENDING');
		expect(arbitrated.ret.return_status).toBe('REFUND_OR_RETURN_REQUEST_REJECT');
	});

	it('emails one message with what is missing per case, the deadline, and the rendered summaries', () => {
		expect(stack.outbox.messages.slice(first.mailsFrom)).toHaveLength(1);
		// 30 hours and no deadline: nothing overdue or due within 24 h to count in the subject.
		expect(firstMail.subject).toBe('2 TikTok Shop return/cancellation cases need your answer');
		const rows = firstMail.html.split(/<tr[^>]*>/).slice(2);
		const rowOf = (id: string) => rows.find((row) => row.includes(id)) ?? '';
		expect(rows).toHaveLength(2);

		const inr = rowOf(notReceived.ret.return_id);
		expect(inr).toContain('Carrier acceptance scan; Delivery scan');
		expect(inr).toContain('the carrier never scanned the parcel');
		// The deadline in the seller's zone (Settings), in both parts, never as a UTC ISO string.
		const deadline = DateTime.fromSeconds(notReceived.ret.seller_next_action_response[0].deadline)
			.setZone('America/Los_Angeles')
			.toFormat('ccc, LLL d, h:mm a ZZZZ');
		expect(inr).toContain(deadline);
		expect(firstMail.text).toContain(`Respond by ${deadline} (`);
		expect(firstMail.html + firstMail.text).not.toMatch(/\d{4}-\d\d-\d\dT\d\d:/);
		expect(inr).toContain('Return 4035990000000000201');
		expect(inr).toContain(notReceived.order.id);

		const arbitration = rowOf(arbitrated.ret.return_id);
		expect(arbitration).toContain('No API takes this answer');
		expect(arbitration).toContain('Seller Center');
		expect(arbitration).toContain('no deadline');
		expect(firstMail.html).not.toContain(packed.cancellation.cancel_id);

		const attachments = firstMail.attachments
			.map((attachment) => [attachment.filename, attachment.contentType])
			.sort();
		expect(attachments).toEqual(
			[
				[`evidence-return-${arbitrated.ret.return_id}.pdf`, 'application/pdf'],
				[`evidence-return-${arbitrated.ret.return_id}.png`, 'image/png'],
				[`evidence-return-${notReceived.ret.return_id}.pdf`, 'application/pdf'],
				[`evidence-return-${notReceived.ret.return_id}.png`, 'image/png'],
			].sort(),
		);
		for (const attachment of firstMail.attachments) {
			const magic = attachment.contentType === 'application/pdf' ? '%PDF-' : '\x89PNG';
			expect(attachment.content.subarray(0, magic.length).toString('latin1')).toBe(magic);
		}
	});

	it('on the next scheduled run emits no case again and submits or mails nothing', async () => {
		const second = await run(SCHEDULE);
		expect(output(second.execution, 'New or changed cases')).toEqual([]);
		expect(ran(second.execution, 'Get the order')).toBe(false);
		expect(stack.simulator.mutations.slice(second.mutationsFrom)).toEqual([]);
		expect(
			stack.simulator.requests
				.slice(second.requestsFrom)
				.filter((request) => request.path === UPLOAD || request.path.endsWith('/reject')),
		).toEqual([]);
		expect(stack.outbox.messages.slice(second.mailsFrom)).toEqual([]);
	});

	it('re-checks every open case by hand: never submits twice, and routes Skipped and Error to the mail', async () => {
		// The carrier finally scanned and delivered the parcel, and the seller added the porch photo.
		Object.assign(notReceived.order, { status: 'DELIVERED', delivery_time: now() - 24 * HOUR });
		await putPhotos(notReceived.order.id, ['pod-porch.jpg']);
		// A second packed order whose reject TikTok keeps failing.
		const failing = stack.simulator.state.orders.filter(
			(order) =>
				order.status === 'AWAITING_SHIPMENT' &&
				!order.is_on_hold_order &&
				!order.is_buyer_request_cancel,
		)[0];
		const refused = openCancellation(failing, '4035990000000000401');
		await putPhotos(failing.id, ['packed-label.jpg']);
		stack.simulator.faults.inject({
			pathPattern: `/cancellations/${refused.cancel_id}/reject`,
			kind: '5xx',
		});
		try {
			const third = await run(RECHECK);
			const found = output(third.execution, 'All open cases').map((item) => item.case_id);
			// The cancellation answered on the first run no longer waits for the seller.
			expect(found.sort()).toEqual(
				[refused.cancel_id, notReceived.ret.return_id, arbitrated.ret.return_id].sort(),
			);

			const inr = output(third.execution, 'Build evidence packet').find(
				(packet) => packet.case_id === notReceived.ret.return_id,
			);
			expect(inr).toMatchObject({ verdict: 'ready', missing: [] });
			const gateTrue = output(third.execution, 'Ready and answerable through the API?', 0).map(
				(item) => item.case_id,
			);
			expect(gateTrue.sort()).toEqual([refused.cancel_id, notReceived.ret.return_id].sort());

			const changes = stack.simulator.mutations.slice(third.mutationsFrom);
			expect(
				changes.filter(
					(change) =>
						change.type === 'cancellationReject' &&
						change.cancelId === packed.cancellation.cancel_id,
				),
			).toEqual([]);
			const [failed] = output(third.execution, 'Submit to TikTok', 2);
			expect(failed).toMatchObject({ case_id: refused.cancel_id, case_type: 'cancellation' });
			expect(refused.cancel_status).toBe('CANCELLATION_REQUEST_PENDING');

			const [mail] = await stack.outbox.waitFor(1, { sinceIndex: third.mailsFrom });
			expect(mail.html).toContain(refused.cancel_id);
			expect(mail.html).toContain('Submitting failed');
			// The simulator's reject reasons decide whether "delivered" can be answered through the API.
			const reason = matchRejectReason('ITEM_NOT_RECEIVED', RETURN_REJECT_REASONS);
			if (reason) {
				expect(changes).toContainEqual(
					expect.objectContaining({
						type: 'returnReject',
						returnId: notReceived.ret.return_id,
						rejectReason: reason.name,
					}),
				);
				expect(mail.html).not.toContain(notReceived.ret.return_id);
			} else {
				const [skipped] = output(third.execution, 'Submit to TikTok', 1);
				expect(skipped).toMatchObject({
					case_id: notReceived.ret.return_id,
					skipped_reason: expect.stringContaining("None of TikTok's reject reasons"),
				});
				expect(changes.filter((change) => change.type === 'returnReject')).toEqual([]);
				expect(mail.html).toContain(notReceived.ret.return_id);
				expect(mail.html).toContain("Not submitted: None of TikTok's reject reasons");
			}
			expect(mail.html).toContain(arbitrated.ret.return_id);
		} finally {
			stack.simulator.faults.clear();
		}
	});
});
