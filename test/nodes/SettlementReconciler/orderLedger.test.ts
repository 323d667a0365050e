import { CentsColumn } from '../../../nodes/SettlementReconciler/v1/helpers/blockColumns';
import { OrderIndex } from '../../../nodes/SettlementReconciler/v1/helpers/orderIndex';

describe('order index (ids held as numbers, not strings)', () => {
	it('gives each distinct id one dense index and returns the id unchanged, whatever its shape', () => {
		const index = new OrderIndex();
		const ids = ['576684019603311365', '576684019603311366', '7', '000123', '123', '5766840196033113650', 'AB-1001', '100000000', '1000000000'];
		const assigned = ids.map((id) => index.findOrAdd(id));
		expect(assigned).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8]);
		expect(ids.map((id) => index.findOrAdd(id))).toEqual(assigned);
		expect(assigned.map((position) => index.idAt(position))).toEqual(ids);
		expect(index.find('576684019603311367')).toBe(-1);
		expect(index.find('0123')).toBe(-1);
	});

	it('stays correct across many growths of its table', () => {
		const index = new OrderIndex();
		for (let n = 0; n < 300_000; n++) expect(index.findOrAdd(`5766840${String(n * 7919).padStart(11, '0')}`)).toBe(n);
		for (let n = 0; n < 300_000; n += 997) expect(index.idAt(index.find(`5766840${String(n * 7919).padStart(11, '0')}`))).toBe(`5766840${String(n * 7919).padStart(11, '0')}`);
		expect(index.size).toBe(300_000);
	});

	it('keeps numeric and other ids apart while its table grows', () => {
		const index = new OrderIndex();
		const ids = Array.from({ length: 200_000 }, (_, n) => (n % 1000 === 0 ? `RET-${n}` : `5766840${String(n).padStart(11, '0')}`));
		expect(ids.map((id) => index.findOrAdd(id))).toEqual(ids.map((_, n) => n));
		for (let n = 0; n < ids.length; n += 499) {
			expect(index.find(ids[n])).toBe(n);
			expect(index.idAt(n)).toBe(ids[n]);
		}
		expect(index.find('RET-1')).toBe(-1);
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
