import type { IDataObject } from 'n8n-workflow';

import type { CaseFacts } from '../interfaces';
import { CLAIM_LABELS, claimTypeOf } from './claimTypes';
import { deadlineFacts } from './deadlines';
import { submissionFor } from './submission';

/** One Find Cases output item: the case in plain fields, its claim, its deadline and how it can be answered. */
export function caseItem(facts: CaseFacts, raw: IDataObject, nowSeconds: number): IDataObject {
	const claim = claimTypeOf(facts);
	const submission = submissionFor(facts);
	const typeField = facts.caseType === 'cancellation' ? 'cancel_type' : 'return_type';
	return {
		case_id: facts.caseId,
		case_type: facts.caseType,
		order_id: facts.orderId ?? null,
		[typeField]: facts.subType ?? null,
		status: facts.status ?? null,
		arbitration_status: facts.arbitrationStatus ?? null,
		reason: facts.reason ?? null,
		reason_text: facts.reasonText ?? null,
		claim_type: claim,
		claim_label: CLAIM_LABELS[claim],
		refund_total: facts.refundTotal ?? null,
		currency: facts.currency ?? null,
		refund_amount: (raw.refund_amount as IDataObject | undefined) ?? null,
		seller_next_action_response: facts.sellerActions.map((action) => ({
			action: action.action,
			deadline: action.deadline,
			deadline_iso: new Date(action.deadline * 1000).toISOString(),
		})),
		...deadlineFacts(facts.sellerActions, nowSeconds),
		answer_channel: submission.channel,
		answer_how: submission.how,
		return_tracking_number: facts.returnTrackingNumber ?? null,
		return_provider_name: facts.returnCarrier ?? null,
		products: facts.products,
		created_at:
			typeof raw.create_time === 'number' ? new Date(raw.create_time * 1000).toISOString() : null,
		updated_at:
			typeof raw.update_time === 'number' ? new Date(raw.update_time * 1000).toISOString() : null,
	};
}
