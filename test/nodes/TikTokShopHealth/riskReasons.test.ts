import {
	DEFAULT_BANDS,
	bandFor,
	bandsProblem,
} from '../../../nodes/TikTokShopHealth/v1/health/riskBands';
import {
	assessOrder,
	sortByUrgency,
	type OrderRisk,
} from '../../../nodes/TikTokShopHealth/v1/health/riskReasons';
import { localTime } from '../../../nodes/TikTokShopHealth/v1/health/localTime';
import { HOUR, NOW, order, shipped } from './orderFixtures';

/** An open order whose shipping line is `hours` from NOW. */
function dueIn(hours: number, overrides: Parameters<typeof order>[0] = {}) {
	const created = NOW + hours * HOUR - 48 * HOUR;
	return order({ created, ...overrides });
}

describe('Orders at Risk: bands', () => {
	it('24/12/4 hours by default; the edge of a band belongs to it', () => {
		expect(
			[-0.1, 0, 4, 4.01, 12, 12.5, 24, 24.01].map((hours) => bandFor(hours, DEFAULT_BANDS)),
		).toEqual(['overdue', 'critical', 'critical', 'urgent', 'urgent', 'soon', 'soon', undefined]);
	});

	it('edited bands must grow', () => {
		expect(bandsProblem({ criticalHours: 6, urgentHours: 4, soonHours: 48 })).toMatch(/must grow/);
		expect(bandsProblem({ criticalHours: 2, urgentHours: 8, soonHours: 48 })).toBeUndefined();
		expect(bandFor(30, { criticalHours: 2, urgentHours: 8, soonHours: 48 })).toBe('soon');
	});
});

describe('Orders at Risk: reasons and next steps', () => {
	it('no tracking yet, due in 3 h: critical, with the upload-and-scan step', () => {
		const risk = assessOrder(dueIn(3), NOW, DEFAULT_BANDS) as OrderRisk;
		expect(risk).toMatchObject({
			band: 'critical',
			band_label: 'Due within 4 h',
			hours_left: 3,
			reason: 'NO_TRACKING',
			reasons: ['NO_TRACKING'],
		});
		expect(risk.deadline_field).toBe('shipping_due_time');
		expect(risk.next_step).toMatch(/upload the tracking number and get the parcel scanned/);
	});

	it('tracking uploaded, no carrier scan: measured against collection_due_time, names the carrier', () => {
		const parcel = shipped({ created: NOW - 30 * HOUR }); // collection due 72 h after creation = in 42 h
		parcel.collection_due_time = NOW + 10 * HOUR;
		const risk = assessOrder(parcel, NOW, DEFAULT_BANDS) as OrderRisk;
		expect(risk).toMatchObject({
			band: 'urgent',
			reason: 'NO_CARRIER_SCAN',
			deadline_field: 'collection_due_time',
			hours_left: 10,
			tracking_number: parcel.tracking_number,
		});
		expect(risk.next_step).toMatch(/Hand the parcel to USPS/);
		expect(risk.next_step).toMatch(/not from the tracking upload/);
	});

	it("carrier's scan after the dispatch line: overdue whatever the collection deadline says", () => {
		const parcel = shipped({ created: NOW - 53 * HOUR }); // shipping due 5 h ago
		parcel.collection_due_time = NOW + 19 * HOUR;
		const risk = assessOrder(parcel, NOW, DEFAULT_BANDS, NOW - 2 * HOUR) as OrderRisk;
		expect(risk).toMatchObject({
			band: 'overdue',
			band_label: 'Past the line',
			reason: 'LATE_CARRIER_SCAN',
			hours_left: 19,
		});
		expect(risk.carrier_scan_at).toBe(new Date((NOW - 2 * HOUR) * 1000).toISOString());
		expect(risk.next_step).toMatch(/already counts as a late dispatch/);
	});

	it('a scan before the line is not a risk, even close to the collection deadline', () => {
		const parcel = shipped({ created: NOW - 40 * HOUR });
		expect(assessOrder(parcel, NOW, DEFAULT_BANDS, NOW - 1 * HOUR)).toBeUndefined();
	});

	it('on hold: its own reason, not "no tracking"', () => {
		const risk = assessOrder(
			dueIn(11, { status: 'ON_HOLD', is_on_hold_order: true }),
			NOW,
			DEFAULT_BANDS,
		) as OrderRisk;
		expect(risk).toMatchObject({ band: 'urgent', reason: 'ON_HOLD', reasons: ['ON_HOLD'] });
		expect(risk.next_step).toMatch(/buy the label only once the hold lifts/);
	});

	it('buyer asked to cancel comes first, and no tracking is kept as a second reason', () => {
		const risk = assessOrder(
			dueIn(6, { is_buyer_request_cancel: true }),
			NOW,
			DEFAULT_BANDS,
		) as OrderRisk;
		expect(risk).toMatchObject({
			reason: 'BUYER_CANCEL_REQUEST',
			reasons: ['BUYER_CANCEL_REQUEST', 'NO_TRACKING'],
			reason_label: 'Buyer asked to cancel',
		});
	});

	it('orders further out than the widest band are not listed; editing the band brings them in', () => {
		expect(assessOrder(dueIn(30), NOW, DEFAULT_BANDS)).toBeUndefined();
		expect(
			assessOrder(dueIn(30), NOW, { criticalHours: 4, urgentHours: 12, soonHours: 48 }),
		).toMatchObject({ band: 'soon', band_label: 'Due within 48 h' });
	});

	it('most urgent first: overdue, then least time left', () => {
		const risks = [dueIn(10), dueIn(-1), dueIn(3), dueIn(20)].map(
			(entry) => assessOrder(entry, NOW, DEFAULT_BANDS) as OrderRisk,
		);
		expect(sortByUrgency(risks).map((risk) => [risk.band, risk.hours_left])).toEqual([
			['overdue', -1],
			['critical', 3],
			['urgent', 10],
			['soon', 20],
		]);
	});
});

describe("Orders at Risk: times in the seller's time zone", () => {
	/** 2026-11-01 09:30 UTC: half an hour after Pacific time fell back from PDT to PST (09:00 UTC). */
	const AFTER_FALL_BACK = Date.UTC(2026, 10, 1, 9, 30) / 1000;

	it('writes a fixed time readably in the zone it is given, with the zone abbreviation', () => {
		expect(localTime(NOW + 3 * HOUR, 'America/Los_Angeles')).toBe('Mon, Nov 30, 7:00 AM PST');
		expect(localTime(NOW + 3 * HOUR, 'America/New_York')).toBe('Mon, Nov 30, 10:00 AM EST');
	});

	it('tells the two 1:30 AMs of the night Pacific time falls back apart (PDT, then PST)', () => {
		expect(localTime(AFTER_FALL_BACK - HOUR, 'America/Los_Angeles')).toBe(
			'Sun, Nov 1, 1:30 AM PDT',
		);
		expect(localTime(AFTER_FALL_BACK, 'America/Los_Angeles')).toBe('Sun, Nov 1, 1:30 AM PST');
		expect(localTime(AFTER_FALL_BACK, 'America/New_York')).toBe('Sun, Nov 1, 4:30 AM EST');
	});

	it('the next step and deadline_local give the deadline in the zone; deadline stays ISO in UTC', () => {
		const pacific = assessOrder(
			dueIn(3),
			NOW,
			DEFAULT_BANDS,
			undefined,
			'America/Los_Angeles',
		) as OrderRisk;
		expect(pacific).toMatchObject({
			deadline: '2026-11-30T15:00:00.000Z',
			deadline_local: 'Mon, Nov 30, 7:00 AM PST',
			time_zone: 'America/Los_Angeles',
			carrier_scan_at_local: null,
		});
		expect(pacific.next_step).toContain('before Mon, Nov 30, 7:00 AM PST.');
		expect(pacific.next_step).not.toMatch(/UTC|\d{4}-\d\d-\d\d/);

		const eastern = assessOrder(
			dueIn(3),
			NOW,
			DEFAULT_BANDS,
			undefined,
			'America/New_York',
		) as OrderRisk;
		expect(eastern.deadline).toBe(pacific.deadline);
		expect(eastern.next_step).toContain('before Mon, Nov 30, 10:00 AM EST.');
	});

	it("a late scan names the carrier's scan and the dispatch line in local time, across the fall-back night", () => {
		// Dispatch line 1:30 AM PDT; the carrier scanned an hour later, at 1:30 AM PST.
		const parcel = shipped({ created: AFTER_FALL_BACK - HOUR - 48 * HOUR });
		const risk = assessOrder(
			parcel,
			AFTER_FALL_BACK + 2 * HOUR,
			DEFAULT_BANDS,
			AFTER_FALL_BACK,
			'America/Los_Angeles',
		) as OrderRisk;
		expect(risk.reason).toBe('LATE_CARRIER_SCAN');
		expect(risk.carrier_scan_at_local).toBe('Sun, Nov 1, 1:30 AM PST');
		expect(risk.next_step).toContain(
			'first scanned it Sun, Nov 1, 1:30 AM PST, after the dispatch line Sun, Nov 1, 1:30 AM PDT.',
		);
	});
});
