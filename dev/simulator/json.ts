/**
 * Request bodies as TikTok reads them: 64-bit ids (576684019603311365) that arrive as bare numbers keep every digit,
 * as their decimal string, instead of being rounded by a plain JSON.parse. Uses JSON.parse source-text access (Node 22+).
 */
type Reviver = (
	this: unknown,
	key: string,
	value: unknown,
	context?: { source?: string },
) => unknown;

const keepLongIntegers: Reviver = (_key, value, context) =>
	typeof value === 'number' &&
	!Number.isSafeInteger(value) &&
	context?.source &&
	/^-?\d+$/.test(context.source)
		? context.source
		: value;

/** Only a bare number of 16 or more digits can pass 2^53; the reviver is slower, so a body without one skips it. */
const MAY_HOLD_LONG_INTEGER = /[:[,]\s*-?\d{16}/;

export function parseBodyKeepingLongIds(text: string): unknown {
	if (!MAY_HOLD_LONG_INTEGER.test(text)) return JSON.parse(text);
	return JSON.parse(text, keepLongIntegers as Parameters<typeof JSON.parse>[1]);
}
