/** "12.5" → 1250 without a float in between; undefined when it is not a decimal amount. */
export function toCents(amount: string | undefined): number | undefined {
	if (!amount || !/^-?\d+(\.\d{1,2})?$/.test(amount.trim())) return undefined;
	const [whole, fraction = ''] = amount.trim().split('.');
	const sign = whole.startsWith('-') ? -1 : 1;
	return sign * (Math.abs(Number(whole)) * 100 + Number(fraction.padEnd(2, '0')));
}
