import type { IDataObject } from 'n8n-workflow';

import type { ItemResult } from '../../../shared/itemRunner';
import { carrierDisplayName } from '../../../shared/tracking';
import { ATTENTION_REASON_LABELS } from './attentionReasons';
import type { ShipmentState } from './interfaces';

/** The late-shipment fields, on both outputs: an item that needs attention is the one that may still go out late. */
function lateFields(state: ShipmentState): IDataObject {
	const late = state.late ?? { close_to_late_line: false, past_late_line: false };
	const fields: IDataObject = {
		ship_by: late.ship_by ?? null,
		ship_by_source: late.ship_by_source ?? null,
		hours_left: late.hours_left ?? null,
		close_to_late_line: late.close_to_late_line,
		past_late_line: late.past_late_line,
	};
	if (state.request.shippedAt !== undefined && late.ship_by) {
		fields.left_before_late_line = state.request.shippedAt * 1000 <= Date.parse(late.ship_by);
	}
	return fields;
}

/**
 * The input item's own fields come first, so the 3PL's columns (SKU, customer, warehouse) stay available to the
 * alert; the node's fields follow and win on a clash.
 */
function baseFields(state: ShipmentState): IDataObject {
	const { request, check } = state;
	return {
		...request.input,
		order_id: request.orderId ?? null,
		package_id: request.packageId ?? null,
		tracking_number: check?.normalized || request.trackingNumber || request.trackingInput,
		carrier: request.carrierText,
		carrier_detected: check?.carrier ? carrierDisplayName(check.carrier) : null,
	};
}

export const SHIPPED = 0;
export const NEEDS_ATTENTION = 1;

/** One item per state on Shipped or Needs Attention, naming the input item it came from. */
export function outputItems(states: ShipmentState[]): ItemResult[] {
	const results: ItemResult[] = [];
	for (const state of states) {
		const itemIndex = state.request.itemIndex;
		const outcome = state.outcome;
		if (outcome?.kind === 'shipped') {
			const json: IDataObject = {
				...baseFields(state),
				status: 'shipped',
				shipped_by: outcome.method,
				package_id: outcome.packageId ?? state.request.packageId ?? null,
				shipping_provider_id: outcome.providerId ?? null,
				shipping_provider_name: outcome.providerName ?? null,
				tiktok_request_id: outcome.requestId ?? null,
				...(outcome.warning ? { tiktok_warning: outcome.warning } : {}),
				...(outcome.previousTrackingNumber
					? { previous_tracking_number: outcome.previousTrackingNumber }
					: {}),
				...lateFields(state),
			};
			results.push({ itemIndex, json, output: SHIPPED });
			continue;
		}
		const reason = outcome?.reason ?? 'node_error';
		const json: IDataObject = {
			...baseFields(state),
			status: 'needs_attention',
			reason,
			reason_label: ATTENTION_REASON_LABELS[reason],
			message: outcome?.message ?? 'No answer was recorded for this item. Run the workflow again.',
			tiktok_code: outcome?.tiktok?.code ?? null,
			tiktok_message: outcome?.tiktok?.message ?? null,
			tiktok_request_id: outcome?.tiktok?.requestId ?? null,
			shipping_provider_id: state.provider?.id ?? null,
			shipping_provider_name: state.provider?.name ?? null,
			...lateFields(state),
		};
		results.push({ itemIndex, json, output: NEEDS_ATTENTION });
	}
	return results;
}
