/** Amounts are kept in integer cents and only rendered as TikTok's decimal strings at the edge. */
export function money(cents: number): string {
	const abs = Math.abs(Math.round(cents));
	return `${cents < 0 && abs !== 0 ? '-' : ''}${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, '0')}`;
}

export function cents(amount: string): number {
	const match = /^(-?)(\d+)(?:\.(\d{1,2}))?$/.exec(amount);
	if (!match) throw new RangeError(`not a money string: ${amount}`);
	const value = Number(match[2]) * 100 + Number((match[3] ?? '0').padEnd(2, '0'));
	return match[1] ? -value : value;
}
