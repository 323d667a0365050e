import { InputProblem } from '../interfaces';
import type { WeightCheck } from '../interfaces';

export type WeightUnit = 'lb' | 'oz' | 'kg' | 'g';

/** Milligrams per unit, so a pound converts exactly (453 592.37 mg) before rounding to whole grams. */
const MILLIGRAMS: Record<WeightUnit, number> = {
	lb: 453592.37,
	oz: 28349.523125,
	kg: 1_000_000,
	g: 1000,
};
const UNIT_NAMES: Array<[RegExp, WeightUnit]> = [
	[/^(lb|lbs|pound|pounds)$/, 'lb'],
	[/^(oz|ounce|ounces)$/, 'oz'],
	[/^(kg|kgs|kilo|kilos|kilogram|kilograms)$/, 'kg'],
	[/^(g|gr|gram|grams)$/, 'g'],
];

/** "1.2 lb", "19 oz", "540 g", "1 lb 3 oz" or a bare number in `defaultUnit` → whole grams. */
export function parseWeightGrams(
	value: unknown,
	defaultUnit: WeightUnit,
	field: string,
): number | undefined {
	if (value === undefined || value === null || String(value).trim() === '') return undefined;
	const textValue = String(value).trim().toLowerCase().replace(',', '.');
	const parts = [...textValue.matchAll(/(\d+(?:\.\d+)?)\s*([a-z]*)/g)];
	const leftover = textValue.replace(/(\d+(?:\.\d+)?)\s*([a-z]*)/g, '').trim();
	if (!parts.length || leftover)
		throw new InputProblem(
			`"${field}" is not a weight: "${String(value)}". Write it like 1.2 lb, 19 oz, 540 g or 0.54 kg.`,
		);
	let milligrams = 0;
	for (const [, amount, unitText] of parts) {
		const unit = unitText
			? UNIT_NAMES.find(([pattern]) => pattern.test(unitText))?.[1]
			: defaultUnit;
		if (!unit)
			throw new InputProblem(`"${field}" has an unknown unit "${unitText}". Use lb, oz, kg or g.`);
		milligrams += Number(amount) * MILLIGRAMS[unit];
	}
	return Math.round(milligrams / 1000);
}

/**
 * Weight at shipment against weight at return receipt. A returned parcel that lost more than the threshold
 * (30 % by default) of its shipped weight is flagged for fraud review: the usual sign of an empty or swapped box.
 */
export function checkWeights(
	shippedGrams: number | undefined,
	returnedGrams: number | undefined,
	thresholdPercent: number,
): WeightCheck {
	const base = { shippedGrams, returnedGrams, thresholdPercent, flaggedForFraudReview: false };
	if (shippedGrams === undefined || returnedGrams === undefined) {
		const missing = [
			shippedGrams === undefined ? 'the weight at shipment (from the 3PL or label)' : '',
			returnedGrams === undefined ? 'the weight at return receipt' : '',
		]
			.filter(Boolean)
			.join(' and ');
		return { ...base, message: `Weights not compared: add ${missing}.` };
	}
	if (shippedGrams <= 0)
		return { ...base, message: 'The weight at shipment is 0: check the 3PL record.' };
	// Tenths of a percent in integers, so 30.0 % compares exactly against the threshold.
	const tenths = Math.round(((shippedGrams - returnedGrams) * 1000) / shippedGrams);
	const differencePercent = tenths / 10;
	const mismatch = Math.abs(tenths) > Math.round(thresholdPercent * 10);
	const lighter = returnedGrams < shippedGrams;
	return {
		...base,
		differencePercent,
		mismatch,
		flaggedForFraudReview: mismatch && lighter,
		message: mismatch
			? `The return weighs ${returnedGrams} g against ${shippedGrams} g shipped: ${Math.abs(differencePercent)} % ${lighter ? 'lighter' : 'heavier'}, over the ${thresholdPercent} % threshold.${lighter ? ' Flagged for fraud review.' : ''}`
			: `The return weighs ${returnedGrams} g against ${shippedGrams} g shipped (${differencePercent} % difference), within the ${thresholdPercent} % threshold.`,
	};
}
