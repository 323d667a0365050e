import type { TikTokShopClient } from '../../nodes/shared/tiktok/client';
import { clientFor, TINY_PNG } from '../../dev/harness/simulatorClient';
import { startSimulator, type ReturnOrder, type RunningSimulator } from '../../dev/simulator/index';

let sim: RunningSimulator;
let client: TikTokShopClient;

beforeAll(async () => {
	sim = await startSimulator({ seed: 3 });
	client = clientFor(sim);
});
afterAll(() => sim.close());
beforeEach(() => sim.reset());

const pendingReturn = (type: ReturnOrder['return_type']) =>
	sim.state.returns.find(
		(r) => r.return_type === type && r.return_status === 'RETURN_OR_REFUND_REQUEST_PENDING',
	)!;

describe('returns and cancellations (reference §7)', () => {
	it('searches returns with page_size 10–50 and rejects smaller pages', async () => {
		const { data } = await client.post<{ return_orders: ReturnOrder[]; total_count: number }>(
			'/return_refund/202309/returns/search',
			{},
			{ page_size: 10 },
		);
		expect(data.total_count).toBe(sim.state.returns.length);
		expect(data.return_orders[0].refund_amount.refund_total).toMatch(/^\d+\.\d{2}$/);
		await expect(
			client.post('/return_refund/202309/returns/search', {}, { page_size: 5 }),
		).rejects.toMatchObject({ code: 36009001 });
	});

	it('applies an approve once per idempotency_key and replays the first answer', async () => {
		const ret = pendingReturn('REFUND');
		const approve = () =>
			client.post(
				`/return_refund/202309/returns/${ret.return_id}/approve`,
				{ decision: 'APPROVE_REFUND' },
				{ idempotency_key: 'approve-1' },
			);
		const first = await approve();
		const second = await approve();
		expect(second.data).toEqual(first.data);
		expect(second.requestId).not.toBe(first.requestId);
		expect(ret.return_status).toBe('RETURN_OR_REFUND_REQUEST_COMPLETE');
		expect(sim.mutations).toEqual([
			expect.objectContaining({
				type: 'returnApprove',
				returnId: ret.return_id,
				idempotencyKey: 'approve-1',
			}),
		]);
		// Without the key, the repeated decision meets the new status and fails.
		await expect(
			client.post(`/return_refund/202309/returns/${ret.return_id}/approve`, {
				decision: 'APPROVE_REFUND',
			}),
		).rejects.toMatchObject({ code: 25001002 });
	});

	it('rejects with evidence only when image_id is an uploaded uri', async () => {
		const ret = pendingReturn('RETURN_AND_REFUND');
		const { data: reasons } = await client.get<{ reasons: Array<{ name: string }> }>(
			'/return_refund/202309/reject_reasons',
			{ return_or_cancel_id: ret.return_id },
		);
		const body = (imageId: string) => ({
			decision: 'REJECT_RETURN',
			reject_reason: reasons.reasons[1].name,
			images: [{ image_id: imageId, mime_type: 'image/png', width: 1, height: 1 }],
		});
		await expect(
			client.post(
				`/return_refund/202309/returns/${ret.return_id}/reject`,
				body('tos-maliva-i-o3syd03w52-us/never-uploaded'),
			),
		).rejects.toMatchObject({ code: 25001003 });
		const { data: image } = await client.request<{ uri: string }>({
			method: 'POST',
			path: '/product/202309/images/upload',
			multipart: {
				file: { fieldName: 'data', fileName: 'box.png', contentType: 'image/png', data: TINY_PNG },
			},
		});
		await client.post(`/return_refund/202309/returns/${ret.return_id}/reject`, body(image.uri));
		expect(ret.return_status).toBe('REFUND_OR_RETURN_REQUEST_REJECT');
		expect(sim.mutations.map((m) => m.type)).toEqual(['imageUpload', 'returnReject']);
	});

	it('approving a buyer cancellation cancels the order', async () => {
		const { data } = await client.post<{
			cancellations: Array<{ cancel_id: string; order_id: string }>;
		}>(
			'/return_refund/202309/cancellations/search',
			{ cancel_status: ['CANCELLATION_REQUEST_PENDING'] },
			{ page_size: 50 },
		);
		const [toApprove, toReject] = data.cancellations;
		await client.post(
			`/return_refund/202309/cancellations/${toApprove.cancel_id}/approve`,
			undefined,
			{ idempotency_key: 'c-1' },
		);
		await client.post(
			`/return_refund/202309/cancellations/${toApprove.cancel_id}/approve`,
			undefined,
			{ idempotency_key: 'c-1' },
		);
		expect(sim.state.orders.find((o) => o.id === toApprove.order_id)?.status).toBe('CANCELLED');
		await client.post(`/return_refund/202309/cancellations/${toReject.cancel_id}/reject`, {
			reject_reason: 'reverse_reject_request_reason_1',
		});
		expect(sim.state.orders.find((o) => o.id === toReject.order_id)?.is_buyer_request_cancel).toBe(
			false,
		);
		expect(sim.mutations.map((m) => m.type)).toEqual(['cancellationApprove', 'cancellationReject']);
		const { data: eligibility } = await client.get<{ sku_eligibility: unknown[] }>(
			`/return_refund/202309/orders/${toReject.order_id}/aftersale_eligibility`,
		);
		expect(eligibility.sku_eligibility.length).toBeGreaterThan(0);
	});
});
