import {
	type CarrierCode,
	normalizeCarrierName,
	type TrackingCandidate,
} from '../../../shared/tracking';

/** What surrounds a number in free text. */
export interface CandidateContext {
	/** The same line, before the number. */
	before: string;
	/** The same line, after the number. */
	after: string;
	/** The line above: labels are often printed over the value. */
	previousLine: string;
	/** Whether the document talks about tracking or shipping at all. */
	documentMentionsTracking: boolean;
	expectedCarrier?: CarrierCode;
}

export interface ScoredCandidate {
	/** 0..1 */
	score: number;
	carrier: CarrierCode;
}

// A label right before the number names it.
const TRACKING_LABEL_RIGHT_BEFORE =
	/(?:track(?:ing)?|awb|waybill|label|shipment)\s*(?:#|no\.?|number|num|nbr|id|code)?s?\s*(?:\([^)]*\))?\s*(?:[:#.=-]|\s(?:is|was|will be))?\s*$/i;
// A label right before the number that makes it something else. Checked after the tracking label,
// because "Tracking ID:" ends with "ID:" too.
const OTHER_LABEL_RIGHT_BEFORE = new RegExp(
	'(?:p\\.?\\s?o\\.?|purchase\\s*order|invoice|inv|phone|tel|telephone|mobile|cell|fax|zip|postal\\s*code|order|' +
		'ref(?:erence)?|account|acct|sku|upc|ean|item|batch|lot|customer|member|rma|case|ticket|package|pkg|' +
		'confirmation|receipt|transaction|txn|store|customer\\s*service|support|care|call|contact|hotline|help)' +
		'\\s*(?:#|no\\.?|number|num|id|code|line|us|at)?\\s*[:#.]?\\s*$',
	'i',
);
const TRACKING_WORDS = /track|awb|waybill|shipped\s+via|in\s+transit|label|reprint/i;

/** A carrier name on the line or the line above, such as "UPS Ground" in a shipment block. */
function carrierNearby(context: CandidateContext): CarrierCode | undefined {
	return (
		normalizeCarrierName(context.before.slice(-60)) ??
		normalizeCarrierName(context.after.slice(0, 40)) ??
		normalizeCarrierName(context.previousLine)
	);
}

/**
 * How likely a valid-looking number is the tracking number, not a look-alike (PO, phone, order number,
 * ZIP+4, date run together). Undefined when its label says it is something else.
 */
export function scoreCandidate(
	candidate: TrackingCandidate,
	context: CandidateContext,
): ScoredCandidate | undefined {
	const before = context.before.slice(-50);
	const labelledTracking = TRACKING_LABEL_RIGHT_BEFORE.test(before);
	if (!labelledTracking && OTHER_LABEL_RIGHT_BEFORE.test(before)) return undefined;

	const candidates = candidate.check.candidates;
	let carrier = candidate.check.carrier as CarrierCode;
	let score = 0.45;
	// A label line above counts ("Tracking Number:" over the value); any other line above does not.
	const trackingNearby =
		labelledTracking ||
		TRACKING_WORDS.test(before) ||
		TRACKING_LABEL_RIGHT_BEFORE.test(context.previousLine);
	if (labelledTracking) score += 0.35;
	else if (trackingNearby) score += 0.25;
	if (context.documentMentionsTracking) score += 0.1;
	if (candidate.check.checkDigitVerified) score += 0.15;
	if (candidate.confidence === 'low') score -= 0.3;
	if (candidate.ambiguousWithOrderId) score -= 0.3;

	const named = carrierNearby(context);
	if (named && candidates.includes(named)) {
		// A weak format (a two-letter prefix with no check digit) next to the name of its own carrier is no chance match.
		score += candidate.confidence === 'low' ? 0.35 : 0.15;
		carrier = named;
	} else if (named) {
		score -= 0.25;
	}
	if (context.expectedCarrier) {
		if (candidates.includes(context.expectedCarrier)) {
			score += 0.1;
			if (!named) carrier = context.expectedCarrier;
		} else {
			score -= 0.3;
		}
	}
	// A bare run of digits with no label or carrier around it is as likely an account or a reference.
	if (
		!trackingNearby &&
		!named &&
		/^\d+$/.test(candidate.normalized) &&
		candidate.normalized.length <= 15
	)
		score -= 0.15;
	return { score: Math.max(0, Math.min(1, Math.round(score * 100) / 100)), carrier };
}
