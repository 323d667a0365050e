/**
 * The fields read from each incoming item. The defaults are the names the 3PL Tracking Parser writes, and what a
 * CSV with those column headers gives, so either can feed this node without a Set node in between.
 */
export const DEFAULT_FIELD_NAMES = {
	orderId: 'order_id',
	packageId: 'package_id',
	lineItemIds: 'line_item_ids',
	trackingNumber: 'tracking_number',
	carrier: 'carrier',
	shippedAt: 'shipped_at',
} as const;

export type FieldNames = { [K in keyof typeof DEFAULT_FIELD_NAMES]: string };
