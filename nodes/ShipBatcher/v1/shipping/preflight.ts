import { checkTrackingNumber, normalizeCarrierName } from '../../../shared/tracking';
import { attention, trackingReason } from './attentionReasons';
import type { ShipmentState } from './interfaces';

/**
 * Format and check digit for the carrier the 3PL named. A carrier name we do not recognise is left to the
 * mapping step (the user's table may know it), so here the number is only checked on its own.
 */
export function checkTracking(state: ShipmentState): void {
	const { request } = state;
	const expected =
		request.carrierText && normalizeCarrierName(request.carrierText)
			? request.carrierText
			: undefined;
	const check = checkTrackingNumber(request.trackingInput, expected);
	state.check = check;
	if (!check.valid && check.problem)
		state.outcome = attention(
			trackingReason(check.problem),
			check.message ?? `${request.trackingInput} is not a tracking number.`,
		);
}

/** What one row ships: a package, or some (or all) line items of an order. */
function shipmentKey(state: ShipmentState): string {
	const { packageId, orderId, lineItemIds } = state.request;
	return packageId
		? `package:${packageId}`
		: `order:${orderId}:${[...lineItemIds].sort().join(',')}`;
}

/**
 * Rows of one batch that contradict each other never reach TikTok: one tracking number on two orders (a reused
 * or mistyped label), or one package listed with two different tracking numbers. Rows that repeat the same
 * shipment are fine; they ship once. A package combining several orders legitimately carries one number for all.
 */
export function flagConflictsInBatch(states: ShipmentState[]): void {
	const byTracking = new Map<string, ShipmentState[]>();
	const byShipment = new Map<string, ShipmentState[]>();
	for (const state of states) {
		if (state.outcome || !state.request.trackingNumber) continue;
		const sameNumber = byTracking.get(state.request.trackingNumber) ?? [];
		sameNumber.push(state);
		byTracking.set(state.request.trackingNumber, sameNumber);
		const key = shipmentKey(state);
		const sameShipment = byShipment.get(key) ?? [];
		sameShipment.push(state);
		byShipment.set(key, sameShipment);
	}
	for (const [trackingNumber, group] of byTracking) {
		for (const state of group) {
			const other = group.find(
				(candidate) =>
					candidate.request.orderId !== state.request.orderId &&
					!(state.request.packageId && candidate.request.packageId === state.request.packageId),
			);
			if (!other) continue;
			state.outcome = attention(
				'tracking_reused_in_batch',
				`Tracking number ${trackingNumber} is also given for order ${other.request.orderId} (item ${other.request.itemIndex + 1}) in this batch. ` +
					'One label belongs to one order: ask the 3PL which order this parcel is for.',
			);
		}
	}
	for (const group of byShipment.values()) {
		const numbers = [...new Set(group.map((state) => state.request.trackingNumber))];
		if (numbers.length < 2) continue;
		for (const state of group) {
			if (state.outcome) continue;
			const what = state.request.packageId
				? `package ${state.request.packageId}`
				: `order ${state.request.orderId}`;
			state.outcome = attention(
				'conflicting_rows_in_batch',
				`This batch gives ${what} several tracking numbers (${numbers.join(', ')}), and TikTok takes one. Keep the row with the right label and run again.`,
			);
		}
	}
}
