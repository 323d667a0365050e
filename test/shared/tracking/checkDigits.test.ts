import { checkTrackingNumber, type CarrierCode } from '../../../nodes/shared/tracking';

/** Replaces the character at `position` (negative counts from the end) with another digit. */
function flipDigit(sample: string, position: number): string {
	const at = position < 0 ? sample.length + position : position;
	const digit = Number(sample[at]);
	return sample.slice(0, at) + String((digit + 1) % 10) + sample.slice(at + 1);
}

// One published or library sample per format that has a check digit, with where its check digit sits.
const WITH_CHECK_DIGIT: ReadonlyArray<[CarrierCode, string, string, number]> = [
	['ups', 'UPS 1Z (UPS developer docs sample)', '1Z999AA10123456784', -1],
	['ups', 'UPS waybill', 'K2479825491', -1],
	['usps', 'USPS IMpb 22 digits', '9400111202555842332669', -1],
	['usps', 'USPS 20 digits', '71123456789123456787', -1],
	['usps', 'USPS 420+ZIP 34 digits', '4201002334249200190132607600833457', -1],
	['usps', 'USPS international S10', 'RB123456785US', -3],
	['fedex', 'FedEx Express 12', '986578788855', -1],
	['fedex', 'FedEx Ground 15', '568283610012734', -1],
	['fedex', 'FedEx Ground 96 22 digits', '9611020987654312345672', -1],
	['fedex', 'FedEx Express 34', '1001921334250001000300779017972697', -1],
	['fedex', 'FedEx SmartPost', '9261292700768711948021', -1],
	['ontrac', 'OnTrac C', 'C11031500001879', -1],
	['ontrac', 'OnTrac D', 'D10011354453707', -1],
	['dhl', 'DHL Express 10 digits', '3318810025', -1],
	['dhl', 'DHL Express 11 digits', '73891051146', -1],
	['intl_post', 'S10 from the UK', 'RB123456785GB', -3],
];

describe.each(WITH_CHECK_DIGIT)('%s: %s', (carrier, _label, sample, checkDigitAt) => {
	it('is valid with a verified check digit', () => {
		const check = checkTrackingNumber(sample, carrier);
		expect(check).toMatchObject({ valid: true, carrier, checkDigitVerified: true });
		expect(check.problem).toBeUndefined();
	});

	it('reports a wrong check digit as a typo', () => {
		const check = checkTrackingNumber(flipDigit(sample, checkDigitAt), carrier);
		expect(check).toMatchObject({ valid: false, problem: 'check_digit', candidates: [] });
		expect(check.message).toMatch(/check digit does not match/);
	});

	it('reports a wrong digit in the body as a typo too', () => {
		// Second to last digit of the serial; every check digit scheme here catches one changed digit.
		const check = checkTrackingNumber(flipDigit(sample, checkDigitAt - 1), carrier);
		expect(check.valid).toBe(false);
		expect(check.problem).toBe('check_digit');
	});
});

describe('the brief’s USPS sample', () => {
	it('9400111899223197428490 fails its check digit; with 7 it passes', () => {
		// The number is a sample shape, not a real label: USPS's mod-10 makes the last digit 7.
		expect(checkTrackingNumber('9400111899223197428490').problem).toBe('check_digit');
		expect(checkTrackingNumber('9400111899223197428497')).toMatchObject({
			valid: true,
			carrier: 'usps',
		});
	});
});

describe('check digit messages name the format', () => {
	it('says which format the number was meant to be', () => {
		expect(checkTrackingNumber('1Z999AA10123456785').message).toBe(
			'1Z999AA10123456785 has the shape of a UPS 1Z number, but its check digit does not match the rest: ' +
				'a character was probably mistyped or misread. Compare it with the label.',
		);
	});

	it('lists every format a number could have been', () => {
		expect(checkTrackingNumber('9261290100130736401504').message).toMatch(
			/a USPS IMpb number or a FedEx Ground Economy \(SmartPost\) number/,
		);
	});
});
