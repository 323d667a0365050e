import { DateTime } from 'luxon';
import { NodeOperationError, type IDataObject, type IExecuteFunctions } from 'n8n-workflow';

/** "Return All" or the "Limit" field, as the maximum number of items (undefined = all). */
export function maxItems(context: IExecuteFunctions, itemIndex: number): number | undefined {
	return context.getNodeParameter('returnAll', itemIndex, false)
		? undefined
		: (context.getNodeParameter('limit', itemIndex, 50) as number);
}

/** n8n date fields → TikTok's Unix seconds; empty stays undefined. */
export function toUnixSeconds(
	context: IExecuteFunctions,
	value: unknown,
	field: string,
	itemIndex: number,
): number | undefined {
	if (value === undefined || value === null || value === '') return undefined;
	const parsed = DateTime.isDateTime(value)
		? value
		: value instanceof Date
			? DateTime.fromJSDate(value)
			: DateTime.fromISO(String(value), { setZone: true });
	if (!parsed.isValid) {
		throw new NodeOperationError(context.getNode(), `"${field}" is not a date: ${String(value)}`, {
			itemIndex,
			description:
				'Use an ISO date such as 2026-11-24T00:00:00Z, or an expression like {{ $now.minus({ hours: 24 }) }}.',
		});
	}
	return Math.floor(parsed.toSeconds());
}

/** Comma, space or newline separated ids, as strings (TikTok ids are 64-bit). */
export function splitIds(
	context: IExecuteFunctions,
	value: unknown,
	field: string,
	itemIndex: number,
): string[] {
	const ids = (Array.isArray(value) ? value.map(String) : String(value ?? '').split(/[\s,]+/))
		.map((id) => id.trim())
		.filter(Boolean);
	if (!ids.length)
		throw new NodeOperationError(context.getNode(), `"${field}" is empty`, { itemIndex });
	return ids;
}

export function chunk<T>(list: T[], size: number): T[][] {
	const chunks: T[][] = [];
	for (let start = 0; start < list.length; start += size)
		chunks.push(list.slice(start, start + size));
	return chunks;
}

/** Drops empty filter values so TikTok sees only what the user set. */
export function compact(object: IDataObject): IDataObject {
	return Object.fromEntries(
		Object.entries(object).filter(
			([, value]) =>
				value !== undefined && value !== '' && !(Array.isArray(value) && value.length === 0),
		),
	);
}
