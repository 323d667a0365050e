import { findTracking } from 'ts-tracking-number';

/** Baseline 1: ts-tracking-number's own finder over the raw text, as a developer would first try. */
export function libraryFindTracking(text: string): string[] {
	return [
		...new Set(
			findTracking(text).map((found) => found.trackingNumber.replace(/\s+/g, '').toUpperCase()),
		),
	];
}

/** Baseline 2: one regex per carrier shape, no check digits and no context: the usual quick script. */
const CARRIER_SHAPES = [
	/\b1Z[0-9A-Z]{16}\b/g,
	/\b9[2-5]\d{20}\b/g,
	/\b\d{12}\b/g,
	/\b\d{15}\b/g,
	/\b[CD]\d{14}\b/g,
	/\bTBA\d{12}\b/g,
];

export function regexOnly(text: string): string[] {
	return [...new Set(CARRIER_SHAPES.flatMap((shape) => text.match(shape) ?? []))];
}
