import { matchRejectReason } from '../../nodes/EvidenceSubmit/v1/disputes/submit/rejectReasons';
import type { TikTokShopClient } from '../../nodes/shared/tiktok/client';
import { clientFor, TINY_PNG } from '../../dev/harness/simulatorClient';
import {
	startSimulator,
	type Cancellation,
	type ReturnOrder,
	type RunningSimulator,
} from '../../dev/simulator/index';

let sim: RunningSimulator;
let client: TikTokShopClient;

beforeAll(async () => {
	sim = await startSimulator({ seed: 3, orders: 400 });
	client = clientFor(sim);
});
afterAll(() => sim.close());
beforeEach(() => sim.reset());

interface Reason {
	name: string;
	text: string;
}

const INR_REASON = 'ecom_order_delivered_refund_reason_package_not_received';
const returnWhere = (test: (ret: ReturnOrder) => boolean) => sim.state.returns.find(test)!;
const pendingReturn = (type: ReturnOrder['return_type'], inr: boolean) =>
	returnWhere(
		(r) =>
			r.return_type === type &&
			r.return_status === 'RETURN_OR_REFUND_REQUEST_PENDING' &&
			(r.return_reason === INR_REASON) === inr,
	);
/** The seed's "not received" requests are all decided already; reopen one as the buyer's fresh request. */
function openNotReceived(): ReturnOrder {
	const ret = returnWhere(
		(r) => r.return_reason === INR_REASON && r.return_status !== 'REFUND_OR_RETURN_REQUEST_REJECT',
	);
	ret.return_status = 'RETURN_OR_REFUND_REQUEST_PENDING';
	ret.seller_next_action_response = [
		{ action: 'SELLER_RESPOND_REQUEST', deadline: Math.floor(Date.now() / 1000) + 86400 },
	];
	return ret;
}
const pendingCancellation = (): Cancellation =>
	sim.state.cancellations.find((c) => c.cancel_status === 'CANCELLATION_REQUEST_PENDING')!;

async function reasonsFor(id: string): Promise<Reason[]> {
	const { data } = await client.get<{ reasons: Reason[] }>('/return_refund/202309/reject_reasons', {
		return_or_cancel_id: id,
	});
	return data.reasons;
}
const names = (reasons: Reason[]) => reasons.map((reason) => reason.name);

async function upload(): Promise<{ uri: string; width: number; height: number }> {
	const { data } = await client.request<{ uri: string; width: number; height: number }>({
		method: 'POST',
		path: '/product/202309/images/upload',
		multipart: {
			file: { fieldName: 'data', fileName: 'pod.png', contentType: 'image/png', data: TINY_PNG },
		},
	});
	return data;
}

describe('GET reject_reasons depends on the case', () => {
	it('the seeded shop has refund-only "package not received" requests', () => {
		const inr = sim.state.returns.filter((r) => r.return_reason === INR_REASON);
		expect(inr.length).toBeGreaterThan(0);
		expect(inr.every((r) => r.return_type === 'REFUND')).toBe(true);
	});

	it('a refund-only "not received" request can be answered with "delivered" or a wrong buyer address, and the node finds them', async () => {
		const reasons = await reasonsFor(openNotReceived().return_id);
		expect(names(reasons)).toEqual(
			expect.arrayContaining([
				'seller_reject_apply_package_delivered',
				'seller_reject_apply_buyer_wrong_address',
			]),
		);
		expect(
			reasons.find((reason) => reason.name === 'seller_reject_apply_package_delivered')?.text,
		).toMatch(/delivered/i);
		expect(matchRejectReason('ITEM_NOT_RECEIVED', reasons)?.name).toBe(
			'seller_reject_apply_package_delivered',
		);
		expect(matchRejectReason('SHIPPING_ADDRESS_ERROR', reasons)?.name).toBe(
			'seller_reject_apply_buyer_wrong_address',
		);
	});

	it('other refund-only requests get item-condition reasons and no "delivered" answer', async () => {
		const reasons = await reasonsFor(pendingReturn('REFUND', false).return_id);
		expect(names(reasons)).toEqual(
			expect.arrayContaining([
				'reverse_reject_request_reason_1',
				'reverse_reject_request_reason_3',
				'seller_reject_apply_item_as_described',
			]),
		);
		expect(names(reasons)).not.toContain('seller_reject_apply_package_delivered');
		expect(matchRejectReason('ITEM_NOT_RECEIVED', reasons)).toBeUndefined();
		expect(matchRejectReason('NOT_AS_DESCRIBED_MISSING_PARTS', reasons)?.name).toBe(
			'seller_reject_apply_item_complete',
		);
	});

	it('a return-and-refund request also offers "not returnable"; a returned parcel offers not received / wrong / used / empty', async () => {
		const request = await reasonsFor(pendingReturn('RETURN_AND_REFUND', false).return_id);
		expect(names(request)).toContain('seller_reject_apply_non_returnable_item');
		expect(names(request)).not.toContain('seller_reject_receive_package_empty');

		const parcel = await reasonsFor(
			returnWhere((r) => r.return_status === 'BUYER_SHIPPED_ITEM').return_id,
		);
		expect(names(parcel)).not.toContain('seller_reject_apply_non_returnable_item');
		expect(
			(
				[
					'RETURN_NOT_RECEIVED',
					'RETURN_WRONG_ITEM',
					'RETURN_USED_ITEM',
					'RETURN_EMPTY_BOX',
				] as const
			).map((claim) => matchRejectReason(claim, parcel)?.name),
		).toEqual([
			'seller_reject_receive_package_not_received',
			'seller_reject_receive_package_wrong_item',
			'seller_reject_receive_package_used',
			'seller_reject_receive_package_empty',
		]);
	});

	it('a buyer cancellation can be refused because the order is packed or shipped', async () => {
		const reasons = await reasonsFor(pendingCancellation().cancel_id);
		expect(names(reasons)).toEqual(
			expect.arrayContaining([
				'seller_reject_apply_product_has_been_packed',
				'seller_reject_apply_product_has_been_shipped',
			]),
		);
		expect(names(reasons).some((name) => name.startsWith('seller_reject_receive_package'))).toBe(
			false,
		);
		expect(matchRejectReason('CANCELLATION_ALREADY_PACKED', reasons)?.name).toBe(
			'seller_reject_apply_product_has_been_packed',
		);
	});

	it('an unknown case is refused', async () => {
		await expect(reasonsFor('4035000000000000000')).rejects.toMatchObject({ code: 25001001 });
	});
});

describe('rejecting with reason, comment and images', () => {
	it('records the reason, comment, images and idempotency key of a return reject', async () => {
		const ret = openNotReceived();
		const image = await upload();
		const images = [
			{ image_id: image.uri, mime_type: 'image/png', width: image.width, height: image.height },
		];
		const comment =
			'USPS scanned the parcel at acceptance and delivered it to the address on the order; photo attached.';
		await client.post(
			`/return_refund/202309/returns/${ret.return_id}/reject`,
			{
				decision: 'REJECT_REFUND',
				reject_reason: 'seller_reject_apply_package_delivered',
				comment,
				images,
			},
			{ idempotency_key: 'case-inr-1' },
		);
		expect(ret.return_status).toBe('REFUND_OR_RETURN_REQUEST_REJECT');
		expect(sim.mutations.at(-1)).toEqual(
			expect.objectContaining({
				type: 'returnReject',
				returnId: ret.return_id,
				decision: 'REJECT_REFUND',
				rejectReason: 'seller_reject_apply_package_delivered',
				comment,
				imageIds: [image.uri],
				images: [
					{ imageId: image.uri, mimeType: 'image/png', width: image.width, height: image.height },
				],
				idempotencyKey: 'case-inr-1',
			}),
		);
	});

	it('records the comment of a cancellation reject, at exactly 500 characters', async () => {
		const cancellation = pendingCancellation();
		const comment = 'Packed and labelled before the request. '.repeat(13).slice(0, 500);
		await client.post(
			`/return_refund/202309/cancellations/${cancellation.cancel_id}/reject`,
			{ reject_reason: 'seller_reject_apply_product_has_been_shipped', comment },
			{ idempotency_key: 'c-9' },
		);
		expect(cancellation.cancel_status).toBe('CANCELLATION_REQUEST_CANCEL');
		expect(sim.mutations).toEqual([
			expect.objectContaining({
				type: 'cancellationReject',
				cancelId: cancellation.cancel_id,
				rejectReason: 'seller_reject_apply_product_has_been_shipped',
				comment,
				imageIds: [],
				images: [],
				idempotencyKey: 'c-9',
			}),
		]);
	});

	it('refuses a reason of another case, a missing reason, incomplete images and a long comment, and changes nothing', async () => {
		const ret = pendingReturn('REFUND', false);
		const cancellation = pendingCancellation();
		const image = await upload();
		const full = {
			image_id: image.uri,
			mime_type: 'image/png',
			width: image.width,
			height: image.height,
		};
		const rejectReturn = (body: Record<string, unknown>) =>
			client.post(`/return_refund/202309/returns/${ret.return_id}/reject`, {
				decision: 'REJECT_REFUND',
				reject_reason: 'reverse_reject_request_reason_1',
				...body,
			});
		const rejectCancellation = (body: Record<string, unknown>) =>
			client.post(`/return_refund/202309/cancellations/${cancellation.cancel_id}/reject`, body);

		// "delivered" answers a "not received" request, not this one; "packed" answers cancellations only.
		await expect(
			rejectReturn({ reject_reason: 'seller_reject_apply_package_delivered' }),
		).rejects.toMatchObject({ code: 25001004, requestId: expect.any(String) });
		await expect(
			rejectReturn({ reject_reason: 'seller_reject_apply_product_has_been_packed' }),
		).rejects.toMatchObject({ code: 25001004 });
		await expect(
			rejectCancellation({ reject_reason: 'reverse_reject_request_reason_3' }),
		).rejects.toMatchObject({ code: 25001004 });
		await expect(rejectReturn({ reject_reason: undefined })).rejects.toMatchObject({
			code: 36009001,
		});
		await expect(rejectCancellation({})).rejects.toMatchObject({ code: 36009001 });
		for (const missing of ['image_id', 'mime_type', 'width', 'height'] as const) {
			const { [missing]: _left, ...image } = full;
			await expect(rejectReturn({ images: [image] })).rejects.toMatchObject({ code: 25001005 });
		}
		await expect(rejectReturn({ images: [{ ...full, width: '1' }] })).rejects.toMatchObject({
			code: 25001005,
		});
		await expect(
			rejectCancellation({
				reject_reason: 'seller_reject_apply_product_has_been_packed',
				images: [{ image_id: full.image_id }],
			}),
		).rejects.toMatchObject({ code: 25001005 });
		await expect(rejectReturn({ comment: 'x'.repeat(501) })).rejects.toMatchObject({
			code: 25001006,
		});
		await expect(
			rejectCancellation({
				reject_reason: 'seller_reject_apply_product_has_been_packed',
				comment: 'x'.repeat(501),
			}),
		).rejects.toMatchObject({ code: 25001006 });

		expect(ret.return_status).toBe('RETURN_OR_REFUND_REQUEST_PENDING');
		expect(cancellation.cancel_status).toBe('CANCELLATION_REQUEST_PENDING');
		expect(sim.mutations.map((mutation) => mutation.type)).toEqual(['imageUpload']);
		// The same request with a valid body goes through.
		await rejectReturn({ comment: 'x'.repeat(500), images: [full] });
		expect(ret.return_status).toBe('REFUND_OR_RETURN_REQUEST_REJECT');
	});
});
