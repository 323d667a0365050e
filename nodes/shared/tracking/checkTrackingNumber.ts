import { carrierDisplayName, type CarrierCode, isCarrierCode } from './carriers';
import { listCarriers, withArticle } from './describeFormats';
import { diagnoseRejectedNumber } from './diagnoseRejectedNumber';
import { PLACEHOLDER, SPREADSHEET_SCIENTIFIC } from './lookalikes';
import { normalizeCarrierName } from './normalizeCarrierName';
import { normalizeTrackingNumber } from './normalizeTrackingNumber';
import type { TrackingCheck, TrackingProblem } from './trackingCheck';
import type { TrackingFormat } from './trackingFormat';
import { acceptingFormats } from './trackingFormats';

/** A carrier as the caller gave it: the code we understood, or only the words when we did not. */
interface ExpectedCarrier {
	readonly text: string;
	readonly code?: CarrierCode;
}

function readExpectedCarrier(
	expected: CarrierCode | string | undefined,
): ExpectedCarrier | undefined {
	const text = expected?.trim() ?? '';
	if (text === '') return undefined;
	return { text, code: isCarrierCode(text) ? text : normalizeCarrierName(text) };
}

function rejected(
	input: string,
	normalized: string,
	problem: TrackingProblem,
	message: string,
): TrackingCheck {
	return {
		input,
		normalized,
		valid: false,
		candidates: [],
		checkDigitVerified: false,
		problem,
		message,
	};
}

function accepted(
	input: string,
	normalized: string,
	formats: readonly TrackingFormat[],
	expected: ExpectedCarrier | undefined,
): TrackingCheck {
	const candidates = [...new Set(formats.flatMap((format) => format.carriers))];
	const carrier =
		expected?.code && candidates.includes(expected.code) ? expected.code : candidates[0];
	const carrierFormats = formats.filter((format) => format.carriers.includes(carrier));
	const formatName = carrierFormats[0].name;
	const check: TrackingCheck = {
		input,
		normalized,
		valid: true,
		carrier,
		candidates,
		formatName,
		checkDigitVerified: carrierFormats.some((format) => format.hasCheckDigit),
	};
	if (!expected || expected.code === carrier) return check;

	const trackedBy = candidates.length > 1 ? ` (tracked by ${listCarriers(candidates)})` : '';
	if (!expected.code) {
		return {
			...check,
			valid: false,
			problem: 'unknown_carrier',
			message:
				`"${expected.text}" is not a carrier we recognise, so we cannot confirm ${normalized}. ` +
				`The number is ${withArticle(formatName)}${trackedBy}; name that carrier instead if it is the right one.`,
		};
	}
	return {
		...check,
		valid: false,
		problem: 'carrier_mismatch',
		message:
			`The carrier given is ${carrierDisplayName(expected.code)}, but ${normalized} is ` +
			`${withArticle(formatName)}${trackedBy}. Correct the carrier or the tracking number before uploading.`,
	};
}

/**
 * Checks one tracking number, optionally against the carrier a 3PL or a sheet says it belongs to
 * (a code or free text such as "UPS® Ground"). Accepts numbers too, because CSV and JSON readers
 * hand over long digit strings as numbers.
 */
export function checkTrackingNumber(
	raw: string | number | null | undefined,
	expectedCarrier?: CarrierCode | string,
): TrackingCheck {
	const input = raw === null || raw === undefined ? '' : String(raw);
	const normalized = normalizeTrackingNumber(input);
	if (normalized === '')
		return rejected(input, normalized, 'empty', 'No tracking number was given.');
	if (SPREADSHEET_SCIENTIFIC.test(normalized)) {
		return rejected(
			input,
			normalized,
			'spreadsheet_number',
			`"${input.trim()}" is a tracking number that a spreadsheet turned into scientific notation, which loses ` +
				'its last digits. Re-export the sheet with the tracking column formatted as text.',
		);
	}
	const stray = normalized.match(/[^0-9A-Z]/g);
	if (stray) {
		return rejected(
			input,
			normalized,
			'garbage',
			`"${input.trim()}" contains characters no tracking number has (${[...new Set(stray)].join(' ')}). ` +
				'Enter only the letters and digits printed on the label.',
		);
	}
	if (!/\d/.test(normalized)) {
		return rejected(
			input,
			normalized,
			'garbage',
			`"${input.trim()}" has no digits, so it is not a tracking number. Enter the number printed on the label.`,
		);
	}

	if (PLACEHOLDER.test(normalized)) {
		return rejected(
			input,
			normalized,
			'garbage',
			`${normalized} repeats one character, which 3PLs use as a placeholder while no label exists yet. ` +
				'Wait for the real tracking number.',
		);
	}

	const expected = readExpectedCarrier(expectedCarrier);
	const formats = acceptingFormats(normalized, expected?.code);
	if (formats.length > 0) return accepted(input, normalized, formats, expected);
	const { problem, message } = diagnoseRejectedNumber(normalized, expected?.code);
	return rejected(input, normalized, problem, message);
}
