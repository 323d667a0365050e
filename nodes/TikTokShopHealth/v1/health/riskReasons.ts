import type { OrderRecord } from '../../../shared/tiktok/resources/orders';
import { localTime } from './localTime';
import { BAND_ORDER, bandFor, bandLabel, type BandCode, type RiskBands } from './riskBands';

/** Why an open order may miss its line. */
export type RiskReasonCode =
	'LATE_CARRIER_SCAN' | 'BUYER_CANCEL_REQUEST' | 'ON_HOLD' | 'NO_CARRIER_SCAN' | 'NO_TRACKING';

/** The first reason an order has, in this order, decides its label and next step. */
const PRIORITY: RiskReasonCode[] = [
	'LATE_CARRIER_SCAN',
	'BUYER_CANCEL_REQUEST',
	'ON_HOLD',
	'NO_CARRIER_SCAN',
	'NO_TRACKING',
];

export const REASON_LABELS: Record<RiskReasonCode, string> = {
	LATE_CARRIER_SCAN: "Carrier's first scan came after the dispatch line",
	BUYER_CANCEL_REQUEST: 'Buyer asked to cancel',
	ON_HOLD: 'On hold by TikTok',
	NO_CARRIER_SCAN: 'Tracking uploaded, no carrier scan yet',
	NO_TRACKING: 'No tracking number yet',
};

/**
 * Statuses Orders at Risk reads, one Order Search each (order_status takes one value). Those holding parcels with
 * tracking come first, so their tracking reads (budgeted apart from Order Search) run while the rest is searched.
 */
export const OPEN_STATUSES = [
	'AWAITING_COLLECTION',
	'PARTIALLY_SHIPPING',
	'AWAITING_SHIPMENT',
	'ON_HOLD',
] as const;

export interface OrderRisk {
	order_id: string;
	status: string;
	band: BandCode;
	band_label: string;
	/** Hours before the deadline, one decimal; negative once it has passed. */
	hours_left: number;
	deadline: string;
	/** The deadline for a person, in `time_zone`: "Tue, Dec 8, 2:00 PM PST". */
	deadline_local: string;
	deadline_field: 'shipping_due_time' | 'collection_due_time';
	reason: RiskReasonCode;
	reason_label: string;
	reasons: RiskReasonCode[];
	next_step: string;
	tracking_number: string | null;
	shipping_provider: string | null;
	carrier_scan_at: string | null;
	carrier_scan_at_local: string | null;
	created_at: string;
	/** The IANA time zone of the `_local` fields and of the times in `next_step`. */
	time_zone: string;
}

function iso(seconds: number | undefined): string | null {
	return seconds === undefined ? null : new Date(seconds * 1000).toISOString();
}

export function trackingNumberOf(order: OrderRecord): string | undefined {
	return (
		order.tracking_number ||
		order.line_items?.find((item) => item.tracking_number)?.tracking_number ||
		undefined
	);
}

/** The deadline an open order is measured against: collection for parcels waiting for the carrier, else shipping. */
export function deadlineOf(
	order: OrderRecord,
): { at: number; field: OrderRisk['deadline_field'] } | undefined {
	const collection = order.collection_due_time || undefined;
	const shipping = order.shipping_due_time || undefined;
	if (order.status === 'AWAITING_COLLECTION' && collection)
		return { at: collection, field: 'collection_due_time' };
	if (shipping) return { at: shipping, field: 'shipping_due_time' };
	if (collection) return { at: collection, field: 'collection_due_time' };
	return undefined;
}

/** Whether the carrier's first scan must be read from TikTok's tracking history to judge this order. */
export function needsCarrierScan(order: OrderRecord): boolean {
	return Boolean(trackingNumberOf(order)) && order.collection_time === undefined;
}

function nextStep(
	reason: RiskReasonCode,
	order: OrderRecord,
	deadline: number,
	scanAt: number | undefined,
	zone: string,
): string {
	const when = (seconds: number) => localTime(seconds, zone);
	const carrier = order.shipping_provider || 'the carrier';
	switch (reason) {
		case 'LATE_CARRIER_SCAN':
			return (
				`This order already counts as a late dispatch: ${carrier} first scanned it ${when(scanAt as number)}, after the dispatch line ` +
				`${when(order.shipping_due_time as number)}. If the carrier was late, keep the drop-off receipt for an appeal; hand parcels over earlier.`
			);
		case 'BUYER_CANCEL_REQUEST':
			return `Answer the buyer's cancellation request first (approve it, or reject it with a reason and ship) before ${when(deadline)}.`;
		case 'ON_HOLD':
			return `TikTok is holding the order (new orders can sit about an hour with an empty address). Pack it, but buy the label only once the hold lifts; if it is still on hold near ${when(deadline)}, contact TikTok seller support.`;
		case 'NO_CARRIER_SCAN':
			return `Hand the parcel to ${carrier} or book a pickup so it is scanned before ${when(deadline)}. Late dispatch counts from the carrier's first scan, not from the tracking upload.`;
		case 'NO_TRACKING':
			return `Buy or print the label, upload the tracking number and get the parcel scanned by the carrier before ${when(deadline)}.`;
	}
}

/**
 * Whether an open order is at risk, and why. `scanAt` is the carrier's first scan (Unix seconds) when known from
 * the order's collection_time or TikTok's tracking history. Orders further out than the widest band are not at risk.
 * Times meant for a person (`next_step`, the `_local` fields) are written in `zone`; the ISO fields stay UTC.
 */
export function assessOrder(
	order: OrderRecord,
	now: number,
	bands: RiskBands,
	scanAt?: number,
	zone = 'UTC',
): OrderRisk | undefined {
	const deadline = deadlineOf(order);
	if (!deadline) return undefined;
	const carrierScan = order.collection_time ?? scanAt;
	const tracking = trackingNumberOf(order);
	const reasons = new Set<RiskReasonCode>();
	const dispatchLine = order.shipping_due_time || undefined;
	if (carrierScan !== undefined && dispatchLine !== undefined && carrierScan > dispatchLine)
		reasons.add('LATE_CARRIER_SCAN');
	if (order.is_buyer_request_cancel) reasons.add('BUYER_CANCEL_REQUEST');
	if (order.status === 'ON_HOLD' || order.is_on_hold_order) reasons.add('ON_HOLD');
	if (tracking && carrierScan === undefined) reasons.add('NO_CARRIER_SCAN');
	if (!tracking && order.status !== 'ON_HOLD') reasons.add('NO_TRACKING');
	if (
		order.status === 'PARTIALLY_SHIPPING' &&
		order.line_items?.some((item) => !item.tracking_number)
	)
		reasons.add('NO_TRACKING');
	const ordered = PRIORITY.filter((reason) => reasons.has(reason));
	if (ordered.length === 0) return undefined;
	const hoursLeft = Math.round(((deadline.at - now) / 3600) * 10) / 10;
	const band = reasons.has('LATE_CARRIER_SCAN')
		? 'overdue'
		: bandFor((deadline.at - now) / 3600, bands);
	if (!band) return undefined;
	const reason = ordered[0];
	return {
		order_id: order.id,
		status: order.status,
		band,
		band_label: bandLabel(band, bands),
		hours_left: hoursLeft,
		deadline: iso(deadline.at) as string,
		deadline_local: localTime(deadline.at, zone),
		deadline_field: deadline.field,
		reason,
		reason_label: REASON_LABELS[reason],
		reasons: ordered,
		next_step: nextStep(reason, order, deadline.at, carrierScan, zone),
		tracking_number: tracking ?? null,
		shipping_provider: order.shipping_provider || null,
		carrier_scan_at: iso(carrierScan),
		carrier_scan_at_local: carrierScan === undefined ? null : localTime(carrierScan, zone),
		created_at: iso(order.create_time) as string,
		time_zone: zone,
	};
}

/** Most urgent first: by band, then by time left, then by order id so equal deadlines keep a stable order. */
export function sortByUrgency(risks: OrderRisk[]): OrderRisk[] {
	return [...risks].sort(
		(a, b) =>
			BAND_ORDER.indexOf(a.band) - BAND_ORDER.indexOf(b.band) ||
			a.hours_left - b.hours_left ||
			a.order_id.localeCompare(b.order_id),
	);
}
