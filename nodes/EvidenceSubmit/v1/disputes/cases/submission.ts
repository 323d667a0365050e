import type { CaseFacts, SubmissionChannel } from '../interfaces';

export interface Submission {
	channel: SubmissionChannel;
	/** For returns: the reject decision TikTok expects for the case's state. Cancellations take none. */
	decision?: string;
	how: string;
}

const REJECT_REQUEST: Record<string, string> = {
	REFUND: 'REJECT_REFUND',
	RETURN_AND_REFUND: 'REJECT_RETURN',
	REPLACEMENT: 'REJECT_REPLACEMENT',
};

/**
 * Evidence reaches TikTok through the API in one way only: rejecting a return, refund or cancellation that waits
 * for the seller (reference §7). Arbitration can only be read and chargebacks have no endpoint, so those packets
 * are for Seller Center by hand.
 */
export function submissionFor(facts: CaseFacts): Submission {
	if (facts.caseType === 'chargeback') {
		return {
			channel: 'manual',
			how: "TikTok's API has no chargeback endpoint (chargebacks appear only as CHARGE_BACK finance adjustments). Upload the summary PDF and the photos by hand in Seller Center, on the chargeback's page, before the deadline.",
		};
	}
	if (facts.arbitrationStatus === 'IN_PROGRESS') {
		return {
			channel: 'manual',
			how: "TikTok is arbitrating this case. The API can only read arbitration and has no appeal endpoint: upload the summary PDF and the photos by hand in Seller Center, on this return's page.",
		};
	}
	const actions = facts.sellerActions.map((action) => action.action);
	if (facts.caseType === 'cancellation') {
		return facts.status === 'CANCELLATION_REQUEST_PENDING' ||
			actions.includes('SELLER_RESPOND_CANCEL')
			? {
					channel: 'api',
					how: 'Submit rejects the cancellation through the API with the reason, the comment and the images.',
				}
			: {
					channel: 'none',
					how: `TikTok awaits no answer on this cancellation (status ${facts.status ?? 'unknown'}). Nothing to submit.`,
				};
	}
	if (facts.status === 'BUYER_SHIPPED_ITEM' || actions.includes('SELLER_RESPOND_RECEIVE_PACKAGE')) {
		return {
			channel: 'api',
			decision: 'REJECT_RECEIVED_PACKAGE',
			how: 'Submit rejects the returned package through the API with the reason, the comment and the images.',
		};
	}
	if (
		facts.status === 'RETURN_OR_REFUND_REQUEST_PENDING' ||
		actions.includes('SELLER_RESPOND_REQUEST')
	) {
		const decision = REJECT_REQUEST[facts.subType ?? ''] ?? 'REJECT_REFUND';
		return {
			channel: 'api',
			decision,
			how: `Submit rejects the request (${decision}) through the API with the reason, the comment and the images.`,
		};
	}
	return {
		channel: 'none',
		how: `TikTok awaits no answer on this return (status ${facts.status ?? 'unknown'}${facts.arbitrationStatus ? `, arbitration ${facts.arbitrationStatus}` : ''}). Nothing to submit.`,
	};
}
