import type { TikTokShopClient } from '../../nodes/shared/tiktok/client';
import {
	approveReturn,
	findCancellation,
	findReturn,
	getRejectReasons,
	rejectCancellation,
	searchCancellations,
	searchReturns,
} from '../../nodes/shared/tiktok/resources/returns';
import { clientFor } from '../../dev/harness/simulatorClient';
import { startSimulator, type RunningSimulator } from '../../dev/simulator/index';

let sim: RunningSimulator;
let client: TikTokShopClient;

beforeAll(async () => {
	sim = await startSimulator({ seed: 47, orders: 300 });
	client = clientFor(sim);
});
afterAll(() => sim.close());
beforeEach(() => sim.reset());

const calls = (suffix: string) => sim.requests.filter((request) => request.path.endsWith(suffix));

describe('returns resource', () => {
	it('searches every return and every cancellation, 50 a page, or up to maxItems', async () => {
		const returned = await searchReturns(client, {});
		expect(returned.map((ret) => ret.return_id).sort()).toEqual(
			sim.state.returns.map((ret) => ret.return_id).sort(),
		);
		const cancellations = await searchCancellations(client, {});
		expect(cancellations.map((found) => found.cancel_id).sort()).toEqual(
			sim.state.cancellations.map((found) => found.cancel_id).sort(),
		);
		for (const request of [...calls('/returns/search'), ...calls('/cancellations/search')])
			expect(request.query).toMatchObject({ page_size: '50', sort_field: 'create_time' });

		sim.reset();
		expect(await searchReturns(client, { return_types: ['REFUND'] }, { maxItems: 2 })).toHaveLength(
			2,
		);
		expect(calls('/returns/search')[0].body).toEqual({ return_types: ['REFUND'] });
	});

	it('finds one return or cancellation as TikTok holds it, or nothing', async () => {
		const ret = sim.state.returns[0];
		expect((await findReturn(client, ret.return_id))?.return_status).toBe(ret.return_status);
		expect(await findReturn(client, '4035999999999999999')).toBeUndefined();
		const cancellation = sim.state.cancellations[0];
		expect((await findCancellation(client, cancellation.cancel_id))?.cancel_status).toBe(
			cancellation.cancel_status,
		);
		expect(calls('/returns/search')[0].query.page_size).toBe('10');
	});

	it('answers a case once per idempotency key, with the reasons TikTok offers for it', async () => {
		const ret = sim.state.returns.find(
			(candidate) =>
				candidate.return_type === 'REFUND' &&
				candidate.return_status === 'RETURN_OR_REFUND_REQUEST_PENDING',
		)!;
		const first = await approveReturn(client, ret.return_id, {
			body: { decision: 'APPROVE_REFUND' },
			idempotencyKey: 'approve-r1',
		});
		const again = await approveReturn(client, ret.return_id, {
			body: { decision: 'APPROVE_REFUND' },
			idempotencyKey: 'approve-r1',
		});
		expect(again.data).toEqual(first.data);
		expect(calls('/approve').map((request) => request.query.idempotency_key)).toEqual([
			'approve-r1',
			'approve-r1',
		]);
		expect(ret.return_status).toBe('RETURN_OR_REFUND_REQUEST_COMPLETE');

		const cancellation = sim.state.cancellations.find(
			(candidate) => candidate.cancel_status === 'CANCELLATION_REQUEST_PENDING',
		)!;
		const reasons = await getRejectReasons(client, cancellation.cancel_id);
		expect(reasons.length).toBeGreaterThan(0);
		expect(reasons[0]).toEqual({ name: expect.any(String), text: expect.any(String) });
		const { requestId } = await rejectCancellation(client, cancellation.cancel_id, {
			body: { reject_reason: reasons[0].name },
			idempotencyKey: 'reject-c1',
		});
		expect(requestId).toBe(calls('/reject').at(-1)!.requestId);
		expect(cancellation.cancel_status).toBe('CANCELLATION_REQUEST_CANCEL');
	});
});
