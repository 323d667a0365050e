import {
	approveReturn,
	findCancellation,
	findReturn,
	getRejectReasons,
	rejectCancellation,
	searchCancellations,
	searchReturns,
} from '../../nodes/shared/tiktok/resources/returns';
import { simulatorWorld } from './world';

const world = simulatorWorld({ seed: 47, orders: 300 });

const calls = (suffix: string) =>
	world.sim.requests.filter((request) => request.path.endsWith(suffix));

describe('returns resource', () => {
	it('searches every return and every cancellation, 50 a page, or up to maxItems', async () => {
		const returned = await searchReturns(world.client, {});
		expect(returned.map((ret) => ret.return_id).sort()).toEqual(
			world.sim.state.returns.map((ret) => ret.return_id).sort(),
		);
		const cancellations = await searchCancellations(world.client, {});
		expect(cancellations.map((found) => found.cancel_id).sort()).toEqual(
			world.sim.state.cancellations.map((found) => found.cancel_id).sort(),
		);
		for (const request of [...calls('/returns/search'), ...calls('/cancellations/search')])
			expect(request.query).toMatchObject({ page_size: '50', sort_field: 'create_time' });

		world.sim.reset();
		expect(
			await searchReturns(world.client, { return_types: ['REFUND'] }, { maxItems: 2 }),
		).toHaveLength(2);
		expect(calls('/returns/search')[0].body).toEqual({ return_types: ['REFUND'] });
	});

	it('finds one return or cancellation as TikTok holds it, or nothing', async () => {
		const ret = world.sim.state.returns[0];
		expect((await findReturn(world.client, ret.return_id))?.return_status).toBe(ret.return_status);
		expect(await findReturn(world.client, '4035999999999999999')).toBeUndefined();
		const cancellation = world.sim.state.cancellations[0];
		expect((await findCancellation(world.client, cancellation.cancel_id))?.cancel_status).toBe(
			cancellation.cancel_status,
		);
		expect(calls('/returns/search')[0].query.page_size).toBe('10');
	});

	it('answers a case once per idempotency key, with the reasons TikTok offers for it', async () => {
		const ret = world.sim.state.returns.find(
			(candidate) =>
				candidate.return_type === 'REFUND' &&
				candidate.return_status === 'RETURN_OR_REFUND_REQUEST_PENDING',
		)!;
		const first = await approveReturn(world.client, ret.return_id, {
			body: { decision: 'APPROVE_REFUND' },
			idempotencyKey: 'approve-r1',
		});
		const again = await approveReturn(world.client, ret.return_id, {
			body: { decision: 'APPROVE_REFUND' },
			idempotencyKey: 'approve-r1',
		});
		expect(again.data).toEqual(first.data);
		expect(calls('/approve').map((request) => request.query.idempotency_key)).toEqual([
			'approve-r1',
			'approve-r1',
		]);
		expect(ret.return_status).toBe('RETURN_OR_REFUND_REQUEST_COMPLETE');

		const cancellation = world.sim.state.cancellations.find(
			(candidate) => candidate.cancel_status === 'CANCELLATION_REQUEST_PENDING',
		)!;
		const reasons = await getRejectReasons(world.client, cancellation.cancel_id);
		expect(reasons.length).toBeGreaterThan(0);
		expect(reasons[0]).toEqual({ name: expect.any(String), text: expect.any(String) });
		const { requestId } = await rejectCancellation(world.client, cancellation.cancel_id, {
			body: { reject_reason: reasons[0].name },
			idempotencyKey: 'reject-c1',
		});
		expect(requestId).toBe(calls('/reject').at(-1)!.requestId);
		expect(cancellation.cancel_status).toBe('CANCELLATION_REQUEST_CANCEL');
	});
});
