import type { CarrierCode } from './carriers';

/** One kind of tracking number (e.g. "UPS 1Z"), whichever source its rules come from. */
export interface TrackingFormat {
	/** A noun phrase for messages to operations staff, e.g. "UPS 1Z number". */
	readonly name: string;
	/** Carriers that accept this number, the one that issues it first. */
	readonly carriers: readonly CarrierCode[];
	readonly hasCheckDigit: boolean;
	/**
	 * 'weak' when a random reference number fits by chance often enough that text scanning must not
	 * trust it on its own: short all-digit numbers with a 1-in-7 check, or two-letter prefixes without one.
	 */
	readonly strength: 'strong' | 'weak';
	/** Prefix, length and character set, without the check digit. Used to tell a typo from a non-number. */
	matchesShape(normalized: string): boolean;
	/** Shape and check digit. */
	isValid(normalized: string): boolean;
}

/** For formats that have no check digit: the shape is all there is to check. */
export function shapeOnlyFormat(
	spec: Omit<TrackingFormat, 'hasCheckDigit' | 'matchesShape' | 'isValid'> & {
		readonly shape: RegExp;
	},
): TrackingFormat {
	const { shape, ...rest } = spec;
	return {
		...rest,
		hasCheckDigit: false,
		matchesShape: (normalized) => shape.test(normalized),
		isValid: (normalized) => shape.test(normalized),
	};
}
