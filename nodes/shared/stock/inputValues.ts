/**
 * A value on one item that cannot be used as given. It names the editor field and the value, so the person
 * reading the error knows which column of their sheet or which mapping to fix.
 */
export class ItemInputError extends Error {
	constructor(
		readonly field: string,
		readonly value: unknown,
		problem: string,
	) {
		super(`${field}: ${describeValue(value)} ${problem}`);
		this.name = 'ItemInputError';
	}
}

export function describeValue(value: unknown): string {
	if (value === undefined) return '(empty)';
	if (typeof value === 'string') return value.trim() === '' ? '(empty)' : `"${value}"`;
	if (typeof value === 'object' && value !== null) return JSON.stringify(value);
	return String(value);
}

/**
 * Whole units from a spreadsheet cell, a JSON number or an expression. "12" and 12 are fine; "12.5", "-3",
 * "abc" and an empty cell are refused: guessing a stock figure is how overselling starts.
 */
export function wholeUnits(field: string, value: unknown, { allowNegative = false } = {}): number {
	const text =
		typeof value === 'number'
			? String(value)
			: typeof value === 'string'
				? value.trim()
				: undefined;
	if (text === undefined || text === '' || !/^[-+]?\d+$/.test(text)) {
		throw new ItemInputError(field, value, 'is not a whole number of units');
	}
	const units = Number(text);
	if (!Number.isSafeInteger(units)) throw new ItemInputError(field, value, 'is too large');
	if (units < 0 && !allowNegative)
		throw new ItemInputError(field, value, 'is negative; stock cannot be below 0 here');
	return units;
}

/** A SKU or id as text: numbers from a sheet become strings, never floats. */
export function requiredText(field: string, value: unknown): string {
	if (typeof value === 'number' && Number.isSafeInteger(value)) return String(value);
	if (typeof value !== 'string' || value.trim() === '')
		throw new ItemInputError(field, value, 'is empty');
	return value.trim();
}

export function optionalText(value: unknown): string | undefined {
	if (typeof value === 'number' && Number.isSafeInteger(value)) return String(value);
	return typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined;
}

/**
 * A point in time as n8n hands it over: ISO text, a Luxon DateTime/Date, or Unix seconds or milliseconds.
 * Numbers below 10^11 are seconds (that is the year 5138 in milliseconds).
 */
export function timeOf(field: string, value: unknown): number {
	if (value instanceof Date) return checkedTime(field, value, value.getTime());
	if (
		typeof value === 'object' &&
		value !== null &&
		typeof (value as { toMillis?: unknown }).toMillis === 'function'
	) {
		return checkedTime(field, value, (value as { toMillis(): number }).toMillis());
	}
	if (
		typeof value === 'number' ||
		(typeof value === 'string' && /^\d+(\.\d+)?$/.test(value.trim()))
	) {
		const number = Number(value);
		return checkedTime(field, value, number < 1e11 ? number * 1000 : number);
	}
	if (typeof value === 'string' && value.trim() !== '')
		return checkedTime(field, value, Date.parse(value.trim()));
	throw new ItemInputError(field, value, 'is not a date and time');
}

function checkedTime(field: string, value: unknown, ms: number): number {
	if (!Number.isFinite(ms)) throw new ItemInputError(field, value, 'is not a date and time');
	return Math.round(ms);
}
