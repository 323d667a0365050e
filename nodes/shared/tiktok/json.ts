/**
 * JSON.parse that keeps integers beyond 2^53 as their exact decimal string. TikTok ids are 64-bit
 * (576684019603311365) and mostly arrive quoted, but any that arrives as a bare number would otherwise be rounded.
 * Uses the JSON.parse source-text access that Node 22+ provides.
 */
type Reviver = (
	this: unknown,
	key: string,
	value: unknown,
	context?: { source?: string },
) => unknown;

const keepUnsafeIntegers: Reviver = (_key, value, context) => {
	if (
		typeof value === 'number' &&
		!Number.isSafeInteger(value) &&
		context?.source &&
		/^-?\d+$/.test(context.source)
	) {
		return context.source;
	}
	return value;
};

/** Only a bare number of 16 or more digits can exceed 2^53; the reviver costs ~6× a plain parse, so skip it otherwise. */
const BARE_LONG_INTEGER = /[:[,]\s*-?\d{16}/;

export function parseJsonKeepingBigIds<T = unknown>(text: string): T {
	if (!BARE_LONG_INTEGER.test(text)) return JSON.parse(text) as T;
	return JSON.parse(text, keepUnsafeIntegers as Parameters<typeof JSON.parse>[1]) as T;
}
