/**
 * One order update, whichever way it arrives: the webhook and the missed-update recovery claim the same key, so an
 * update is processed once even when its webhook turns up after the recovery queued it.
 */
export function orderUpdateKey(orderId: string, updateTime: number): string {
	return `order-update:${orderId}:${updateTime}`;
}
