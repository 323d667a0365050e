import type { IDataObject } from 'n8n-workflow';

import { InputProblem, type ScanEvent, type ScanKind } from '../interfaces';

/**
 * Carrier scan wording (USPS, UPS, FedEx, DHL) and tracking-service statuses (AfterShip tags, EasyPost statuses),
 * checked in this order. A label or a "shipped" mark made by the seller is not a carrier scan: the carrier never
 * touched the package, and TikTok does not accept it as proof of shipment.
 */
const KIND_PATTERNS: Array<[RegExp, ScanKind]> = [
	[/out[ _-]?for[ _-]?delivery/, 'out_for_delivery'],
	[/attempt|notice left|no access|unable to deliver|attemptfail|failure/, 'delivery_attempt'],
	[
		/not delivered|undeliver|exception|return(ed)? to sender|return_to_sender|lost|damaged|held at|delay/,
		'exception',
	],
	[/delivered/, 'delivered'],
	[
		/label (created|printed)|shipping label|pre[ _-]?(shipment|transit)|shipment information (sent|received)|ready for (ups|fedex|usps)|awaiting item|inforeceived|info received|electronic (shipping )?info|^shipped$|marked (as )?shipped|order shipped|seller shipped/,
		'label_created',
	],
	[
		/accept|picked up|pick[ _-]?up scan|origin scan|received by (the )?(carrier|post office)|dropped off|drop[ _-]?off|usps in possession|tendered|first scan|package received by/,
		'acceptance',
	],
	[
		/in[ _-]?transit|intransit|departed|arrived|processed|on its way|facility|hub|sort/,
		'in_transit',
	],
];

export function classifyScan(description: string): ScanKind {
	const words = description.toLowerCase();
	for (const [pattern, kind] of KIND_PATTERNS) if (pattern.test(words)) return kind;
	return 'other';
}

const pick = (event: IDataObject, keys: string[]): unknown =>
	keys
		.map((key) => event[key])
		.find((value) => value !== undefined && value !== null && value !== '');

function parseTime(value: unknown): { time: string; at?: number } {
	if (typeof value === 'number' && Number.isFinite(value)) {
		const seconds = value > 1e11 ? Math.floor(value / 1000) : value;
		return { time: new Date(seconds * 1000).toISOString(), at: seconds };
	}
	const raw = String(value ?? '').trim();
	if (/^\d{10}$/.test(raw)) return parseTime(Number(raw));
	const ms = Date.parse(raw);
	return Number.isNaN(ms) ? { time: raw } : { time: raw, at: Math.floor(ms / 1000) };
}

const NOT_JSON = Symbol('not JSON');

function parseJson(text: string): unknown {
	try {
		return JSON.parse(text);
	} catch {
		return NOT_JSON;
	}
}

/**
 * Scan events as a tracking node or carrier API hands them over: an array (or its JSON text) of objects with a
 * time and a description under any of the usual names. Sorted oldest first.
 */
export function readScanEvents(value: unknown, field: string): ScanEvent[] {
	if (value === undefined || value === null || value === '') return [];
	const list = typeof value === 'string' ? parseJson(value) : value;
	if (list === NOT_JSON) {
		throw new InputProblem(
			`"${field}" is not JSON. Give a list like [{"time":"2026-11-20T10:14:00-05:00","description":"Accepted at USPS Origin Facility","location":"Columbus, OH"}].`,
		);
	}
	if (!Array.isArray(list))
		throw new InputProblem(`"${field}" must be a list of scan events (got ${typeof list}).`);
	const events = list.map((entry, index): ScanEvent => {
		if (!entry || typeof entry !== 'object')
			throw new InputProblem(
				`"${field}" entry ${index + 1} is not an object with a time and a description.`,
			);
		const event = entry as IDataObject;
		const description = String(
			pick(event, [
				'description',
				'message',
				'status_detail',
				'event',
				'status',
				'tag',
				'subtag_message',
			]) ?? '',
		).trim();
		const { time, at } = parseTime(
			pick(event, [
				'time',
				'datetime',
				'date',
				'timestamp',
				'checkpoint_time',
				'occurred_at',
				'event_time',
			]),
		);
		const place = pick(event, ['location', 'city']);
		const location =
			typeof place === 'object' && place
				? Object.values(place as IDataObject)
						.filter(Boolean)
						.join(', ')
				: (place as string | undefined);
		const kindHint = String(pick(event, ['tag', 'status']) ?? '');
		return {
			time,
			at,
			description,
			location: location || undefined,
			kind: classifyScan(`${description} ${kindHint}`),
		};
	});
	return events.sort(
		(a, b) => (a.at ?? Number.MAX_SAFE_INTEGER) - (b.at ?? Number.MAX_SAFE_INTEGER),
	);
}

const CARRIER_POSSESSION: ScanKind[] = [
	'acceptance',
	'in_transit',
	'out_for_delivery',
	'delivery_attempt',
	'delivered',
	'exception',
];

/** The scan that proves the carrier had the package: an explicit acceptance, else its first own scan. */
export function acceptanceScan(events: ScanEvent[]): ScanEvent | undefined {
	return (
		events.find((event) => event.kind === 'acceptance') ??
		events.find((event) => CARRIER_POSSESSION.includes(event.kind))
	);
}

export function deliveryScan(events: ScanEvent[]): ScanEvent | undefined {
	return [...events].reverse().find((event) => event.kind === 'delivered');
}

export function describeScan(event: ScanEvent): string {
	return `"${event.description}" at ${event.time}${event.location ? ` (${event.location})` : ''}`;
}
