import type { CarrierCode } from './carriers';

export type TrackingProblem =
	/** Nothing was given. */
	| 'empty'
	/** Characters or words that are never a tracking number ("N/A", "see PDF", "#12/34"). */
	| 'garbage'
	/** A spreadsheet turned the number into scientific notation (9.4001E+21); its digits are lost. */
	| 'spreadsheet_number'
	/** An 18 or 19 digit number that no carrier uses: almost always a TikTok order ID in the wrong column. */
	| 'order_id'
	/** No carrier we know issues numbers of this shape. */
	| 'unknown_format'
	/** Shaped like a carrier's number, but its check digit is wrong: a typo or a copy error. */
	| 'check_digit'
	/** A valid number, but of another carrier than the one given. */
	| 'carrier_mismatch'
	/** A valid number, but the carrier name given is not one we know, so we cannot confirm it. */
	| 'unknown_carrier';

export interface TrackingCheck {
	input: string;
	/** Upper case, with spaces and dashes removed: the form to store and upload. */
	normalized: string;
	valid: boolean;
	/** The carrier the number belongs to: the expected one when it accepts the number, else the likeliest. */
	carrier?: CarrierCode;
	/** Every carrier that accepts the number (format and check digit), likeliest first. */
	candidates: CarrierCode[];
	/** The kind of number that matched, e.g. "UPS 1Z number". */
	formatName?: string;
	/** False when the format has no check digit, so only its shape was checked. */
	checkDigitVerified: boolean;
	problem?: TrackingProblem;
	/** A sentence for an operations person saying what is wrong and what to do. */
	message?: string;
}
