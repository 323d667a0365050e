import { CentsColumn } from '../../../nodes/SettlementReconciler/v1/reconciliation/blockColumns';
import { OrderIndex } from '../../../nodes/SettlementReconciler/v1/reconciliation/orderIndex';

describe('order index (ids held as numbers, not strings)', () => {
	it('gives each distinct id one dense index and returns the id unchanged, whatever its shape', () => {
		const index = new OrderIndex();
		const ids = [
			'576684019603311365',
			'576684019603311366',
			'7',
			'000123',
			'123',
			'5766840196033113650',
			'AB-1001',
			'100000000',
			'1000000000',
		];
		const assigned = ids.map((id) => index.findOrAdd(id));
		expect(assigned).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8]);
		expect(ids.map((id) => index.findOrAdd(id))).toEqual(assigned);
		expect(assigned.map((position) => index.idAt(position))).toEqual(ids);
		expect(index.find('576684019603311367')).toBe(-1);
		expect(index.find('0123')).toBe(-1);
	});

	it('stays correct across many growths of its table', () => {
		const index = new OrderIndex();
		for (let n = 0; n < 300_000; n++)
			expect(index.findOrAdd(`5766840${String(n * 7919).padStart(11, '0')}`)).toBe(n);
		for (let n = 0; n < 300_000; n += 997)
			expect(index.idAt(index.find(`5766840${String(n * 7919).padStart(11, '0')}`))).toBe(
				`5766840${String(n * 7919).padStart(11, '0')}`,
			);
		expect(index.size).toBe(300_000);
	});

	it('keeps numeric and other ids apart while its table grows', () => {
		const index = new OrderIndex();
		const ids = Array.from({ length: 200_000 }, (_, n) =>
			n % 1000 === 0 ? `RET-${n}` : `5766840${String(n).padStart(11, '0')}`,
		);
		expect(ids.map((id) => index.findOrAdd(id))).toEqual(ids.map((_, n) => n));
		for (let n = 0; n < ids.length; n += 499) {
			expect(index.find(ids[n])).toBe(n);
			expect(index.idAt(n)).toBe(ids[n]);
		}
		expect(index.find('RET-1')).toBe(-1);
	});
});

describe('order index sized up front', () => {
	type Rehashing = { rehash(capacity: number): void };
	const idOf = (n: number) => `5766840${String(n * 7919).padStart(11, '0')}`;
	afterEach(() => jest.restoreAllMocks());

	it('takes the ids it was sized for without growing again', () => {
		const rehash = jest.spyOn(OrderIndex.prototype as unknown as Rehashing, 'rehash');
		const grown = new OrderIndex();
		for (let n = 0; n < 200_000; n++) grown.findOrAdd(idOf(n));
		expect(rehash.mock.calls.map(([capacity]) => capacity)).toEqual([1 << 17, 1 << 18, 1 << 19]);

		rehash.mockClear();
		const reserved = new OrderIndex();
		reserved.reserve(200_000);
		for (let n = 0; n < 200_000; n++) reserved.findOrAdd(idOf(n));
		expect(rehash.mock.calls.map(([capacity]) => capacity)).toEqual([1 << 19]);
	});

	it('keeps the ids it already holds when sized later, and never shrinks', () => {
		const index = new OrderIndex();
		const ids = Array.from({ length: 5_000 }, (_, n) => (n % 100 === 0 ? `RET-${n}` : idOf(n)));
		ids.forEach((id) => index.findOrAdd(id));
		index.reserve(300_000);
		index.reserve(10);
		expect(ids.map((id) => index.find(id))).toEqual(ids.map((_, n) => n));
		expect(index.findOrAdd(idOf(5_000))).toBe(5_000);
	});

	it('does not let an absurd estimate take more than 64 MB of slots', () => {
		const rehash = jest.spyOn(OrderIndex.prototype as unknown as Rehashing, 'rehash');
		new OrderIndex().reserve(1e12);
		expect(rehash.mock.calls).toEqual([[1 << 24]]);
	});
});

describe('cents columns', () => {
	it('switch to doubles when a sum leaves the 32-bit range, losing nothing', () => {
		const column = new CentsColumn();
		column.add(3, 2_000_000_000);
		column.add(70_000, -5);
		column.add(3, 2_000_000_000);
		column.add(3, 1);
		expect(column.get(3)).toBe(4_000_000_001);
		expect(column.get(70_000)).toBe(-5);
		expect(column.get(123_456)).toBe(0);
	});

	it('treats zeros as nothing to add, then sums later amounts from zero', () => {
		const column = new CentsColumn();
		for (let index = 0; index < 200_000; index++) column.add(index, 0);
		expect(column.get(150_000)).toBe(0);
		column.add(150_000, -250);
		column.add(150_000, 0);
		column.add(150_000, 100);
		expect([column.get(149_999), column.get(150_000)]).toEqual([0, -150]);
	});
});
