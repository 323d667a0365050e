const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

const SHIPPED_LABEL =
	/(?:ship(?:ped)?\s*(?:date|on|at)?|date\s*shipped|fulfilled\s*on|dispatched\s*(?:on)?)\s*[:-]?\s*/i;
const DATE_FORMS = [
	/^(\d{4})-(\d{2})-(\d{2})/,
	/^(\d{1,2})\/(\d{1,2})\/(\d{4})/,
	/^(?:[A-Za-z]+,?\s+)?([A-Za-z]{3})[a-z]*\.?\s+(\d{1,2}),?\s+(\d{4})/,
];

function isoDate(year: number, month: number, day: number): string | undefined {
	const date = new Date(Date.UTC(year, month - 1, day));
	if (
		date.getUTCFullYear() !== year ||
		date.getUTCMonth() !== month - 1 ||
		date.getUTCDate() !== day
	)
		return undefined;
	return date.toISOString().slice(0, 10);
}

/** A date as US 3PLs print it: 2026-11-20, 11/20/2026, Nov 20, 2026, Friday, November 20, 2026. */
export function parseDate(text: string): string | undefined {
	const trimmed = text.trim();
	const [iso, us, words] = DATE_FORMS.map((form) => trimmed.match(form));
	if (iso) return isoDate(Number(iso[1]), Number(iso[2]), Number(iso[3]));
	if (us) return isoDate(Number(us[3]), Number(us[1]), Number(us[2]));
	if (words) {
		const month = MONTHS.indexOf(words[1].toLowerCase()) + 1;
		return month ? isoDate(Number(words[3]), month, Number(words[2])) : undefined;
	}
	return undefined;
}

/** The shipped date printed with its label on this line ("Ship Date: 11/20/2026"). */
export function findShippedDate(text: string): string | undefined {
	const label = SHIPPED_LABEL.exec(text);
	if (!label || !/ship|fulfil|dispatch/i.test(label[0])) return undefined;
	return parseDate(text.slice(label.index + label[0].length));
}
