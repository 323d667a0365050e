import type { CarrierCode } from './carriers';
import { listFormats } from './describeFormats';
import { explainFormatRule } from './formatRules';
import { TIKTOK_ORDER_ID } from './lookalikes';
import type { TrackingProblem } from './trackingCheck';
import { checkDigitFailures } from './trackingFormats';

export interface Diagnosis {
	problem: TrackingProblem;
	message: string;
}

/**
 * Says why no format accepted a number made of letters and digits only, in terms of the expected
 * carrier when one is given.
 */
export function diagnoseRejectedNumber(
	normalized: string,
	expectedCarrier?: CarrierCode,
): Diagnosis {
	const failures = checkDigitFailures(normalized).filter(
		(format) => !expectedCarrier || format.carriers.includes(expectedCarrier),
	);
	if (failures.length > 0) {
		return {
			problem: 'check_digit',
			message:
				`${normalized} has the shape of ${listFormats(failures)}, but its check digit does not match ` +
				'the rest: a character was probably mistyped or misread. Compare it with the label.',
		};
	}
	if (TIKTOK_ORDER_ID.test(normalized)) {
		return {
			problem: 'order_id',
			message:
				`${normalized} has ${normalized.length} digits like a TikTok order ID, and no carrier we know issues ` +
				'such numbers. Check that the tracking column was not filled with the order ID.',
		};
	}
	const rule = explainFormatRule(normalized, expectedCarrier);
	if (rule) return { problem: 'unknown_format', message: rule };
	if (/^\d+$/.test(normalized)) {
		return {
			problem: 'unknown_format',
			message:
				`No carrier we know uses ${normalized.length}-digit tracking numbers. ` +
				'Check for a missing or extra digit.',
		};
	}
	return {
		problem: 'unknown_format',
		message:
			`${normalized} does not match any carrier we know (USPS, UPS, FedEx, DHL, Amazon Shipping, OnTrac, ` +
			'LaserShip, UniUni, GOFO, international post). Compare it with the label.',
	};
}
