import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/** The hand-checked Seller Center statement the settlement tests use (read as a file, not imported). */
export const SETTLEMENT_FIXTURE = join(
	__dirname,
	'..',
	'..',
	'test',
	'fixtures',
	'settlement',
	'seller-center-statement.csv',
);

/** The file name `npm start` gives the dated copy, in the folder the templates read and write. */
export const DEMO_SETTLEMENT_FILE_NAME = 'settlement-report-this-week.csv';

const DATE = /\b(\d{4})\/(\d{2})\/(\d{2})\b/g;
const DAY_MS = 86_400_000;
const utcDay = (year: number, month: number, day: number) => Date.UTC(year, month - 1, day);

/** Today minus `days` in a time zone, as a UTC midnight. */
function daysAgoIn(zone: string, nowMs: number, days: number): number {
	const [year, month, day] = new Intl.DateTimeFormat('en-CA', {
		timeZone: zone,
		year: 'numeric',
		month: '2-digit',
		day: '2-digit',
	})
		.format(new Date(nowMs))
		.split('-')
		.map(Number);
	return utcDay(year, month, day) - days * DAY_MS;
}

/**
 * The fixture with every date moved by the same number of days so that its latest settlement was `daysAgo` days
 * before `nowMs` in the seller's zone: its findings then have deadlines ahead, as in a report exported this week,
 * and the one that was past the 45-day limit still is. Its deliberately invalid date (month 13) stays invalid.
 */
export function settlementCsvDatedFrom(
	nowMs: number,
	{ zone = 'America/Los_Angeles', daysAgo = 5 }: { zone?: string; daysAgo?: number } = {},
): string {
	const text = readFileSync(SETTLEMENT_FIXTURE, 'utf8');
	const valid = [...text.matchAll(DATE)].filter((match) => Number(match[2]) <= 12);
	const shift =
		daysAgoIn(zone, nowMs, daysAgo) -
		Math.max(...valid.map((match) => utcDay(Number(match[1]), Number(match[2]), Number(match[3]))));
	return text.replace(DATE, (whole: string, year: string, month: string, day: string) => {
		if (Number(month) > 12) return whole;
		const moved = new Date(utcDay(Number(year), Number(month), Number(day)) + shift);
		return `${moved.getUTCFullYear()}/${String(moved.getUTCMonth() + 1).padStart(2, '0')}/${String(moved.getUTCDate()).padStart(2, '0')}`;
	});
}
