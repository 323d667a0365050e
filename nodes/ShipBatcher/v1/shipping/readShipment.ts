import { DateTime } from 'luxon';
import type { IDataObject, INodeExecutionData } from 'n8n-workflow';

import { normalizeTrackingNumber } from '../../../shared/tracking';
import { attention } from './attentionReasons';
import type { AttentionOutcome, ShipmentRequest } from './interfaces';
import type { FieldNames } from './inputContract';

/** A field by its exact name first (CSV headers may contain dots), then as a dotted path. */
function readField(json: IDataObject, name: string): unknown {
	if (!name) return undefined;
	if (name in json) return json[name];
	return name
		.split('.')
		.reduce<unknown>(
			(value, key) =>
				value && typeof value === 'object' ? (value as IDataObject)[key] : undefined,
			json,
		);
}

function text(value: unknown): string {
	if (value === undefined || value === null) return '';
	return String(value).trim();
}

/**
 * TikTok ids are 64-bit: a spreadsheet shows them as 5.76684E+17 and a JSON reader may have rounded them to a
 * float, and either way the digits are gone. Returns the id, or why it cannot be used.
 */
function readId(value: unknown, label: string): { id?: string; problem?: string } {
	if (typeof value === 'number' && !Number.isSafeInteger(value)) {
		return {
			problem: `The ${label} ${value} lost its last digits when it was read as a number. Export the column as text.`,
		};
	}
	const id = text(value).replace(/^'/, '');
	if (id === '') return {};
	if (/^\d+(\.\d+)?E\+\d+$/i.test(id)) {
		return {
			problem: `The ${label} "${id}" was turned into scientific notation by a spreadsheet, which drops digits. Export the column as text.`,
		};
	}
	if (!/^\d{6,25}$/.test(id))
		return {
			problem: `The ${label} "${id}" is not a TikTok ID, which is all digits. Check the column.`,
		};
	return { id };
}

function readLineItemIds(value: unknown): string[] {
	const list = Array.isArray(value) ? value.map(text) : text(value).split(/[\s,;]+/);
	return [...new Set(list.filter(Boolean))];
}

/** ISO text, Unix seconds or milliseconds, or a Date. */
function readTime(value: unknown): { time?: number; problem?: string } {
	if (value === undefined || value === null || value === '') return {};
	if (value instanceof Date)
		return Number.isNaN(value.getTime())
			? { problem: 'invalid' }
			: { time: Math.floor(value.getTime() / 1000) };
	const raw = text(value);
	if (/^\d{10}$/.test(raw)) return { time: Number(raw) };
	if (/^\d{13}$/.test(raw)) return { time: Math.floor(Number(raw) / 1000) };
	const parsed = DateTime.fromISO(raw, { setZone: true });
	if (parsed.isValid) return { time: Math.floor(parsed.toSeconds()) };
	const sql = DateTime.fromSQL(raw, { zone: 'utc' });
	return sql.isValid ? { time: Math.floor(sql.toSeconds()) } : { problem: `"${raw}"` };
}

/** Reads one item through the input contract; ids that cannot be sent to TikTok stop here. */
export function readShipment(
	item: INodeExecutionData,
	itemIndex: number,
	fields: FieldNames,
): ShipmentRequest | { request: ShipmentRequest; outcome: AttentionOutcome } {
	const json = item.json ?? {};
	const order = readId(readField(json, fields.orderId), 'order ID');
	const pkg = readId(readField(json, fields.packageId), 'package ID');
	const trackingInput = text(readField(json, fields.trackingNumber));
	const shipped = readTime(readField(json, fields.shippedAt));
	const request: ShipmentRequest = {
		itemIndex,
		orderId: order.id,
		packageId: pkg.id,
		lineItemIds: readLineItemIds(readField(json, fields.lineItemIds)),
		trackingInput,
		trackingNumber: normalizeTrackingNumber(trackingInput),
		carrierText: text(readField(json, fields.carrier)),
		shippedAt: shipped.time,
		input: json,
	};
	if (order.problem) return { request, outcome: attention('invalid_order_id', order.problem) };
	if (pkg.problem) return { request, outcome: attention('invalid_package_id', pkg.problem) };
	if (!request.orderId && !request.packageId) {
		return {
			request,
			outcome: attention(
				'missing_order_and_package',
				`The item has neither an order ID ("${fields.orderId}") nor a package ID ("${fields.packageId}"), so there is nothing to ship. Check the field names.`,
			),
		};
	}
	if (shipped.problem) {
		return {
			request,
			outcome: attention(
				'invalid_ship_time',
				`The ship time ${shipped.problem} is not a date. Use an ISO date such as 2026-11-24T15:30:00Z, or leave it empty.`,
			),
		};
	}
	return request;
}
