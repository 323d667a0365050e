import { checkTrackingNumber } from '../../../nodes/shared/tracking';

// None of these carriers has a check digit we know of, so only the shape is checked.
describe('carriers ts-tracking-number does not know', () => {
	it.each([
		// Samples from gofo.json in jkeen/tracking_number_data 2.x.
		['gofo', 'GFUS01011884214464'],
		['gofo', 'GFUS01011884214272'],
		// Public UniUni samples (inferred format) and the UniUni Ship API's documented sample.
		['uniuni', 'UUS0570455416253'],
		['uniuni', 'UUS0000000000000001'],
		['uniuni', 'UR06250000000000351'],
		// Samples from lasership.json in jkeen/tracking_number_data 2.x.
		['lasership', 'LX17635036'],
		['lasership', 'LI12976442'],
		['lasership', '1LS717793482164'],
		['lasership', '1LS7119013618127-1'],
		['lasership', '1LS CX VE00 58631Y'],
	])('%s accepts %s on its shape alone', (carrier, sample) => {
		expect(checkTrackingNumber(sample)).toMatchObject({
			valid: true,
			carrier,
			checkDigitVerified: false,
		});
	});

	it.each([
		['GFUS0101188421446', 'GOFO numbers are GFUS followed by 14 digits; this one has 17.'],
		[
			'GFUS0101188421446A',
			'GOFO numbers are GFUS followed by 14 digits; this one has the right length',
		],
		['UUS12345', 'UniUni numbers are UUS followed by 10 to 20 letters and digits; this one has 8.'],
		[
			'UR0625000000000035',
			'UniUni numbers starting UR are UR followed by 17 digits (or URB followed by 16); this one has 18.',
		],
		['1LS71779348216', 'LaserShip numbers starting 1LS have 15 characters'],
		['1LX734505321754', 'does not match any carrier we know'],
	])('rejects %s: %s', (sample, message) => {
		const check = checkTrackingNumber(sample);
		expect(check).toMatchObject({ valid: false, problem: 'unknown_format' });
		expect(check.message).toContain(message);
	});
});

describe('OnTrac and LaserShip are one network since their 2024 merger', () => {
	it('accepts a LaserShip number for a shipment labelled OnTrac', () => {
		expect(checkTrackingNumber('1LS724505321754', 'OnTrac')).toMatchObject({
			valid: true,
			carrier: 'ontrac',
			candidates: ['lasership', 'ontrac'],
			formatName: 'LaserShip 1LS7 number',
		});
	});

	it('accepts an OnTrac number for a shipment labelled LaserShip, check digit and all', () => {
		expect(checkTrackingNumber('D10011354453707', 'LaserShip')).toMatchObject({
			valid: true,
			carrier: 'lasership',
			checkDigitVerified: true,
		});
	});

	it('still reports a wrong OnTrac check digit when the 3PL says LaserShip', () => {
		expect(checkTrackingNumber('D10011354453708', 'LaserShip').problem).toBe('check_digit');
	});
});

describe('Amazon Shipping', () => {
	it('accepts TBA and 12 digits, which has no check digit', () => {
		expect(checkTrackingNumber('TBA502887274000', 'Amazon Shipping')).toMatchObject({
			valid: true,
			carrier: 'amazon',
			checkDigitVerified: false,
		});
	});

	it('explains a short TBA number', () => {
		expect(checkTrackingNumber('TBA50288727400').message).toBe(
			'Amazon Shipping numbers are TBA followed by 12 digits; this one has 14.',
		);
	});
});

describe('Veho, which has no number format', () => {
	// Veho's public tracking links carry random hexadecimal IDs like this one.
	const vehoNumber = '91f5baadefb732585';

	it('is accepted, unverified, when the 3PL says Veho', () => {
		expect(checkTrackingNumber(vehoNumber, 'Veho')).toMatchObject({
			valid: true,
			carrier: 'veho',
			normalized: '91F5BAADEFB732585',
			checkDigitVerified: false,
		});
	});

	it('is never recognised from the number alone', () => {
		expect(checkTrackingNumber(vehoNumber)).toMatchObject({
			valid: false,
			problem: 'unknown_format',
		});
	});

	it('does not hide a UPS number labelled Veho', () => {
		expect(checkTrackingNumber('1Z999AA10123456784', 'veho').problem).toBe('carrier_mismatch');
	});

	it('still needs 8 to 40 letters and digits', () => {
		expect(checkTrackingNumber('AB12', 'Veho').message).toBe(
			'Veho numbers have 8 to 40 letters and digits; AB12 does not fit.',
		);
	});
});
