import { normalizeTrackingNumber } from '../../../shared/tracking';
import { attention } from './attentionReasons';
import type { Outcome, ShipmentState } from './interfaces';

/** TikTok's "already shipped" answers (reference §5 and the Batch Ship Packages error list). */
export const ALREADY_SHIPPED_CODES = new Set([21011020, 21008099, 21011040, 21011027]);

/**
 * An order TikTok already shows as shipped. With the same tracking number this run is a repeat, so it counts as
 * shipped and re-running a file is harmless. With another number, someone must decide which label is right,
 * unless the user asked to correct tracking (returns undefined: the caller then updates it).
 */
export function alreadyShippedOutcome(
	state: ShipmentState,
	shippedWith: string | undefined,
	updateTracking: boolean,
): Outcome | undefined {
	const { request } = state;
	if (shippedWith && normalizeTrackingNumber(shippedWith) === request.trackingNumber) {
		return {
			kind: 'shipped',
			method: 'already_shipped',
			orderId: request.orderId,
			packageId: request.packageId,
			providerId: state.provider?.id,
			providerName: state.provider?.name,
		};
	}
	if (updateTracking && shippedWith && state.provider) return undefined;
	const what = request.packageId ? `Package ${request.packageId}` : `Order ${request.orderId}`;
	const withWhat = shippedWith
		? `with tracking number ${shippedWith}, not ${request.trackingNumber}`
		: `and TikTok does not show its tracking number`;
	return attention(
		'already_shipped_different_tracking',
		`${what} was already shipped ${withWhat}. If ${request.trackingNumber} is the right label, turn on "Update Tracking If Already Shipped" ` +
			'(TikTok allows one change within 72 hours of shipping) or correct it in Seller Center.',
	);
}
