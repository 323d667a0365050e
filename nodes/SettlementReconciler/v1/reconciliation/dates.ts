import { DateTime } from 'luxon';

import { processCache } from '../../../shared/processCaches';

/**
 * Report dates are calendar days in the seller's time zone, kept as the integer yyyymmdd so that 1M rows need no
 * date objects. Only dates carrying an offset (or Unix seconds) go through luxon to land on the seller's day.
 */
const LOCAL =
	/^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?:[ T](\d{1,2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?)?\s*(Z|[+-]\d{2}:?\d{2})?$/i;
const US = /^(\d{1,2})\/(\d{1,2})\/(\d{4})(?:\s+\d{1,2}:\d{2}(?::\d{2})?(?:\s*[AP]M)?)?$/i;

/**
 * Reports repeat a few hundred distinct dates across a million rows, so parsed dates are remembered per zone; exports
 * with a timestamp per row stop adding once the cache is full.
 */
const DATE_CACHE_LIMIT = 4096;
const dateCache = processCache<string, Map<string, number>>('settlementDates');

/**
 * yyyymmdd in the seller's `zone`, or NaN when the text is not a date. A time without an offset is read in
 * `sourceZone` when its column names one ("Order settled time (UTC)"), else as the seller's own local time.
 */
export function parseDateKey(raw: string, zone: string, sourceZone?: string): number {
	const cacheName = sourceZone ? `${zone}|${sourceZone}` : zone;
	let cache = dateCache.get(cacheName);
	if (!cache) dateCache.set(cacheName, (cache = new Map()));
	let key = cache.get(raw);
	if (key === undefined) {
		key = parseDateText(raw.trim(), zone, sourceZone);
		// Copied so the cache key does not pin a parsed CSV chunk.
		if (cache.size < DATE_CACHE_LIMIT) cache.set(Buffer.from(raw, 'utf8').toString('utf8'), key);
	}
	return key;
}

function parseDateText(text: string, zone: string, sourceZone: string | undefined): number {
	let match = LOCAL.exec(text);
	if (match) {
		const day = dateKey(Number(match[1]), Number(match[2]), Number(match[3]));
		if (Number.isNaN(day) || !validTime(match[4], match[5], match[6])) return NaN;
		if (match[7])
			return fromDateTime(
				DateTime.fromISO(text.replace(' ', 'T').replace(/\//g, '-'), { setZone: true }),
				zone,
			);
		if (sourceZone && sourceZone !== zone && match[4] !== undefined) {
			return fromDateTime(
				DateTime.fromObject(timeParts(match[1], match[2], match[3], match[4], match[5], match[6]), {
					zone: sourceZone,
				}),
				zone,
			);
		}
		return day;
	}
	match = US.exec(text);
	if (match) return dateKey(Number(match[3]), Number(match[1]), Number(match[2]));
	if (/^\d{10}$/.test(text)) return unixSecondsToDateKey(Number(text), zone);
	return NaN;
}

function validTime(hour?: string, minute?: string, second?: string): boolean {
	return (
		(hour === undefined || Number(hour) < 24) &&
		(minute === undefined || Number(minute) < 60) &&
		(second === undefined || Number(second) < 60)
	);
}

function timeParts(
	year: string,
	month: string,
	day: string,
	hour: string,
	minute: string,
	second?: string,
) {
	return {
		year: Number(year),
		month: Number(month),
		day: Number(day),
		hour: Number(hour),
		minute: Number(minute),
		second: Number(second ?? 0),
	};
}

export function unixSecondsToDateKey(seconds: number, zone: string): number {
	return fromDateTime(DateTime.fromSeconds(seconds, { zone: 'utc' }), zone);
}

function fromDateTime(value: DateTime, zone: string): number {
	if (!value.isValid) return NaN;
	const local = value.setZone(zone);
	return local.year * 10000 + local.month * 100 + local.day;
}

function dateKey(year: number, month: number, day: number): number {
	if (month < 1 || month > 12 || day < 1 || day > 31 || year < 2000 || year > 2100) return NaN;
	if (day > daysInMonth(year, month)) return NaN;
	return year * 10000 + month * 100 + day;
}

function daysInMonth(year: number, month: number): number {
	if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
	return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

export function dateKeyToDateTime(key: number, zone: string): DateTime {
	return DateTime.fromObject(
		{ year: Math.floor(key / 10000), month: Math.floor(key / 100) % 100, day: key % 100 },
		{ zone },
	);
}

export function dateKeyToIso(key: number): string {
	const text = String(key);
	return `${text.slice(0, 4)}-${text.slice(4, 6)}-${text.slice(6, 8)}`;
}

/** TikTok accepts fee-correction requests for 45 days after the transaction. */
export const CORRECTION_WINDOW_DAYS = 45;

export interface Deadline {
	transactionDate: string;
	deadline: string;
	daysLeft: number;
	pastDeadline: boolean;
}

/** The last day to ask for a correction, counted in the seller's calendar, and how many days remain from `today`. */
export function deadlineFor(key: number, today: DateTime, zone: string): Deadline {
	const transaction = dateKeyToDateTime(key, zone);
	const last = transaction.plus({ days: CORRECTION_WINDOW_DAYS });
	const daysLeft = Math.round(
		last.startOf('day').diff(today.setZone(zone).startOf('day'), 'days').days,
	);
	return {
		transactionDate: transaction.toISODate()!,
		deadline: last.toISODate()!,
		daysLeft,
		pastDeadline: daysLeft < 0,
	};
}
