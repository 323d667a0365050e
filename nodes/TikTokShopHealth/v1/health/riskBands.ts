/** Warning bands in hours before an order's deadline; 24/12/4 unless the user edits them. */
export interface RiskBands {
	soonHours: number;
	urgentHours: number;
	criticalHours: number;
}

export const DEFAULT_BANDS: RiskBands = { soonHours: 24, urgentHours: 12, criticalHours: 4 };

/** Codes stay the same whatever the hours, so a workflow can switch on them; the label carries the hours. */
export type BandCode = 'overdue' | 'critical' | 'urgent' | 'soon';

export const BAND_ORDER: BandCode[] = ['overdue', 'critical', 'urgent', 'soon'];

/** A problem with the bands, in words, or undefined when they are usable. */
export function bandsProblem(bands: RiskBands): string | undefined {
	const values = [bands.criticalHours, bands.urgentHours, bands.soonHours];
	if (values.some((value) => typeof value !== 'number' || !Number.isFinite(value) || value <= 0)) {
		return 'Each band must be a number of hours above 0.';
	}
	if (!(bands.criticalHours < bands.urgentHours && bands.urgentHours < bands.soonHours)) {
		return `The bands must grow: Critical (${bands.criticalHours} h) < Urgent (${bands.urgentHours} h) < Soon (${bands.soonHours} h).`;
	}
	return undefined;
}

/** The band for this many hours left, or undefined when the order is further out than the widest band. */
export function bandFor(hoursLeft: number, bands: RiskBands): BandCode | undefined {
	if (hoursLeft < 0) return 'overdue';
	if (hoursLeft <= bands.criticalHours) return 'critical';
	if (hoursLeft <= bands.urgentHours) return 'urgent';
	if (hoursLeft <= bands.soonHours) return 'soon';
	return undefined;
}

export function bandLabel(band: BandCode, bands: RiskBands): string {
	switch (band) {
		case 'overdue':
			return 'Past the line';
		case 'critical':
			return `Due within ${bands.criticalHours} h`;
		case 'urgent':
			return `Due within ${bands.urgentHours} h`;
		case 'soon':
			return `Due within ${bands.soonHours} h`;
	}
}
