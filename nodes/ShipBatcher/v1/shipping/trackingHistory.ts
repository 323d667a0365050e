import type { DurableStore } from '../../../shared/store';
import { attention } from './attentionReasons';
import type { ShipmentState } from './interfaces';

/** What is remembered about a tracking number once it was uploaded. */
export interface UsedTrackingNumber {
	order_id: string;
	package_id?: string;
	/** Unix seconds. */
	at: number;
}

/**
 * Tracking numbers uploaded by earlier runs, so a label the 3PL reuses days later is caught before TikTok sees
 * it (TikTok itself only answers 21011025 after the fact, and only while the other order is open).
 */
export class TrackingHistory {
	constructor(
		private readonly store: DurableStore,
		/** Per shop: two shops may legitimately carry the same number. */
		private readonly namespace: string,
		private readonly ttlMs: number,
	) {}

	async flagReused(states: ShipmentState[]): Promise<void> {
		const open = states.filter((state) => !state.outcome && state.request.trackingNumber);
		const found = await Promise.all(
			open.map((state) =>
				this.store.getValue<UsedTrackingNumber>(this.namespace, state.request.trackingNumber),
			),
		);
		open.forEach((state, index) => {
			const used = found[index];
			if (!used || used.order_id === state.request.orderId) return;
			if (used.package_id && used.package_id === state.request.packageId) return;
			const when = new Date(used.at * 1000).toISOString().slice(0, 10);
			state.outcome = attention(
				'tracking_reused_recently',
				`Tracking number ${state.request.trackingNumber} was already uploaded for order ${used.order_id} on ${when}. ` +
					'Carriers do not reuse numbers this soon: ask the 3PL for the right label of this order.',
			);
		});
	}

	async remember(states: ShipmentState[], nowSeconds: number): Promise<void> {
		await Promise.all(
			states.map((state) =>
				this.store.setValue<UsedTrackingNumber>(
					this.namespace,
					state.request.trackingNumber,
					{
						order_id: state.request.orderId ?? '',
						...(state.request.packageId ? { package_id: state.request.packageId } : {}),
						at: nowSeconds,
					},
					this.ttlMs,
				),
			),
		);
	}
}
