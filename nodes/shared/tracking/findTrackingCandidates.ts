import { checkTrackingNumber } from './checkTrackingNumber';
import { TIKTOK_ORDER_ID } from './lookalikes';
import type { TrackingCheck } from './trackingCheck';
import { acceptingFormats } from './trackingFormats';
import { continuesNumber, groupsFormOneNumber, type TextGroup, textGroupsOf } from './textGroups';

export interface TrackingCandidate {
	/** The text as written, spaces and dashes included. */
	value: string;
	normalized: string;
	index: number;
	length: number;
	check: TrackingCheck;
	/**
	 * 'low' when the number could well be something else: every format it fits is weak (DHL Express
	 * 10/11 digits, where one phone number in seven passes) or it could be a TikTok order ID.
	 */
	confidence: 'high' | 'low';
	/** 18 or 19 digits that pass a carrier's check: may be a TikTok order ID that passes by chance. */
	ambiguousWithOrderId: boolean;
}

// Shortest: LaserShip L and DHL Express (10); longest: FedEx and USPS 34-digit, with headroom for
// DHL eCommerce, which allows up to 41. Spans outside this range are not worth validating.
const SHORTEST = 10;
const LONGEST = 41;
// UPS is sometimes printed "1Z 999 AA1 01 2345 678 4": seven groups.
const MOST_GROUPS = 8;

/** An all-digit number right after one of these labels is that thing, not a tracking number. */
const NOT_TRACKING_LABEL = new RegExp(
	'\\b(?:order|p\\.?\\s?o|purchase order|invoice|inv|phone|tel|mobile|cell|fax|zip|postal code|' +
		'ref|reference|account|acct|sku|upc|item)\\s*(?:id|no|number|num)?\\.?\\s*[:#]?\\s*$',
	'i',
);

interface SpanResult {
	candidate?: TrackingCandidate;
	/** Where scanning resumes. */
	nextGroup: number;
}

function candidateAt(text: string, groups: readonly TextGroup[], first: number): SpanResult {
	let last = first;
	while (
		last + 1 < groups.length &&
		last - first + 1 < MOST_GROUPS &&
		continuesNumber(text, groups[last], groups[last + 1])
	) {
		last++;
	}
	// Longest first, so that "9400 1112 0108 0805 4830 16" is one number, not its first groups.
	for (let end = last; end >= first; end--) {
		const parts = groups.slice(first, end + 1).map((group) => group.text);
		const normalized = parts.join('').toUpperCase();
		if (normalized.length < SHORTEST || normalized.length > LONGEST || !/\d/.test(normalized))
			continue;
		if (!groupsFormOneNumber(parts)) continue;
		const formats = acceptingFormats(normalized);
		if (formats.length === 0) continue;

		const index = groups[first].start;
		const nextGroup = end + 1;
		if (
			/^\d+$/.test(normalized) &&
			NOT_TRACKING_LABEL.test(text.slice(Math.max(0, index - 40), index))
		) {
			return { nextGroup };
		}
		const value = text.slice(index, groups[end].end);
		const check = checkTrackingNumber(value);
		// Placeholders such as 000000000000 fit a format but are turned down by the full check.
		if (!check.valid) continue;
		const ambiguousWithOrderId = TIKTOK_ORDER_ID.test(normalized);
		const weak = formats.every((format) => format.strength === 'weak');
		return {
			candidate: {
				value,
				normalized,
				index,
				length: value.length,
				check,
				confidence: weak || ambiguousWithOrderId ? 'low' : 'high',
				ambiguousWithOrderId,
			},
			nextGroup,
		};
	}
	return { nextGroup: first + 1 };
}

/**
 * Finds tracking numbers in free text (emails, PDF text, CSV cells), including ones printed in groups
 * such as "9400 1000 0000 0000 0000 00". Each occurrence is reported; numbers never overlap. A number
 * only counts as a whole: digits inside a longer run (an order ID) are not picked out.
 */
export function findTrackingCandidates(text: string): TrackingCandidate[] {
	const groups = textGroupsOf(text);
	const found: TrackingCandidate[] = [];
	let next = 0;
	while (next < groups.length) {
		const { candidate, nextGroup } = candidateAt(text, groups, next);
		if (candidate) found.push(candidate);
		next = nextGroup;
	}
	return found;
}
