import type { CarrierCode } from './carriers';
import { LIBRARY_FORMATS } from './libraryFormats';
import { REGIONAL_FORMATS, VEHO_FORMAT } from './regionalFormats';
import type { TrackingFormat } from './trackingFormat';

/**
 * Every format that identifies its carrier from the number alone. The order sets which carrier is named
 * first when several accept a number; only USPS IMpb and FedEx SmartPost overlap, and USPS delivers those.
 */
export const RECOGNISABLE_FORMATS: readonly TrackingFormat[] = [
	...LIBRARY_FORMATS,
	...REGIONAL_FORMATS,
];

/** The formats that accept the number, shape and check digit. */
export function acceptingFormats(
	normalized: string,
	expectedCarrier?: CarrierCode,
): TrackingFormat[] {
	const accepting = RECOGNISABLE_FORMATS.filter((format) => format.isValid(normalized));
	if (accepting.length === 0 && expectedCarrier === 'veho' && VEHO_FORMAT.isValid(normalized))
		return [VEHO_FORMAT];
	return accepting;
}

/** Formats the number was probably meant to be, but whose check digit it fails. */
export function checkDigitFailures(normalized: string): TrackingFormat[] {
	return RECOGNISABLE_FORMATS.filter(
		(format) => format.hasCheckDigit && format.matchesShape(normalized),
	);
}
