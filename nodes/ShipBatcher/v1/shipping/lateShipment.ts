import type { LateShipmentStatus, TikTokOrder } from './interfaces';

const THREE_DAYS_SECONDS = 3 * 86400;

/**
 * TikTok counts a shipment late after its line: 3 calendar days after payment, or the order's own
 * rts_sla_time / shipping_due_time when TikTok sets them. The earliest of those that the order carries wins,
 * because that is the first one a late upload would cross.
 */
export function lateShipmentStatus(
	order: TikTokOrder | undefined,
	nowSeconds: number,
	closeHours: number,
): LateShipmentStatus {
	const lines: Array<[string, number]> = [];
	if (order?.paid_time) lines.push(['paid_time + 3 days', order.paid_time + THREE_DAYS_SECONDS]);
	if (order?.rts_sla_time) lines.push(['rts_sla_time', order.rts_sla_time]);
	if (order?.shipping_due_time) lines.push(['shipping_due_time', order.shipping_due_time]);
	if (lines.length === 0) return { close_to_late_line: false, past_late_line: false };
	const [source, line] = lines.reduce((earliest, candidate) =>
		candidate[1] < earliest[1] ? candidate : earliest,
	);
	const hoursLeft = Math.round(((line - nowSeconds) / 3600) * 10) / 10;
	return {
		ship_by: new Date(line * 1000).toISOString(),
		ship_by_source: source,
		hours_left: hoursLeft,
		close_to_late_line: hoursLeft >= 0 && hoursLeft <= closeHours,
		past_late_line: hoursLeft < 0,
	};
}
