import type { IDataObject, INodeExecutionData } from 'n8n-workflow';

import { claimTypeOf } from '../../../nodes/EvidenceSubmit/v1/disputes/cases/claimTypes';
import { factsOfItem } from '../../../nodes/EvidenceSubmit/v1/disputes/cases/caseFacts';
import { MAX_COMMENT_LENGTH } from '../../../nodes/EvidenceSubmit/v1/disputes/packet/comment';
import {
	checkWeights,
	parseWeightGrams,
} from '../../../nodes/EvidenceSubmit/v1/disputes/packet/weights';
import {
	fixture,
	HOUR,
	nowSeconds,
	photo,
	returnCase,
	runEvidence,
	withFiles,
} from './evidenceHarness';

const DRIVE = 'https://drive.google.com/file/d/1aBcD_packing-4035/view';

async function buildOne(
	caseJson: IDataObject,
	evidence: IDataObject,
	options: {
		claimType?: string;
		files?: INodeExecutionData['binary'];
		packetOptions?: IDataObject;
	} = {},
) {
	const item: INodeExecutionData = { json: caseJson, binary: options.files };
	const [out] = await runEvidence({
		items: [item],
		parameters: {
			operation: 'buildPacket',
			caseData: caseJson,
			claimType: options.claimType ?? 'auto',
			poolByCase: true,
			evidence,
			packetOptions: options.packetOptions ?? {},
		},
	});
	expect(out).toHaveLength(1);
	return out[0];
}

const line = (packet: INodeExecutionData, piece: string) =>
	(packet.json.checklist as IDataObject[]).find((entry) => entry.piece === piece)!;

describe('claim types from TikTok reason codes', () => {
	it.each([
		[
			'ecom_order_delivered_refund_reason_not_received',
			'Package not received',
			'ITEM_NOT_RECEIVED',
		],
		[
			'ecom_order_delivered_refund_and_return_reason_damaged',
			'Item damaged or defective',
			'NOT_AS_DESCRIBED_DAMAGED',
		],
		[
			'ecom_order_delivered_refund_reason_missing_item',
			'Package missing items',
			'NOT_AS_DESCRIBED_MISSING_PARTS',
		],
		[
			'ecom_order_delivered_refund_and_return_reason_not_as_described',
			'Not as described',
			'NOT_AS_DESCRIBED',
		],
		[
			'ecom_order_delivered_refund_and_return_reason_wrong_item',
			'Received the wrong item',
			'NOT_AS_DESCRIBED_WRONG_ITEM',
		],
		[
			'ecom_order_delivered_refund_and_return_reason_used',
			'Item is used or not new',
			'NOT_AS_DESCRIBED_USED',
		],
		['ecom_order_delivered_refund_and_return_reason_wrong_size', 'Wrong size', 'BUYER_REMORSE'],
		[
			'ecom_order_to_ship_cancel_reason_wrong_address',
			'Need to change shipping address',
			'SHIPPING_ADDRESS_ERROR',
		],
	])('%s → %s', (reason, text, claim) => {
		expect(claimTypeOf(factsOfItem(returnCase({ reason, reason_text: text }))!)).toBe(claim);
	});

	it('a returned package waiting for the seller defaults to "returned item not received", a cancellation to "already packed"', () => {
		expect(
			claimTypeOf(
				factsOfItem(
					returnCase({
						status: 'BUYER_SHIPPED_ITEM',
						seller_next_action_response: [
							{ action: 'SELLER_RESPOND_RECEIVE_PACKAGE', deadline: nowSeconds() + HOUR },
						],
					}),
				)!,
			),
		).toBe('RETURN_NOT_RECEIVED');
		expect(
			claimTypeOf(
				factsOfItem({ cancel_id: '4035000000000000001', order_id: '5766', cancel_reason: 'x' })!,
			),
		).toBe('CANCELLATION_ALREADY_PACKED');
	});
});

describe('item not received', () => {
	it('with an acceptance scan, a delivery scan and a proof-of-delivery photo the packet is ready, and the comment answers the reason', async () => {
		const pod = await photo({ taken: '2026-11-22T13:03:10', offset: '-06:00' });
		const packet = await buildOne(
			returnCase(),
			{
				trackingNumber: '9400111899223344556677',
				carrier: 'USPS',
				scanEvents: fixture('usps-delivered-scans.json'),
			},
			{ files: withFiles({}, { data: { data: pod, fileName: 'pod-front-door.jpg' } }).binary },
		);
		expect(packet.json.verdict).toBe('ready');
		expect(packet.json.claim_type).toBe('ITEM_NOT_RECEIVED');
		expect(
			(packet.json.checklist as IDataObject[]).map((entry) => [
				entry.piece,
				entry.required,
				entry.present,
			]),
		).toEqual([
			['tracking_number', true, true],
			['acceptance_scan', true, true],
			['delivery_scan', true, true],
			['proof_of_delivery_photo', false, true],
		]);
		expect(line(packet, 'acceptance_scan').detail).toContain('Accepted at USPS Origin Facility');
		expect(line(packet, 'delivery_scan').detail).toContain('Delivered, Front Door/Porch');
		expect(packet.json.submission).toMatchObject({ channel: 'api', decision: 'REJECT_REFUND' });
		const comment = packet.json.comment as string;
		expect(comment).toBe(
			'The order was delivered. Shipped with USPS 9400111899223344556677, accepted by the carrier 2026-11-19 19:08 in COLUMBUS, OH 43219, delivered 2026-11-22 13:02 in AUSTIN, TX 78704. 1 proof-of-delivery photo attached. Evidence summary attached.',
		);
		expect(packet.json.deadline_passed).toBe(false);
		expect(packet.json.time_left_hours as number).toBeGreaterThan(29);
		expect(packet.json.time_left_hours as number).toBeLessThanOrEqual(30);
	});

	it('"Shipped" with no carrier acceptance scan is not evidence: the packet says so and is not ready', async () => {
		const packet = await buildOne(returnCase(), {
			trackingNumber: '9400111899223344556677',
			carrier: 'USPS',
			scanEvents: fixture('label-only-scans.json'),
		});
		expect(packet.json.verdict).toBe('missing_required_evidence');
		const acceptance = line(packet, 'acceptance_scan');
		expect(acceptance.present).toBe(false);
		expect(acceptance.detail).toContain('"Shipped"');
		expect(acceptance.detail).toContain('is not evidence');
		expect(packet.json.missing).toEqual(['Carrier acceptance scan', 'Delivery scan']);
		expect(packet.json.next_step).toContain('Accepted at USPS Origin Facility');
	});

	it('an in-transit scan without an explicit acceptance still proves the carrier had the parcel, and says so', async () => {
		const scans = JSON.parse(fixture('usps-delivered-scans.json')).filter(
			(scan: IDataObject) => !String(scan.description).startsWith('Accepted'),
		);
		const packet = await buildOne(returnCase(), {
			trackingNumber: '9400111899223344556677',
			scanEvents: scans,
		});
		expect(line(packet, 'acceptance_scan')).toMatchObject({ present: true });
		expect(line(packet, 'acceptance_scan').detail).toContain('no explicit acceptance scan');
	});
});

describe('not as described', () => {
	const damaged = returnCase({
		reason: 'ecom_order_delivered_refund_and_return_reason_damaged',
		reason_text: 'Item damaged or defective',
		return_type: 'RETURN_AND_REFUND',
	});

	it('listing images with EXIF dates, a Google Drive packing video and the shipped weight make it ready', async () => {
		const listing = await photo({ taken: '2026-09-02T10:15:00' });
		const packet = await buildOne(
			damaged,
			{ packingVideoUrl: DRIVE, shippedWeight: '2.4 lb' },
			{ files: withFiles({}, { data: { data: listing, fileName: 'listing-main.jpg' } }).binary },
		);
		expect(packet.json.verdict).toBe('ready');
		expect(
			(packet.json.checklist as IDataObject[]).map((entry) => [
				entry.piece,
				entry.required,
				entry.present,
			]),
		).toEqual([
			['listing_images', true, true],
			['packing_video', true, true],
			['shipped_weight', false, true],
			['packed_photo', false, false],
		]);
		expect(line(packet, 'listing_images').detail).toBe(
			'listing-main.jpg (taken 2026-09-02T10:15:00)',
		);
		expect(packet.json.submission).toMatchObject({ decision: 'REJECT_RETURN' });
		expect(packet.json.comment).toContain(DRIVE);
		expect(packet.json.comment).toContain('Shipped weight 1089 g.');
	});

	it('a YouTube packing video and listing images without dates leave it missing required evidence; the listing upload date fixes the dates', async () => {
		const listing = await photo();
		const files = withFiles({}, { data: { data: listing, fileName: 'listing-main.jpg' } }).binary;
		const packet = await buildOne(
			damaged,
			{ packingVideoUrl: 'https://www.youtube.com/watch?v=abc' },
			{ files },
		);
		expect(packet.json.verdict).toBe('missing_required_evidence');
		expect(line(packet, 'packing_video').detail).toContain('www.youtube.com is not a host');
		expect(line(packet, 'listing_images')).toMatchObject({ present: false });
		const dated = await buildOne(
			damaged,
			{ packingVideoUrl: 'https://vimeo.com/912345678', listingUploadedAt: '2026-08-30T00:00:00Z' },
			{ files },
		);
		expect(dated.json.verdict).toBe('ready');
		expect((dated.json.images as IDataObject[])[0]).toMatchObject({
			captured_at: '2026-08-30T00:00:00Z',
			capture_source: 'listing_upload_date',
		});
	});

	it('missing parts needs the packing video and the weight at shipment', async () => {
		const missing = returnCase({
			reason: 'ecom_order_delivered_refund_reason_missing_item',
			reason_text: 'Package missing items',
		});
		const packet = await buildOne(missing, { packingVideoUrl: DRIVE });
		expect(packet.json.claim_type).toBe('NOT_AS_DESCRIBED_MISSING_PARTS');
		expect(packet.json.missing).toEqual(['Weight at shipment']);
		expect(
			(await buildOne(missing, { packingVideoUrl: DRIVE, shippedWeight: '1 lb 3 oz' })).json
				.verdict,
		).toBe('ready');
	});
});

describe('returned packages and the weight check', () => {
	const returned = returnCase({
		return_type: 'RETURN_AND_REFUND',
		status: 'BUYER_SHIPPED_ITEM',
		seller_next_action_response: [
			{ action: 'SELLER_RESPOND_RECEIVE_PACKAGE', deadline: nowSeconds() + 20 * HOUR },
		],
		return_tracking_number: '9202090153540012345678',
		return_provider_name: 'USPS',
	});

	it('weights parse from US and metric units into whole grams', () => {
		expect(parseWeightGrams('1.2 lb', 'lb', 'w')).toBe(544);
		expect(parseWeightGrams('1 lb 3 oz', 'lb', 'w')).toBe(539);
		expect(parseWeightGrams('540 g', 'lb', 'w')).toBe(540);
		expect(parseWeightGrams('0.54 kg', 'lb', 'w')).toBe(540);
		expect(parseWeightGrams('19', 'oz', 'w')).toBe(539);
		expect(() => parseWeightGrams('1.2 stone', 'lb', 'Shipped Weight')).toThrow(
			'unknown unit "stone"',
		);
	});

	it('a mismatch over the threshold (30 % by default) is flagged for fraud review; at the threshold it is not', () => {
		expect(checkWeights(1000, 690, 30)).toMatchObject({
			differencePercent: 31,
			mismatch: true,
			flaggedForFraudReview: true,
		});
		expect(checkWeights(1000, 700, 30)).toMatchObject({
			differencePercent: 30,
			mismatch: false,
			flaggedForFraudReview: false,
		});
		expect(checkWeights(1000, 1400, 30)).toMatchObject({
			differencePercent: -40,
			mismatch: true,
			flaggedForFraudReview: false,
		});
		expect(checkWeights(1000, 850, 10)).toMatchObject({
			differencePercent: 15,
			flaggedForFraudReview: true,
		});
		expect(checkWeights(1000, undefined, 30).message).toContain('the weight at return receipt');
	});

	it('an empty box: shipped 1.2 lb, returned 0.3 lb, opened-box photo → ready and flagged', async () => {
		const opened = await photo({ taken: '2026-11-24T09:12:00' });
		const packet = await buildOne(
			returned,
			{ shippedWeight: '1.2 lb', returnedWeight: '0.3 lb' },
			{
				claimType: 'RETURN_EMPTY_BOX',
				files: withFiles({}, { data: { data: opened, fileName: 'opened-return-box.jpg' } }).binary,
			},
		);
		expect(packet.json.verdict).toBe('ready');
		expect(packet.json.weight_check).toMatchObject({
			shipped_grams: 544,
			returned_grams: 136,
			difference_percent: 75,
			flagged_for_fraud_review: true,
			threshold_percent: 30,
		});
		expect(packet.json.submission).toMatchObject({
			channel: 'api',
			decision: 'REJECT_RECEIVED_PACKAGE',
		});
		expect(packet.json.comment).toBe(
			'The return arrived without the item. Shipped at 544 g, returned at 136 g (75% lighter). 1 photo of the opened box attached. Evidence summary attached.',
		);
	});

	it('weights within the threshold do not support an empty-box claim; a tighter threshold does', async () => {
		const opened = await photo();
		const files = withFiles(
			{},
			{ data: { data: opened, fileName: 'opened-return-box.jpg' } },
		).binary;
		const within = await buildOne(
			returned,
			{ shippedWeight: '1.2 lb', returnedWeight: '1.0 lb' },
			{ claimType: 'RETURN_EMPTY_BOX', files },
		);
		expect(within.json.verdict).toBe('not_worth_disputing');
		expect(within.json.verdict_reason).toContain('do not show an empty box');
		const tight = await buildOne(
			returned,
			{ shippedWeight: '1.2 lb', returnedWeight: '1.0 lb' },
			{ claimType: 'RETURN_EMPTY_BOX', files, packetOptions: { weightThresholdPercent: 10 } },
		);
		expect(tight.json.verdict).toBe('ready');
	});

	it('returned item not received: the return tracking history is the required piece', async () => {
		const packet = await buildOne(returned, {});
		expect(packet.json.claim_type).toBe('RETURN_NOT_RECEIVED');
		expect(line(packet, 'return_tracking_events').detail).toContain('USPS 9202090153540012345678');
		const withScans = await buildOne(returned, {
			returnScanEvents: [
				{
					time: '2026-11-12T15:00:00-05:00',
					description: 'USPS in possession of item',
					location: 'DENVER, CO',
				},
			],
		});
		expect(withScans.json.verdict).toBe('ready');
		expect(line(withScans, 'return_tracking_events').detail).toContain('Not delivered');
	});
});

describe('verdicts that stop a dispute, and where no API exists', () => {
	it('change of mind is not worth disputing and gets no comment', async () => {
		const packet = await buildOne(
			returnCase({
				reason: 'ecom_order_delivered_refund_and_return_reason_wrong_size',
				reason_text: 'Wrong size',
			}),
			{},
		);
		expect(packet.json).toMatchObject({ verdict: 'not_worth_disputing', comment: '' });
		expect(packet.json.next_step).toContain('Return > Approve');
	});

	it('a deadline already past gives a verdict that says what to do', async () => {
		const late = returnCase({
			seller_next_action_response: [
				{ action: 'SELLER_RESPOND_REQUEST', deadline: nowSeconds() - 5 * HOUR },
			],
		});
		const packet = await buildOne(late, {
			trackingNumber: '9400111899223344556677',
			scanEvents: fixture('usps-delivered-scans.json'),
		});
		expect(packet.json).toMatchObject({ verdict: 'not_worth_disputing', deadline_passed: true });
		expect(packet.json.time_left).toMatch(/^overdue by 5 h/);
		expect(packet.json.next_step).toContain('Seller Center');
	});

	it('a refund below the minimum worth disputing is not worth it', async () => {
		const packet = await buildOne(
			returnCase({ refund_total: '8.99' }),
			{
				trackingNumber: '9400111899223344556677',
				scanEvents: fixture('usps-delivered-scans.json'),
			},
			{ packetOptions: { minimumRefund: '15.00' } },
		);
		expect(packet.json.verdict).toBe('not_worth_disputing');
		expect(packet.json.verdict_reason).toContain('(8.99) is below your minimum');
	});

	it('arbitration and chargebacks are for a manual upload, and the packet says so plainly', async () => {
		const arbitration = await buildOne(
			returnCase({
				status: 'REFUND_OR_RETURN_REQUEST_REJECT',
				arbitration_status: 'IN_PROGRESS',
				seller_next_action_response: [],
			}),
			{
				trackingNumber: '9400111899223344556677',
				scanEvents: fixture('usps-delivered-scans.json'),
			},
		);
		expect(arbitration.json.submission).toMatchObject({ channel: 'manual' });
		expect((arbitration.json.submission as IDataObject).how).toContain('no appeal endpoint');
		expect(arbitration.json.next_step).toContain('by hand in Seller Center');
		const chargeback = await buildOne(
			{
				case_id: 'CB-20261124-7781',
				case_type: 'chargeback',
				order_id: '576684019603311999',
				reason_text: 'Unauthorized transaction',
				refund_total: '129.00',
			},
			{
				shippedToAddress: '77 Lake Shore Dr, Chicago, IL 60611',
				scanEvents: fixture('usps-delivered-scans.json'),
			},
		);
		expect(chargeback.json).toMatchObject({
			claim_type: 'UNAUTHORIZED_TRANSACTION',
			verdict: 'ready',
		});
		expect((chargeback.json.submission as IDataObject).how).toContain('no chargeback endpoint');
	});

	it('a cancellation after packing needs a photo of the packed parcel; its reject carries no decision', async () => {
		const cancellation = {
			cancel_id: '4035119988776655443',
			order_id: '576684019603300001',
			cancel_status: 'CANCELLATION_REQUEST_PENDING',
			cancel_reason_text: 'No longer needed',
			seller_next_action_response: [
				{ action: 'SELLER_RESPOND_CANCEL', deadline: nowSeconds() + 6 * HOUR },
			],
		};
		const missing = await buildOne(cancellation, {});
		expect(missing.json.missing).toEqual(['Photo of the packed, labelled parcel']);
		const packed = await buildOne(
			cancellation,
			{},
			{
				files: withFiles({}, { data: { data: await photo(), fileName: 'packed-label-5766.jpg' } })
					.binary,
			},
		);
		expect(packed.json).toMatchObject({
			verdict: 'ready',
			case_type: 'cancellation',
			submission: { channel: 'api', decision: null },
		});
	});

	it("comments never pass TikTok's limit, even with long notes", async () => {
		const packet = await buildOne(returnCase(), {
			trackingNumber: '9400111899223344556677',
			scanEvents: fixture('usps-delivered-scans.json'),
			notes: 'The buyer confirmed by chat that a neighbour took it in. '.repeat(20),
		});
		expect((packet.json.comment as string).length).toBeLessThanOrEqual(MAX_COMMENT_LENGTH);
		expect(packet.json.comment).toMatch(/…$/);
	});
});

describe('bad input and grouping', () => {
	it('an item without a case id is a per-item error that says what to connect (Continue On Fail), or stops the node', async () => {
		const parameters = {
			operation: 'buildPacket',
			caseData: (index: number) => [returnCase(), { order_id: '5766' }][index],
			claimType: 'auto',
			poolByCase: true,
			evidence: {},
			packetOptions: {},
		};
		const [out] = await runEvidence({
			items: [{ json: returnCase() }, { json: { order_id: '5766' } }],
			parameters,
			continueOnFail: true,
		});
		expect(out).toHaveLength(2);
		expect(out[1].json.error).toContain('no case id');
		expect(out[1].json.description).toContain('Find Cases Needing Action');
		expect(out[1].pairedItem).toEqual({ item: 1 });
		await expect(
			runEvidence({
				items: [{ json: { order_id: '5766' } }],
				parameters: { ...parameters, caseData: { order_id: '5766' } },
			}),
		).rejects.toThrow('no case id');
	});

	it('scan events that are not JSON are a per-item error naming the field', async () => {
		const [out] = await runEvidence({
			items: [{ json: returnCase() }],
			parameters: {
				operation: 'buildPacket',
				caseData: returnCase(),
				claimType: 'auto',
				poolByCase: true,
				evidence: { scanEvents: 'Accepted 11/19' },
				packetOptions: {},
			},
			continueOnFail: true,
		});
		expect(out[0].json.error).toContain('"Scan Events" is not JSON');
	});

	it('items of the same case (one per file) pool into one packet paired with all of them', async () => {
		const caseA = returnCase();
		const caseB = returnCase({ case_id: '4035224719835199999', order_id: '576684019603399999' });
		const items = [
			withFiles(
				{ fileName: 'pod.jpg' },
				{ data: { data: await photo(), fileName: 'pod-porch.jpg' } },
			),
			withFiles(
				{ fileName: 'other.jpg' },
				{ data: { data: await photo({ color: '#334455' }), fileName: 'pod-closeup.jpg' } },
			),
			withFiles({ fileName: 'b.jpg' }, { data: { data: await photo(), fileName: 'pod-b.jpg' } }),
		];
		const [out] = await runEvidence({
			items,
			parameters: {
				operation: 'buildPacket',
				caseData: (index: number) => [caseA, caseA, caseB][index],
				claimType: 'auto',
				poolByCase: true,
				evidence: {},
				packetOptions: {},
			},
		});
		expect(out.map((item) => item.json.case_id)).toEqual([caseA.case_id, caseB.case_id]);
		expect(out[0].pairedItem).toEqual([{ item: 0 }, { item: 1 }]);
		expect(out[1].pairedItem).toEqual({ item: 2 });
		expect(
			(out[0].json.images as IDataObject[]).map((image) => [
				image.file_name,
				image.binary_property,
			]),
		).toEqual([
			['pod-porch.jpg', 'evidence_1'],
			['pod-closeup.jpg', 'evidence_2'],
		]);
		expect(Object.keys(out[0].binary!)).toEqual([
			'summary_png',
			'summary_pdf',
			'evidence_1',
			'evidence_2',
		]);
	});
});
