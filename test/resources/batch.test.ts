import { batchResult, refusalOf } from '../../nodes/shared/tiktok/resources/batch';

describe('batch results (data.errors of a call that succeeded)', () => {
	it('ties each refusal to the item its detail names, with the call request_id', () => {
		const result = batchResult(
			[
				{ code: 21011022, message: 'bad tracking number', detail: { package_id: 'P2' } },
				{ code: 21011025, message: 'tracking number in use', detail: { package_id: 1003 } },
			],
			'package_id',
			'req-1',
		);
		expect(result.requestId).toBe('req-1');
		expect([...result.refused]).toEqual([
			[
				'P2',
				{
					code: 21011022,
					message: 'bad tracking number',
					requestId: 'req-1',
					detail: { package_id: 'P2' },
				},
			],
			[
				'1003',
				{
					code: 21011025,
					message: 'tracking number in use',
					requestId: 'req-1',
					detail: { package_id: 1003 },
				},
			],
		]);
		expect(result.unattributed).toEqual([]);
		expect(refusalOf(result, 'P1')).toBeUndefined();
		expect(refusalOf(result, '1003')?.code).toBe(21011025);
	});

	it('keeps refusals that name no item apart, and counts them against every item', () => {
		const result = batchResult(
			[
				{ code: 12019028, message: 'warehouse mismatch', detail: { sku_id: 'S1' } },
				{ code: 36009003, message: 'internal error' },
				{ code: 36009004, message: 'other', detail: { extra_errors: [] } },
			],
			'sku_id',
			undefined,
		);
		expect([...result.refused.keys()]).toEqual(['S1']);
		expect(result.unattributed.map((error) => error.code)).toEqual([36009003, 36009004]);
		expect(refusalOf(result, 'S1')?.code).toBe(12019028);
		expect(refusalOf(result, 'S2')?.code).toBe(36009003);
	});

	it('answers the same empty shape when TikTok lists no errors', () => {
		expect(batchResult(undefined, 'sku_id', 'req-2')).toEqual({
			requestId: 'req-2',
			refused: new Map(),
			unattributed: [],
		});
	});

	it("keeps TikTok's last word when it names an item twice", () => {
		const result = batchResult(
			[
				{ code: 1, message: 'first', detail: { sku_id: 'S1' } },
				{ code: 2, message: 'second', detail: { sku_id: 'S1' } },
			],
			'sku_id',
			undefined,
		);
		expect(result.refused.get('S1')?.message).toBe('second');
	});
});
