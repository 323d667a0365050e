import type { ChecklistLine, ClaimType, Verdict, WeightCheck } from '../interfaces';
import type { Submission } from '../cases/submission';
import type { DeadlineFacts } from '../cases/deadlines';

export interface VerdictResult {
	verdict: Verdict;
	reason: string;
	nextStep: string;
}

export interface VerdictInput {
	claim: ClaimType;
	checklist: ChecklistLine[];
	deadline: DeadlineFacts;
	submission: Submission;
	weight: WeightCheck;
	/** Refund in cents and the smallest refund worth a dispute, in cents (0: any). */
	refundCents?: number;
	minimumCents: number;
}

export function decideVerdict(input: VerdictInput): VerdictResult {
	const { claim, checklist, deadline, submission, weight } = input;
	if (claim === 'BUYER_REMORSE') {
		return {
			verdict: 'not_worth_disputing',
			reason:
				'The buyer changed their mind (wrong size, no longer needed). TikTok Shop US lets buyers return for that within the return window, so a rejection is overturned and counts against you.',
			nextStep:
				'Approve it (TikTok Shop node > Return > Approve), or offer a partial refund if the item comes back used.',
		};
	}
	if (deadline.deadline_passed) {
		return {
			verdict: 'not_worth_disputing',
			reason: `The deadline to answer passed ${deadline.time_left?.replace('overdue by ', '')} ago. TikTok no longer takes an answer through the API and usually decides for the buyer.`,
			nextStep:
				'If TikTok opens arbitration or the buyer appeals, upload the summary PDF and the photos in Seller Center. Answer earlier next time: run Find Cases Needing Action on a schedule.',
		};
	}
	if (
		input.minimumCents > 0 &&
		input.refundCents !== undefined &&
		input.refundCents < input.minimumCents
	) {
		return {
			verdict: 'not_worth_disputing',
			reason: `The refund (${(input.refundCents / 100).toFixed(2)}) is below your minimum worth disputing (${(input.minimumCents / 100).toFixed(2)}).`,
			nextStep: 'Approve it, or lower "Minimum Refund Worth Disputing".',
		};
	}
	if (
		claim === 'RETURN_EMPTY_BOX' &&
		weight.differencePercent !== undefined &&
		!weight.flaggedForFraudReview
	) {
		return {
			verdict: 'not_worth_disputing',
			reason: `${weight.message} The weights do not show an empty box.`,
			nextStep:
				'Inspect the return: if a different or used item came back, build the packet as "Wrong item returned" or "Used item returned"; otherwise approve the return.',
		};
	}
	const missing = checklist.filter((line) => line.required && !line.present);
	if (missing.length) {
		return {
			verdict: 'missing_required_evidence',
			reason: `Missing: ${missing.map((line) => line.label).join('; ')}.`,
			nextStep: missing.map((line) => `${line.label}: ${line.detail}`).join(' '),
		};
	}
	const left = deadline.time_left ? ` Time left: ${deadline.time_left}.` : '';
	return {
		verdict: 'ready',
		reason: 'Every required piece of evidence is present.',
		nextStep: submission.channel === 'api' ? `Submit it.${left}` : `${submission.how}${left}`,
	};
}
