import { ItemInputError } from '../../../nodes/shared/stock/inputValues';
import {
	heldBackUnits,
	listedQuantity,
	type ListingRules,
} from '../../../nodes/InventoryPush/v1/inventory/rules/listedQuantity';
import {
	checkShipsInDays,
	preOrderQuantity,
} from '../../../nodes/InventoryPush/v1/inventory/rules/preOrder';
import {
	splitByStock,
	splitToDefaultWarehouse,
} from '../../../nodes/InventoryPush/v1/inventory/rules/warehouseSplit';

const HOUR = 3_600_000;
const plain: ListingRules = { percentOfAvailable: 100, safetyThreshold: 0 };
const facts = (onHand: number, extra: { killSwitch?: boolean; heldBack?: number } = {}) => ({
	onHand,
	killSwitch: extra.killSwitch ?? false,
	heldBack: extra.heldBack ?? 0,
});

describe('listed quantity rules, hand-computed', () => {
	it('lists what is available when no rule applies, and 0 for negative on-hand', () => {
		expect(listedQuantity(facts(37), plain)).toMatchObject({ quantity: 37, rule: 'available' });
		expect(listedQuantity(facts(-4), plain)).toMatchObject({ quantity: 0, rule: 'available' });
	});

	it('takes a percentage rounded down: 80% of 37 = 29.6 → 29', () => {
		expect(listedQuantity(facts(37), { ...plain, percentOfAvailable: 80 })).toMatchObject({
			quantity: 29,
			rule: 'percentOfAvailable',
		});
	});

	it('caps at the maximum listed', () => {
		expect(listedQuantity(facts(37), { ...plain, maxListed: 25 })).toMatchObject({
			quantity: 25,
			rule: 'maxListed',
		});
		expect(listedQuantity(facts(20), { ...plain, maxListed: 25 })).toMatchObject({
			quantity: 20,
			rule: 'available',
		});
	});

	it('lists 0 at or below the safety threshold, and the figure itself above it', () => {
		expect(listedQuantity(facts(3), { ...plain, safetyThreshold: 3 })).toMatchObject({
			quantity: 0,
			rule: 'safetyThreshold',
		});
		expect(listedQuantity(facts(4), { ...plain, safetyThreshold: 3 })).toMatchObject({
			quantity: 4,
			rule: 'available',
		});
	});

	it('holds back ceil(velocity × lag): 10 sold in 24 h with a 90-minute lag → ceil(0.625) = 1; 30 sold → ceil(1.875) = 2', () => {
		expect(heldBackUnits(10, 24 * HOUR, 1.5 * HOUR)).toBe(1);
		expect(heldBackUnits(30, 24 * HOUR, 1.5 * HOUR)).toBe(2);
		expect(heldBackUnits(48, 24 * HOUR, 1.5 * HOUR)).toBe(3);
		expect(heldBackUnits(0, 24 * HOUR, 1.5 * HOUR)).toBe(0);
		expect(heldBackUnits(10, 24 * HOUR, 0)).toBe(0);
		expect(listedQuantity(facts(12, { heldBack: 2 }), plain)).toMatchObject({
			quantity: 10,
			rule: 'lagBuffer',
		});
		expect(listedQuantity(facts(1, { heldBack: 2 }), plain)).toMatchObject({
			quantity: 0,
			rule: 'lagBuffer',
		});
	});

	it('the kill switch lists 0 whatever the stock and the other rules', () => {
		const listed = listedQuantity(facts(500, { killSwitch: true }), {
			percentOfAvailable: 50,
			maxListed: 10,
			safetyThreshold: 0,
		});
		expect(listed).toMatchObject({ quantity: 0, rule: 'killSwitch' });
		expect(listed.steps).toHaveLength(1);
	});

	it("keeps TikTok's bound of 99,999", () => {
		expect(listedQuantity(facts(250_000), plain)).toMatchObject({
			quantity: 99_999,
			rule: 'tiktokMaximum',
		});
	});

	it('applies the rules in the documented order: buffer, threshold, percentage, maximum', () => {
		// 20 on hand, hold back 4 → 16; threshold 15: 16 stays; 75% of 16 = 12; max 10 → 10.
		const all = listedQuantity(facts(20, { heldBack: 4 }), {
			percentOfAvailable: 75,
			maxListed: 10,
			safetyThreshold: 15,
		});
		expect(all.steps.map((step) => [step.rule, step.quantity])).toEqual([
			['available', 20],
			['lagBuffer', 16],
			['percentOfAvailable', 12],
			['maxListed', 10],
		]);
		expect(all.rule).toBe('maxListed');
		// Buffer before threshold: 18 − 4 = 14 is at or below 15, so 0 (threshold first would have kept 18 → 13).
		expect(
			listedQuantity(facts(18, { heldBack: 4 }), { percentOfAvailable: 75, safetyThreshold: 15 }),
		).toMatchObject({
			quantity: 0,
			rule: 'safetyThreshold',
		});
		// Threshold before percentage: 16 is above 15 and lists 75% = 12, though 12 itself is below 15.
		expect(
			listedQuantity(facts(16), { percentOfAvailable: 75, safetyThreshold: 15 }),
		).toMatchObject({ quantity: 12, rule: 'percentOfAvailable' });
		// Percentage before maximum: 60% of 40 = 24, then max 20 → 20 (max first would give 60% of 20 = 12).
		expect(
			listedQuantity(facts(40), { percentOfAvailable: 60, maxListed: 20, safetyThreshold: 0 }),
		).toMatchObject({ quantity: 20, rule: 'maxListed' });
	});
});

describe('pre-order variant', () => {
	const originalOut = listedQuantity(facts(0), plain);
	const originalIn = listedQuantity(facts(6), plain);

	it('lists the incoming units on the pre-order SKU only while the original lists 0', () => {
		expect(preOrderQuantity(originalOut, 120, false, plain)).toMatchObject({
			quantity: 120,
			rule: 'preOrderIncoming',
		});
		expect(preOrderQuantity(originalIn, 120, false, plain)).toMatchObject({
			quantity: 0,
			rule: 'preOrderOriginalInStock',
		});
		expect(preOrderQuantity(originalOut, 0, false, plain)).toMatchObject({
			quantity: 0,
			rule: 'preOrderNoIncoming',
		});
		expect(preOrderQuantity(originalOut, 120, true, plain)).toMatchObject({
			quantity: 0,
			rule: 'killSwitch',
		});
	});

	it('applies the percentage and the maximum to incoming units: 50% of 75 = 37, max 30 → 30', () => {
		expect(
			preOrderQuantity(originalOut, 75, false, { percentOfAvailable: 50, safetyThreshold: 0 }),
		).toMatchObject({ quantity: 37, rule: 'percentOfAvailable' });
		expect(
			preOrderQuantity(originalOut, 75, false, {
				percentOfAvailable: 50,
				maxListed: 30,
				safetyThreshold: 0,
			}),
		).toMatchObject({ quantity: 30, rule: 'maxListed' });
	});

	it('accepts 3 to 30 days and names the field and value otherwise', () => {
		expect(checkShipsInDays('Ships In (Days)', 3)).toBe(3);
		expect(checkShipsInDays('Ships In (Days)', '30')).toBe(30);
		for (const bad of [2, 31, 7.5, 'soon', '', -5]) {
			expect(() => checkShipsInDays('Ships In (Days)', bad)).toThrow(ItemInputError);
		}
		expect(() => checkShipsInDays('Ships In (Days)', 45)).toThrow(
			'Ships In (Days): 45 must be a whole number of days from 3 to 30',
		);
	});
});

describe('warehouse split', () => {
	it('puts everything at the default warehouse and 0 at every other assigned one', () => {
		const split = splitToDefaultWarehouse(14, ['W-RENO', 'W-OHIO', 'W-NJ'], 'W-OHIO');
		expect(split).toEqual({
			ok: true,
			quantities: new Map([
				['W-RENO', 0],
				['W-OHIO', 14],
				['W-NJ', 0],
			]),
		});
	});

	it('needs no default for a single warehouse, and refuses to guess between several', () => {
		expect(splitToDefaultWarehouse(5, ['W-RENO'], undefined)).toEqual({
			ok: true,
			quantities: new Map([['W-RENO', 5]]),
		});
		expect(splitToDefaultWarehouse(5, ['W-RENO', 'W-OHIO'], undefined)).toMatchObject({
			ok: false,
			reason: 'noDefaultWarehouse',
		});
		expect(splitToDefaultWarehouse(5, ['W-RENO', 'W-OHIO'], 'W-NJ')).toMatchObject({
			ok: false,
			reason: 'defaultWarehouseNotAssigned',
		});
	});

	it("shares by stock with the largest remainder, never above a warehouse's stock", () => {
		// 10 of 30+20+0: 6 and 4 exactly.
		expect(
			splitByStock(
				10,
				['A', 'B', 'C'],
				new Map([
					['A', 30],
					['B', 20],
				]),
			),
		).toEqual({
			ok: true,
			quantities: new Map([
				['A', 6],
				['B', 4],
				['C', 0],
			]),
		});
		// 7 of 5+5+5: 2.33 each → 2,2,2 and the spare unit to the first listed.
		expect(
			splitByStock(
				7,
				['A', 'B', 'C'],
				new Map([
					['A', 5],
					['B', 5],
					['C', 5],
				]),
			),
		).toEqual({
			ok: true,
			quantities: new Map([
				['A', 3],
				['B', 2],
				['C', 2],
			]),
		});
		// More listed than held: each lists what it holds.
		expect(
			splitByStock(
				50,
				['A', 'B'],
				new Map([
					['A', 3],
					['B', 4],
				]),
			),
		).toEqual({
			ok: true,
			quantities: new Map([
				['A', 3],
				['B', 4],
			]),
		});
	});
});
