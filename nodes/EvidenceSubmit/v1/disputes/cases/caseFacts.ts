import type { IDataObject } from 'n8n-workflow';

import type { CaseFacts, CaseType, SellerAction } from '../interfaces';

/** TikTok's return object (POST /return_refund/202309/returns/search, reference §7). */
export interface TikTokReturn {
	return_id: string;
	order_id: string;
	return_type?: string;
	return_status?: string;
	arbitration_status?: string;
	return_reason?: string;
	return_reason_text?: string;
	return_tracking_number?: string;
	return_provider_name?: string;
	seller_next_action_response?: SellerAction[];
	return_line_items?: Array<{ product_name?: string; sku_name?: string; seller_sku?: string }>;
	refund_amount?: { currency?: string; refund_total?: string };
	create_time?: number;
	update_time?: number;
}

/** TikTok's cancellation object (POST /return_refund/202309/cancellations/search). */
export interface TikTokCancellation {
	cancel_id: string;
	order_id: string;
	cancel_type?: string;
	cancel_status?: string;
	cancel_reason?: string;
	cancel_reason_text?: string;
	seller_next_action_response?: SellerAction[];
	cancel_line_items?: Array<{ product_name?: string; sku_id?: string }>;
	refund_amount?: { currency?: string; refund_total?: string };
	create_time?: number;
	update_time?: number;
}

const text = (value: unknown): string | undefined =>
	value === undefined || value === null || value === '' ? undefined : String(value);

function actionsOf(value: unknown): SellerAction[] {
	if (!Array.isArray(value)) return [];
	return value
		.map((entry) => entry as IDataObject)
		.map((entry) => ({
			action: String(entry.action ?? ''),
			deadline: Number(entry.deadline_unix ?? entry.deadline),
		}))
		.filter((entry) => Number.isFinite(entry.deadline));
}

export function factsOfReturn(ret: TikTokReturn): CaseFacts {
	return {
		caseId: String(ret.return_id),
		caseType: 'return',
		orderId: text(ret.order_id),
		subType: text(ret.return_type),
		status: text(ret.return_status),
		arbitrationStatus: text(ret.arbitration_status),
		reason: text(ret.return_reason),
		reasonText: text(ret.return_reason_text),
		refundTotal: text(ret.refund_amount?.refund_total),
		currency: text(ret.refund_amount?.currency),
		sellerActions: actionsOf(ret.seller_next_action_response),
		returnTrackingNumber: text(ret.return_tracking_number),
		returnCarrier: text(ret.return_provider_name),
		products: (ret.return_line_items ?? [])
			.map((line) => [line.product_name, line.sku_name].filter(Boolean).join(' - '))
			.filter(Boolean),
	};
}

export function factsOfCancellation(cancellation: TikTokCancellation): CaseFacts {
	return {
		caseId: String(cancellation.cancel_id),
		caseType: 'cancellation',
		orderId: text(cancellation.order_id),
		subType: text(cancellation.cancel_type),
		status: text(cancellation.cancel_status),
		reason: text(cancellation.cancel_reason),
		reasonText: text(cancellation.cancel_reason_text),
		refundTotal: text(cancellation.refund_amount?.refund_total),
		currency: text(cancellation.refund_amount?.currency),
		sellerActions: actionsOf(cancellation.seller_next_action_response),
		products: (cancellation.cancel_line_items ?? [])
			.map((line) => line.product_name ?? '')
			.filter(Boolean),
	};
}

/**
 * The case an input item describes: a Find Cases item, a raw TikTok return or cancellation, or a hand-made
 * chargeback record. Undefined when there is no case id at all.
 */
export function factsOfItem(json: IDataObject): CaseFacts | undefined {
	if (json.case_id !== undefined && json.case_id !== null && json.case_id !== '') {
		const caseType = (
			['return', 'cancellation', 'chargeback'].includes(String(json.case_type))
				? json.case_type
				: 'return'
		) as CaseType;
		const refund = (json.refund_amount ?? {}) as IDataObject;
		return {
			caseId: String(json.case_id),
			caseType,
			orderId: text(json.order_id),
			subType: text(json.return_type ?? json.cancel_type),
			status: text(json.status),
			arbitrationStatus: text(json.arbitration_status),
			reason: text(json.reason),
			reasonText: text(json.reason_text),
			refundTotal: text(json.refund_total ?? refund.refund_total),
			currency: text(json.currency ?? refund.currency),
			sellerActions: actionsOf(json.seller_next_action_response),
			returnTrackingNumber: text(json.return_tracking_number),
			returnCarrier: text(json.return_provider_name),
			products: Array.isArray(json.products) ? json.products.map(String) : [],
		};
	}
	if (json.return_id) return factsOfReturn(json as unknown as TikTokReturn);
	if (json.cancel_id) return factsOfCancellation(json as unknown as TikTokCancellation);
	return undefined;
}
