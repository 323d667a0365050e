import { checkTrackingNumber } from '../../../nodes/shared/tracking';

describe('normalising what people paste', () => {
	it.each([
		['1z999aa10123456784', '1Z999AA10123456784'],
		['1Z 999 AA1 01 2345 678 4', '1Z999AA10123456784'],
		['9400-1112-0108-0805-4830-16', '9400111201080805483016'],
		['  9400 1112 0108 0805 4830 16\n', '9400111201080805483016'],
		['9400\u00a01112\u00a00108\u00a00805\u00a04830\u00a016', '9400111201080805483016'],
		['1Z999AA1\u200b0123456784', '1Z999AA10123456784'],
		['1Z999AA1–0123456784', '1Z999AA10123456784'],
	])('%j becomes %s and is valid', (input, normalized) => {
		expect(checkTrackingNumber(input)).toMatchObject({ input, normalized, valid: true });
	});

	it('takes a number as a CSV reader hands it over', () => {
		expect(checkTrackingNumber(986578788855)).toMatchObject({ valid: true, carrier: 'fedex' });
	});
});

describe('inputs that are not tracking numbers', () => {
	it.each([[''], ['   '], [null], [undefined]])('%j is empty', (input) => {
		expect(checkTrackingNumber(input)).toMatchObject({
			valid: false,
			problem: 'empty',
			candidates: [],
			checkDigitVerified: false,
			message: 'No tracking number was given.',
		});
	});

	it.each(['N/A', 'see attached PDF', '#1Z999AA10123456784', 'pending', 'TBD'])(
		'%j is garbage',
		(input) => {
			expect(checkTrackingNumber(input).problem).toBe('garbage');
		},
	);

	it('names the characters that do not belong', () => {
		expect(checkTrackingNumber('#1Z999AA10123456784').message).toBe(
			'"#1Z999AA10123456784" contains characters no tracking number has (#). ' +
				'Enter only the letters and digits printed on the label.',
		);
	});

	it.each(['000000000000', '0000000000000000000000'])(
		'%s is a placeholder, though FedEx’s check digit accepts it',
		(input) => {
			expect(checkTrackingNumber(input).problem).toBe('garbage');
		},
	);

	it.each(['9.40011E+21', '9,40011E+21', '9.4001e21'])(
		'%s was mangled by a spreadsheet',
		(input) => {
			expect(checkTrackingNumber(input).problem).toBe('spreadsheet_number');
		},
	);

	it('recognises a spreadsheet number that arrives as a JavaScript number', () => {
		// eslint-disable-next-line no-loss-of-precision -- on purpose: the rounded number a spreadsheet hands over
		expect(checkTrackingNumber(9400111202555842332669).problem).toBe('spreadsheet_number');
	});
});

describe('TikTok order IDs', () => {
	it('rejects an 18-digit order ID and says what it probably is', () => {
		const check = checkTrackingNumber('576684019603311365');
		expect(check).toMatchObject({ valid: false, problem: 'order_id' });
		expect(check.message).toContain('like a TikTok order ID');
	});

	it('finds no last digit that would make that order ID pass any carrier, at 18 or 19 digits', () => {
		// The only 18-digit format we know (FedEx SSCC-18) must start 00, 01, 02 or 04, and no format has
		// 19 digits, so order IDs starting with 5 cannot pass by chance. Checked here for every last digit.
		for (const digit of '0123456789') {
			expect(checkTrackingNumber(`57668401960331136${digit}`).valid).toBe(false);
			expect(checkTrackingNumber(`576684019603311365${digit}`).valid).toBe(false);
		}
	});

	it('is not confused with the order ID when it is a FedEx SSCC-18', () => {
		expect(checkTrackingNumber('000123450000000027')).toMatchObject({
			valid: true,
			carrier: 'fedex',
		});
	});
});

describe('look-alikes with a check digit that rejects them', () => {
	it.each([
		['a US phone number', '2125551230'],
		['a ZIP+4 code', '90210-1234'],
		['a date', '2024-05-06'],
		['a date and time', '20240506 143000'],
		['a PO number', 'PO-4500012345'],
		['a 12-digit PO that fails FedEx’s check', '450001234567'],
	])('%s (%s) is rejected', (_what, input) => {
		expect(checkTrackingNumber(input).valid).toBe(false);
	});
});

describe('look-alikes that pass by chance', () => {
	it('accepts one US phone number in seven as a DHL Express waybill, whose check is mod 7', () => {
		// 212555123 mod 7 is 4, so 2125551234 is a well-formed DHL Express number. Only context can tell
		// them apart: findTrackingCandidates marks such numbers low-confidence and skips phone layouts.
		expect(checkTrackingNumber('2125551234')).toMatchObject({ valid: true, carrier: 'dhl' });
	});
});

describe('unknown formats', () => {
	it('tells an operator what UPS numbers look like', () => {
		expect(checkTrackingNumber('1Z999AA1012345678').message).toBe(
			'UPS numbers start with 1Z and have 18 characters; this one has 17.',
		);
	});

	it('tells an operator what USPS numbers look like', () => {
		expect(checkTrackingNumber('940011120108080548301').message).toBe(
			'USPS numbers that start with 91 to 95 have 22 digits (sometimes 26); this one has 21.',
		);
	});

	it('uses the expected carrier’s rule when one is given', () => {
		expect(checkTrackingNumber('4500012345678', 'UPS Ground')).toMatchObject({
			problem: 'unknown_format',
			message: 'UPS numbers start with 1Z and have 18 characters; this one has 13.',
		});
	});

	it('says when no carrier uses that many digits', () => {
		expect(checkTrackingNumber('1234567').message).toBe(
			'No carrier we know uses 7-digit tracking numbers. Check for a missing or extra digit.',
		);
	});
});

describe('the carrier the 3PL names', () => {
	it('confirms a matching carrier given as free text', () => {
		expect(checkTrackingNumber('1Z999AA10123456784', 'UPS® Ground')).toMatchObject({
			valid: true,
			carrier: 'ups',
			candidates: ['ups'],
		});
	});

	it('names both carriers on a mismatch', () => {
		expect(checkTrackingNumber('1Z999AA10123456784', 'FedEx Home Delivery')).toMatchObject({
			valid: false,
			problem: 'carrier_mismatch',
			carrier: 'ups',
			candidates: ['ups'],
			message:
				'The carrier given is FedEx, but 1Z999AA10123456784 is a UPS 1Z number. ' +
				'Correct the carrier or the tracking number before uploading.',
		});
	});

	it('accepts a SmartPost number for FedEx and for USPS, which delivers it', () => {
		expect(checkTrackingNumber('9261292700768711948021', 'FedEx Ground Economy')).toMatchObject({
			valid: true,
			carrier: 'fedex',
		});
		expect(checkTrackingNumber('9261292700768711948021', 'USPS')).toMatchObject({
			valid: true,
			carrier: 'usps',
		});
		expect(checkTrackingNumber('9261292700768711948021').candidates).toEqual([
			'usps',
			'dhl_ecommerce',
			'fedex',
		]);
	});

	it('mentions every carrier that tracks a number when it mismatches', () => {
		expect(checkTrackingNumber('9261292700768711948021', 'UPS').message).toContain(
			'(tracked by USPS, DHL eCommerce and FedEx)',
		);
	});

	it('flags a carrier name it does not know, but still says what the number is', () => {
		expect(checkTrackingNumber('986578788855', 'Speedee Delivery')).toMatchObject({
			valid: false,
			problem: 'unknown_carrier',
			carrier: 'fedex',
			message:
				'"Speedee Delivery" is not a carrier we recognise, so we cannot confirm 986578788855. ' +
				'The number is a FedEx Express 12-digit number; name that carrier instead if it is the right one.',
		});
	});

	it('ignores a blank carrier', () => {
		expect(checkTrackingNumber('986578788855', '  ')).toMatchObject({
			valid: true,
			carrier: 'fedex',
		});
	});

	it('reports a typo in terms of the expected carrier', () => {
		expect(checkTrackingNumber('986578788856', 'FedEx').message).toMatch(
			/shape of a FedEx Express 12-digit number/,
		);
	});
});

describe('DHL eCommerce under USPS package barcodes', () => {
	it('accepts a USPS IMpb number, also read whole with its 420 + ZIP prefix, for DHL eCommerce', () => {
		expect(checkTrackingNumber('9261292700768711948021', 'DHL eCommerce')).toMatchObject({
			valid: true,
			carrier: 'dhl_ecommerce',
		});
		expect(checkTrackingNumber('420064029261290705672730938820', 'DHL eCommerce')).toMatchObject({
			valid: true,
			carrier: 'dhl_ecommerce',
		});
		expect(checkTrackingNumber('9261292700768711948021')).toMatchObject({
			valid: true,
			carrier: 'usps',
		});
	});
});
