import type { CarrierCode } from './carriers';

/** A carrier's numbering rule in plain words, used to explain why a number was rejected. */
interface FormatRule {
	readonly carrier: CarrierCode;
	/** Numbers starting like this were probably meant for this carrier. Absent: the carrier's general rule. */
	readonly startsLike?: RegExp;
	readonly rule: string;
	readonly lengths: readonly number[];
	readonly unit: 'characters' | 'digits';
}

const FORMAT_RULES: readonly FormatRule[] = [
	{
		carrier: 'ups',
		startsLike: /^1Z/,
		rule: 'UPS numbers start with 1Z and have 18 characters',
		lengths: [18],
		unit: 'characters',
	},
	{
		carrier: 'amazon',
		startsLike: /^TBA/,
		rule: 'Amazon Shipping numbers are TBA followed by 12 digits',
		lengths: [15],
		unit: 'characters',
	},
	{
		carrier: 'gofo',
		startsLike: /^GFUS/,
		rule: 'GOFO numbers are GFUS followed by 14 digits',
		lengths: [18],
		unit: 'characters',
	},
	{
		carrier: 'uniuni',
		startsLike: /^UUS/,
		rule: 'UniUni numbers are UUS followed by 10 to 20 letters and digits',
		lengths: [13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23],
		unit: 'characters',
	},
	{
		carrier: 'uniuni',
		startsLike: /^URB?\d/,
		rule: 'UniUni numbers starting UR are UR followed by 17 digits (or URB followed by 16)',
		lengths: [19],
		unit: 'characters',
	},
	{
		carrier: 'lasership',
		startsLike: /^1LS/,
		rule: 'LaserShip numbers starting 1LS have 15 characters (1LS7 or 1LSCX and 10 more), or 17 with a -1 ending',
		lengths: [15, 17],
		unit: 'characters',
	},
	{
		carrier: 'ontrac',
		startsLike: /^[CD]\d/,
		rule: 'OnTrac numbers are C or D followed by 14 digits',
		lengths: [15],
		unit: 'characters',
	},
	{
		carrier: 'usps',
		startsLike: /^9[1-5]\d*$/,
		rule: 'USPS numbers that start with 91 to 95 have 22 digits (sometimes 26)',
		lengths: [22, 26],
		unit: 'digits',
	},
	{
		carrier: 'fedex',
		startsLike: /^96\d*$/,
		rule: 'FedEx Ground numbers that start with 96 have 22 or 34 digits',
		lengths: [22, 34],
		unit: 'digits',
	},
	{
		carrier: 'intl_post',
		startsLike: /^[A-Z]{2}\d{6,}[A-Z]{2}$/,
		rule: 'International postal numbers have 13 characters: 2 letters, 9 digits and a 2-letter country code',
		lengths: [13],
		unit: 'characters',
	},
	{
		carrier: 'ups',
		rule: 'UPS numbers start with 1Z and have 18 characters',
		lengths: [18],
		unit: 'characters',
	},
	{
		carrier: 'usps',
		rule:
			'USPS numbers have 20, 22, 26, 30 or 34 digits, most starting 92, 93, 94 or 95, ' +
			'or 13 characters ending in US',
		lengths: [13, 20, 22, 26, 30, 34],
		unit: 'characters',
	},
	{
		carrier: 'fedex',
		rule: 'FedEx numbers have 12, 15, 20, 22 or 34 digits',
		lengths: [12, 15, 20, 22, 34],
		unit: 'digits',
	},
	{
		carrier: 'dhl',
		rule: 'DHL Express numbers have 10 or 11 digits',
		lengths: [10, 11],
		unit: 'digits',
	},
	{
		carrier: 'dhl_ecommerce',
		rule: 'DHL eCommerce numbers are GM, LX, RX or UV followed by digits, or a 420 + ZIP routing prefix before a USPS-style number',
		lengths: [],
		unit: 'characters',
	},
	{
		carrier: 'amazon',
		rule: 'Amazon Shipping numbers are TBA followed by 12 digits',
		lengths: [15],
		unit: 'characters',
	},
	{
		carrier: 'ontrac',
		rule:
			'OnTrac numbers are C or D followed by 14 digits; former LaserShip numbers start with 1LS ' +
			'or are L, a letter and 8 digits',
		lengths: [],
		unit: 'characters',
	},
	{
		carrier: 'lasership',
		rule: 'LaserShip numbers start with 1LS (15 or 17 characters) or are L, a letter and 8 digits',
		lengths: [10, 15, 17],
		unit: 'characters',
	},
	{
		carrier: 'uniuni',
		rule: 'UniUni numbers start with UUS, or are UR followed by 17 digits',
		lengths: [],
		unit: 'characters',
	},
	{
		carrier: 'gofo',
		rule: 'GOFO numbers are GFUS followed by 14 digits',
		lengths: [18],
		unit: 'characters',
	},
	{
		carrier: 'veho',
		rule: 'Veho numbers have 8 to 40 letters and digits',
		lengths: [],
		unit: 'characters',
	},
	{
		carrier: 'intl_post',
		rule: 'International postal numbers have 13 characters: 2 letters, 9 digits and a 2-letter country code',
		lengths: [13],
		unit: 'characters',
	},
];

/**
 * Explains what a rejected number should have looked like, e.g. "UPS numbers start with 1Z and have
 * 18 characters; this one has 17." Uses the expected carrier's rule if one is given, otherwise a rule
 * whose start the number shares. Undefined when neither applies.
 */
export function explainFormatRule(
	normalized: string,
	expectedCarrier?: CarrierCode,
): string | undefined {
	const rule = expectedCarrier
		? (FORMAT_RULES.find((r) => r.carrier === expectedCarrier && r.startsLike?.test(normalized)) ??
			FORMAT_RULES.find((r) => r.carrier === expectedCarrier && !r.startsLike))
		: FORMAT_RULES.find((r) => r.startsLike?.test(normalized));
	if (!rule) return undefined;
	const length = rule.unit === 'digits' ? normalized.replace(/\D/g, '').length : normalized.length;
	if (rule.lengths.length === 0) return `${rule.rule}; ${normalized} does not fit.`;
	if (!rule.lengths.includes(length)) return `${rule.rule}; this one has ${length}.`;
	return (
		`${rule.rule}; this one has the right length, so a character is probably wrong ` +
		'(for example the letter O for a zero).'
	);
}
