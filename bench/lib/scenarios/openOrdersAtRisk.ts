import { getOrderTracking } from '../../../nodes/shared/tiktok/resources/tracking';
import { searchOrderPages } from '../../../nodes/shared/tiktok/resources/orders';
import type { Order, OrderStatus } from '../../../dev/simulator';
import { clientFor } from '../../../dev/harness/simulatorClient';
import { plantShopHealthHistory } from '../../../dev/simulator/seed/shopHealth';
import type { Scenario } from '../simulatorWorker';

export interface OpenOrdersAtRiskArgs {
	orders: number;
}

export interface OpenOrdersAtRisk {
	/** Open orders per status, as planted. */
	byStatus: Record<string, number>;
	/**
	 * Orders whose reason depends on the carrier's first scan: a tracking number, no collection_time, and either past
	 * the dispatch line or due within the widest band (24 h). Only these are worth a tracking read.
	 */
	needScan: number;
	/** Orders planted inside a band or past the line (what Orders at Risk must list). */
	atRisk: number;
}

const HOUR = 3600;
/** The widest default band. */
const SOON_HOURS = 24;
/** Open statuses Orders at Risk searches. */
const OPEN: OrderStatus[] = [
	'AWAITING_SHIPMENT',
	'PARTIALLY_SHIPPING',
	'ON_HOLD',
	'AWAITING_COLLECTION',
];

/**
 * The planted shop of dev/simulator/seed/shopHealth.ts (its delivered and cancelled history stays), whose open
 * orders are replaced by `orders` open orders cloned from the planted ones: every status Orders at Risk searches,
 * deadlines spread from 10 h past to 5 days ahead, about one in five with tracking uploaded and no carrier scan.
 */
export const openOrdersAtRisk: Scenario<OpenOrdersAtRiskArgs, OpenOrdersAtRisk> = {
	prepare(sim, { orders: count }) {
		const { state } = sim;
		const now = Math.floor(Date.now() / 1000);
		plantShopHealthHistory(state, now);
		const closed = state.orders.filter((order) => !OPEN.includes(order.status));
		const awaiting = state.orders.find(
			(order) => order.status === 'AWAITING_SHIPMENT' && !order.is_buyer_request_cancel,
		)!;
		const uploaded = state.orders.find(
			(order) =>
				order.status === 'AWAITING_COLLECTION' &&
				order.tracking_number &&
				order.collection_time === undefined,
		)!;
		const opened: Order[] = [];
		const byStatus: Record<string, number> = {};
		let needScan = 0;
		let atRisk = 0;
		for (let index = 0; index < count; index++) {
			// Deadlines every ~25 s from 10 h past to ~5 days ahead, in a fixed shuffle so statuses mix.
			const due = now - 10 * HOUR + ((index * 7919) % count) * Math.floor((130 * HOUR) / count);
			const kind = index % 20;
			const status: OrderStatus =
				kind < 4
					? 'AWAITING_COLLECTION'
					: kind === 4
						? 'ON_HOLD'
						: kind === 5
							? 'PARTIALLY_SHIPPING'
							: 'AWAITING_SHIPMENT';
			const template = status === 'AWAITING_COLLECTION' ? uploaded : awaiting;
			const id = `5770000${String(index).padStart(11, '0')}`;
			const tracking =
				status === 'AWAITING_COLLECTION'
					? `9400111899224${String(index).padStart(9, '0')}`
					: undefined;
			const order: Order = structuredClone(template);
			Object.assign(order, {
				id,
				status,
				create_time: due - 2 * 24 * HOUR,
				paid_time: due - 2 * 24 * HOUR + 60,
				update_time: Math.min(now, due - 24 * HOUR),
				rts_sla_time: due,
				shipping_due_time: due,
				collection_due_time: status === 'AWAITING_COLLECTION' ? due + 24 * HOUR : due + 24 * HOUR,
				is_on_hold_order: status === 'ON_HOLD',
				is_buyer_request_cancel: false,
				tracking_number: tracking,
				rts_time: tracking ? due - 30 * HOUR : undefined,
				collection_time: undefined,
			});
			order.line_items = order.line_items.map((line, lineIndex) => ({
				...line,
				id: `5771${id.slice(4)}${lineIndex}`,
				tracking_number: tracking,
				display_status: status,
			}));
			opened.push(order);
			byStatus[status] = (byStatus[status] ?? 0) + 1;
			const deadline = status === 'AWAITING_COLLECTION' ? due + 24 * HOUR : due;
			if (tracking && (due < now || deadline - now <= SOON_HOURS * HOUR)) needScan++;
			if (deadline - now <= SOON_HOURS * HOUR) atRisk++;
		}
		state.orders.splice(0, state.orders.length, ...closed, ...opened);
		return { byStatus, needScan, atRisk };
	},
	async warmUp(sim) {
		// One page of a status Orders at Risk does not search, and one tracking read of a closed order.
		const client = clientFor(sim, { ratePerSecond: 1e6, maxRetries: 0 });
		const pages = searchOrderPages(client, { order_status: 'DELIVERED' });
		const first = await pages.next();
		const delivered = (first.value as Array<{ id: string }> | undefined)?.[0];
		if (delivered) await getOrderTracking(client, delivered.id);
	},
	commands: {},
};
