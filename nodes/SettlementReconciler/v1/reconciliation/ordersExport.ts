import type { Readable } from 'node:stream';

import type { Discrepancy } from './checks';
import { headerZone, normalizeHeader } from './columns';
import { streamCsvRecords } from './csvRecords';
import { dateKeyToDateTime, parseDateKey } from './dates';
import { applyRate, formatDollars, parseCents } from './money';
import type { OrderLedger } from './orderLedger';
import type { RateTable } from './rateTable';
import { isPlaceholder } from './settlementCsv';

/**
 * Seller Center's orders export (Orders → Export), read to find orders TikTok delivered long ago that the settlement
 * report never paid. It has one row per SKU line, so an order's id repeats; its value is the sum of its lines.
 */
type OrderField =
	| 'orderId'
	| 'status'
	| 'substatus'
	| 'delivered'
	| 'lineValue'
	| 'orderValue'
	| 'category'
	| 'sku'
	| 'skuId';

const ALIASES: Record<OrderField, string[]> = {
	orderId: ['Order ID', 'Order id', 'Order Number', 'order_id'],
	status: ['Order Status', 'Status'],
	substatus: ['Order Substatus', 'Order Sub Status', 'Substatus'],
	delivered: [
		'Delivered Time',
		'Delivery Time',
		'Delivered time',
		'Delivered Date',
		'delivery_time',
	],
	lineValue: [
		'SKU Subtotal After Discount',
		'SKU subtotal after discount',
		'Item Subtotal After Discount',
	],
	orderValue: ['Order Amount', 'Order Total', 'Total Amount', 'Order amount'],
	category: ['Product Category', 'Category'],
	sku: ['Seller SKU', 'Seller sku'],
	skuId: ['SKU ID', 'sku_id'],
};

const DELIVERED = /deliver|complet/i;
const NOT_DELIVERED = /cancel|return|refund|unpaid|awaiting/i;

export interface UnsettledFromExport {
	discrepancies: Discrepancy[];
	/** Delivered orders in the export, settled or not. */
	deliveredOrders: number;
	/** Delivered too recently to expect a settlement yet. */
	tooRecent: number;
	rejected: Array<{ line: number; reason: string; content: string }>;
}

export interface OrdersExportOptions {
	/** yyyymmdd of the As Of day in the seller's zone. */
	asOfKey: number;
	afterDays: number;
	zone: string;
	rates: RateTable;
	/** The transaction fee TikTok will take from the payout, as the checks expect it. */
	transactionFeeBasisPoints: number;
	transactionFeeFixedCents: number;
}

export class OrdersExportColumnsError extends Error {
	constructor(readonly headers: string[]) {
		super(
			`The orders export has no ${headers.length ? 'order ID, status or delivered time column' : 'header'}. Columns found: ${headers.map((header) => `"${header}"`).join(', ') || 'none'}.`,
		);
	}
}

interface OrderSeen {
	status: string;
	deliveredKey: number;
	lineValue: number;
	/** Commission the rate table expects on the lines, each at its own category or SKU rate. */
	lineCommission: number;
	orderValue: number | null;
	line: number;
}

/** Delivered orders of the export, more than `afterDays` before As Of, that the ledger (the settlement report) lacks. */
export async function findUnsettledInExport(
	stream: Readable,
	ledger: OrderLedger,
	options: OrdersExportOptions,
): Promise<UnsettledFromExport> {
	let index: Partial<Record<OrderField, number>> | undefined;
	let deliveredZone: string | undefined;
	let width = 0;
	let headers: string[] = [];
	const orders = new Map<string, OrderSeen>();
	const rejected: UnsettledFromExport['rejected'] = [];
	await streamCsvRecords(stream, (cells, line) => {
		if (cells.length === 1 && cells[0].trim() === '') return;
		if (!index) {
			headers = cells.map((cell) => cell.replace(/^\uFEFF/, '').trim());
			const found = mapOrderColumns(headers);
			if (
				found.orderId === undefined ||
				found.status === undefined ||
				found.delivered === undefined
			)
				throw new OrdersExportColumnsError(headers);
			index = found;
			width = headers.length;
			deliveredZone = headerZone(headers[found.delivered]);
			return;
		}
		const text = (field: OrderField) => {
			const at = index![field];
			const value = at === undefined ? '' : (cells[at] ?? '').trim();
			return isPlaceholder(value) ? '' : value;
		};
		if (cells.length !== width)
			return void rejected.push({
				line,
				reason: `has ${cells.length} cells but the header has ${width}`,
				content: cells.join(',').slice(0, 300),
			});
		const orderId = text('orderId');
		if (!orderId) return;
		const deliveredText = text('delivered');
		const deliveredKey = deliveredText
			? parseDateKey(deliveredText, options.zone, deliveredZone)
			: 0;
		if (Number.isNaN(deliveredKey))
			return void rejected.push({
				line,
				reason: `"${headers[index.delivered!]}" is not a date`,
				content: cells.join(',').slice(0, 300),
			});
		const seen = orders.get(orderId) ?? {
			status: '',
			deliveredKey: 0,
			lineValue: 0,
			lineCommission: 0,
			orderValue: null,
			line,
		};
		seen.status ||= `${text('status')} ${text('substatus')}`.trim();
		seen.deliveredKey = Math.max(seen.deliveredKey, deliveredKey);
		const lineValue = parseCents(text('lineValue'));
		if (lineValue !== null && !Number.isNaN(lineValue)) {
			seen.lineValue += lineValue;
			seen.lineCommission += applyRate(
				lineValue,
				options.rates.basisPointsFor(text('category'), text('sku'), text('skuId')),
			);
		}
		const orderValue = parseCents(text('orderValue'));
		if (seen.orderValue === null && orderValue !== null && !Number.isNaN(orderValue))
			seen.orderValue = orderValue;
		orders.set(orderId, seen);
	});
	if (!index) throw new OrdersExportColumnsError(headers);

	const result: UnsettledFromExport = {
		discrepancies: [],
		deliveredOrders: 0,
		tooRecent: 0,
		rejected,
	};
	const asOf = dateKeyToDateTime(options.asOfKey, options.zone);
	for (const [orderId, order] of orders) {
		if (
			!DELIVERED.test(order.status) ||
			NOT_DELIVERED.test(order.status) ||
			order.deliveredKey === 0
		)
			continue;
		result.deliveredOrders++;
		if (ledger.ids.find(orderId) !== -1) continue;
		const days = Math.round(
			asOf.diff(dateKeyToDateTime(order.deliveredKey, options.zone), 'days').days,
		);
		if (days <= options.afterDays) {
			result.tooRecent++;
			continue;
		}
		const value = order.lineValue || order.orderValue || 0;
		const commission = order.lineValue
			? order.lineCommission
			: applyRate(value, options.rates.defaultBasisPoints);
		const owed =
			value -
			commission -
			applyRate(value, options.transactionFeeBasisPoints) -
			options.transactionFeeFixedCents;
		result.discrepancies.push({
			orderId,
			check: 'delivered_not_settled',
			expected: value,
			actual: 0,
			owed,
			dateKey: order.deliveredKey,
			line: order.line,
			explanation: `Delivered ${days} days ago (${order.status}, orders export line ${order.line}) and not in this settlement report. Order value ${formatDollars(value)}; estimated payout after commission and transaction fee ${formatDollars(owed)}. If a report for another period settles it, this can be ignored.`,
		});
	}
	return result;
}

function mapOrderColumns(headers: string[]): Partial<Record<OrderField, number>> {
	const found: Partial<Record<OrderField, number>> = {};
	const rank: Partial<Record<OrderField, number>> = {};
	headers.forEach((header, at) => {
		const normalized = normalizeHeader(header);
		for (const [field, aliases] of Object.entries(ALIASES) as Array<[OrderField, string[]]>) {
			const position = aliases.findIndex((alias) => normalizeHeader(alias) === normalized);
			if (position < 0 || (rank[field] !== undefined && rank[field]! <= position)) continue;
			rank[field] = position;
			found[field] = at;
		}
	});
	return found;
}
