/**
 * Money is integer cents in safe JavaScript integers, never float sums: a 1M-row report summed in floats drifts by
 * cents, and a fee dispute over a drifted cent is lost credibility.
 */

/**
 * Cents from a report cell: "$1,234.56", "(12.30)", "-$4.00", "USD 3", "1.005" (rounded half up). null when blank; NaN
 * when not money. Scans by index without slicing: a million-row report has millions of amount cells.
 */
export function parseCents(raw: string): number | null {
	let start = 0;
	let end = raw.length;
	while (start < end && isSpace(raw.charCodeAt(start))) start++;
	while (end > start && isSpace(raw.charCodeAt(end - 1))) end--;
	if (start === end) return null;
	let negative = false;
	if (raw.charCodeAt(start) === 40 /* ( */ && raw.charCodeAt(end - 1) === 41 /* ) */) {
		negative = true;
		start++;
		end--;
	}
	// One sign at most, before or after the currency ("-$4.00", "$-4.00"): "--1.24" is a typo, not 1.24.
	let signs = negative ? 1 : 0;
	for (let pass = 0; pass < 2; pass++) {
		while (start < end && isSpace(raw.charCodeAt(start))) start++;
		const code = raw.charCodeAt(start);
		if (code === 45 /* - */ || code === 0x2212 /* − */ || code === 43 /* + */) {
			if (++signs > 1) return NaN;
			if (code !== 43) negative = true;
			start++;
		}
		while (start < end && isSpace(raw.charCodeAt(start))) start++;
		if (pass === 0) start = afterCurrency(raw, start);
	}
	if (end - start > 3 && raw.startsWith('USD', end - 3)) end -= 3;
	while (end > start && isSpace(raw.charCodeAt(end - 1))) end--;
	return digitsToCents(raw, start, end, negative);
}

function isSpace(code: number): boolean {
	return code === 32 || code === 9 || code === 0xa0;
}

function afterCurrency(text: string, start: number): number {
	if (text.startsWith('US$', start)) return start + 3;
	if (text.startsWith('USD', start)) return start + 3;
	if (text.charCodeAt(start) === 36 /* $ */) return start + 1;
	return start;
}

/**
 * Thousands separators must group by three ("1,234,567"): "12,34" is a decimal comma from another locale, and reading
 * it as 1,234 would overstate the amount a hundredfold, so it is not an amount.
 */
function digitsToCents(text: string, start: number, end: number, negative: boolean): number {
	let units = 0;
	let fraction = 0;
	let fractionDigits = 0;
	let roundUp = false;
	let integerDigits = 0;
	let seenPoint = false;
	// Digits since the last thousands separator; -1 before the first one.
	let group = -1;
	for (let index = start; index < end; index++) {
		const code = text.charCodeAt(index);
		const digit = code - 48;
		if (digit >= 0 && digit <= 9) {
			if (!seenPoint) {
				units = units * 10 + digit;
				integerDigits++;
				if (group >= 0) group++;
			} else {
				if (fractionDigits < 2) fraction = fraction * 10 + digit;
				else if (fractionDigits === 2) roundUp = digit >= 5;
				fractionDigits++;
			}
		} else if (code === 44 /* , */ && !seenPoint && integerDigits > 0) {
			if (group < 0 ? integerDigits > 3 : group !== 3) return NaN;
			group = 0;
		} else if (code === 46 /* . */ && !seenPoint) {
			if (group >= 0 && group !== 3) return NaN;
			seenPoint = true;
		} else {
			return NaN;
		}
	}
	if (!seenPoint && group >= 0 && group !== 3) return NaN;
	if (integerDigits === 0 && fractionDigits === 0) return NaN;
	if (fractionDigits === 1) fraction *= 10;
	const cents = units * 100 + fraction + (roundUp ? 1 : 0);
	if (!Number.isSafeInteger(cents)) return NaN;
	return negative && cents !== 0 ? -cents : cents;
}

/** "1234.56" / "-0.05": the decimal string every output carries. */
export function formatCents(cents: number): string {
	const abs = Math.abs(cents);
	const whole = Math.floor(abs / 100);
	const rest = abs % 100;
	return `${cents < 0 ? '-' : ''}${whole}.${rest < 10 ? '0' : ''}${rest}`;
}

/** "$1,234.56" for the texts people read. */
export function formatDollars(cents: number): string {
	const [whole, fraction] = formatCents(Math.abs(cents)).split('.');
	return `${cents < 0 ? '-' : ''}$${whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',')}.${fraction}`;
}

/** A rate in basis points (5 % = 500) applied to cents, rounded half away from zero, in integer arithmetic. */
export function applyRate(cents: number, basisPoints: number): number {
	const product = Math.abs(cents) * basisPoints;
	if (!Number.isSafeInteger(product)) {
		const exact = (BigInt(Math.abs(cents)) * BigInt(basisPoints) + 5000n) / 10000n;
		return cents < 0 ? -Number(exact) : Number(exact);
	}
	const total = product + 5000;
	const rounded = (total - (total % 10000)) / 10000;
	return cents < 0 ? -rounded : rounded;
}

/** 6.25 (%) → 625 basis points; rates below a hundredth of a percent are not meaningful for fees. */
export function percentToBasisPoints(percent: number): number {
	return Math.round(percent * 100);
}
