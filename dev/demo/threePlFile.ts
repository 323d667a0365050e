import { getTracking } from 'ts-tracking-number';

import { SeededRandom } from '../simulator/random';
import type { DemoPlan, Order, Package, ShopState } from '../simulator';

/** What the Ship Batcher should make of a row of the demo's 3PL file. */
export type DemoRowOutcome = 'shipped' | 'tracking_check_digit' | 'carrier_unknown';

export interface DemoThreePlRow {
	order_id: string;
	package_id: string;
	tracking_number: string;
	carrier: string;
	outcome: DemoRowOutcome;
}

export interface DemoThreePlFile {
	csv: string;
	rows: DemoThreePlRow[];
}

/** The file name the ship-from-3PL template reads (its Settings node, three_pl_file_name). */
export const THREE_PL_FILE_NAME = '3pl-shipments.csv';

const HEADER = [
	'warehouse_ref',
	'order_id',
	'package_id',
	'tracking_number',
	'carrier',
	'shipped_at',
	'sku',
] as const;

type Carrier = 'UPS' | 'USPS' | 'FedEx';

/** Courier names ts-tracking-number gives each carrier's numbers. */
const COURIER: Record<Carrier, string> = {
	UPS: 'UPS',
	USPS: 'United States Postal Service',
	FedEx: 'FedEx',
};

function candidate(carrier: Carrier, random: SeededRandom): string {
	switch (carrier) {
		case 'UPS':
			return `1Z${random.chars(6, 'ABCDEFGHJKLMNPRSTUVWXYZ0123456789')}03${random.digits(7)}`;
		case 'USPS':
			return `9400${random.digits(17)}`;
		case 'FedEx':
			return random.digits(11);
	}
}

/** A number with a correct check digit, as a carrier issues it (checked with the same library the pack uses). */
export function validTrackingNumber(carrier: Carrier, random: SeededRandom): string {
	for (;;) {
		const stem = candidate(carrier, random);
		for (let digit = 0; digit <= 9; digit++) {
			const number = `${stem}${digit}`;
			if (getTracking(number)?.courier.name === COURIER[carrier]) return number;
		}
	}
}

/** The same number with its last digit changed: what a typo on a label scan gives. */
export function mistyped(number: string): string {
	return `${number.slice(0, -1)}${(Number(number.slice(-1)) + 5) % 10}`;
}

function isShippable(order: Order, atRiskOrderId: string): boolean {
	return (
		order.id !== atRiskOrderId &&
		order.status === 'AWAITING_SHIPMENT' &&
		order.shipping_type === 'SELLER' &&
		!order.is_on_hold_order &&
		!order.is_buyer_request_cancel &&
		order.paid_time !== undefined
	);
}

const cell = (value: string): string =>
	/[",\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;

/**
 * The 3PL's shipment file for the demo shop: three orders ready to ship (two in a package TikTok opened, one not)
 * and two rows a person must fix: the order at risk with a mistyped tracking number, and a carrier nobody can map.
 */
export function demoThreePlFile(state: ShopState, plan: DemoPlan, now: number): DemoThreePlFile {
	const random = new SeededRandom(20261207);
	const openPackage = (order: Order): Package | undefined =>
		state.packages.find((pkg) => pkg.order_id === order.id && !pkg.tracking_number);
	const shippable = state.orders
		.filter((order) => isShippable(order, plan.atRisk.orderId))
		.sort((a, b) => a.id.localeCompare(b.id));
	const packaged = shippable.filter((order) => openPackage(order));
	const bare = shippable.filter(
		(order) => order.packages.length === 0 && !state.packages.some((p) => p.order_id === order.id),
	);
	if (packaged.length < 2 || bare.length < 2)
		throw new Error('The demo shop has too few unshipped seller orders for the 3PL file');
	const row = (
		order: Order,
		tracking: string,
		carrier: string,
		outcome: DemoRowOutcome,
	): DemoThreePlRow => ({
		order_id: order.id,
		package_id: openPackage(order)?.id ?? '',
		tracking_number: tracking,
		carrier,
		outcome,
	});
	const rows: DemoThreePlRow[] = [
		row(packaged[0], validTrackingNumber('UPS', random), 'UPS Ground', 'shipped'),
		row(packaged[1], validTrackingNumber('USPS', random), 'USPS Ground Advantage', 'shipped'),
		row(bare[0], validTrackingNumber('FedEx', random), 'FedEx Home Delivery', 'shipped'),
		row(
			state.orders.find((order) => order.id === plan.atRisk.orderId)!,
			mistyped(validTrackingNumber('UPS', random)),
			'UPS Ground',
			'tracking_check_digit',
		),
		row(bare[1], validTrackingNumber('USPS', random), 'Pony Express Regional', 'carrier_unknown'),
	];
	const shippedAt = new Date((now - 2 * 3600) * 1000).toISOString().replace(/\.\d{3}Z$/, 'Z');
	const lines = [
		HEADER.join(','),
		...rows.map((entry) =>
			[
				`WH${random.digits(7)}`,
				entry.order_id,
				entry.package_id,
				entry.tracking_number,
				entry.carrier,
				shippedAt,
				`JP-${random.digits(5)}`,
			]
				.map(cell)
				.join(','),
		),
	];
	return { csv: `${lines.join('\r\n')}\r\n`, rows };
}
