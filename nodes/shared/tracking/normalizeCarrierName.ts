import { type CarrierCode, isCarrierCode } from './carriers';

/**
 * Checked in this order because 3PL service names often mention two companies: "FedEx SmartPost" and
 * "UPS SurePost" are handed to USPS for the last mile, but the label and the number belong to the
 * first-named carrier, so the shipper is tested before USPS.
 */
const CARRIER_NAME_PATTERNS: ReadonlyArray<readonly [CarrierCode, RegExp]> = [
	['ontrac', /\bon ?trac\b/],
	['lasership', /\blaser ?ship\b/],
	['uniuni', /\buni ?uni\b|\buni ?express\b/],
	['veho', /\bveho\b/],
	// GOFO Express is the 2024 rebrand of Cirro eCommerce; 3PL exports still say either.
	['gofo', /\bgofo\b|\bcirro\b/],
	['amazon', /\bamazon\b|\bamzl\b|\bamzn\b/],
	['dhl_ecommerce', /\bdhl ?(?:e ?commerce|ecom|global ?mail|parcel|smart ?mail)\b|\bdhlgm\b/],
	['dhl', /\bdhl\b/],
	['fedex', /\bfed ?ex\b|\bfederal express\b|\bsmart ?post\b/],
	['ups', /\bups\b|\bunited parcel\b|\bsure ?post\b/],
	[
		'usps',
		new RegExp(
			'\\busps\\b|\\bunited states postal\\b|\\bus postal\\b|\\bpostal service\\b|' +
				'\\bpriority mail\\b|\\bground advantage\\b|\\bfirst class\\b|\\bmedia mail\\b',
		),
	],
];

/** Maps a carrier name as a 3PL writes it ("UPS® Ground", "Fed Ex", "Uni Uni") to our code. */
export function normalizeCarrierName(text: string): CarrierCode | undefined {
	const lower = text.trim().toLowerCase();
	if (isCarrierCode(lower)) return lower;
	// Dots go without a space so that "U.S.P.S." becomes "usps"; other marks (®, ™, commas) split words.
	const words = lower
		.replace(/\./g, '')
		.replace(/[^a-z0-9]+/g, ' ')
		.trim();
	if (words === '') return undefined;
	return CARRIER_NAME_PATTERNS.find(([, pattern]) => pattern.test(words))?.[0];
}
