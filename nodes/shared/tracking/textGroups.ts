/** A run of letters and digits in free text, with its position. */
export interface TextGroup {
	readonly start: number;
	readonly end: number;
	readonly text: string;
}

export function textGroupsOf(text: string): TextGroup[] {
	return [...text.matchAll(/[A-Za-z0-9]+/g)].map((match) => ({
		start: match.index,
		end: match.index + match[0].length,
		text: match[0],
	}));
}

/**
 * Labels print numbers in groups split by one space or dash; a line break, a comma or a tab ends a number (a tab is
 * where one table cell ends and the next begins: a weight or a count beside the number is not part of it).
 */
export function continuesNumber(text: string, left: TextGroup, right: TextGroup): boolean {
	return /^[ \u00A0\u2009\u202F\-\u2010-\u2015]$/.test(text.slice(left.end, right.start));
}

const isDigits = (group: string): boolean => /^\d+$/.test(group);
const isLetters = (group: string): boolean => /^[A-Za-z]+$/.test(group);

/**
 * Whether adjacent groups look like one number printed in parts ("9400 1112 0108 ...", "1Z 999 AA1 ...",
 * "TBA 123456789012") rather than separate values side by side.
 */
export function groupsFormOneNumber(groups: readonly string[]): boolean {
	if (groups.length === 1) return true;
	// A number starts with at most a short prefix of letters ("TBA", "GFUS") and ends, if in letters, with
	// an S10 country code ("RB 123 456 785 US"); "Tracking 1Z..." or "1Z... via" are two things.
	const lastGroup = groups[groups.length - 1];
	if (isLetters(lastGroup) && lastGroup.length > 2) return false;
	if (isLetters(groups[0]) && groups[0].length > 4) return false;
	const digitGroups = groups.filter(isDigits);
	// A run of digits long enough to be a tracking number on its own (10, DHL Express) beside another run
	// is two numbers: an order ID next to a quantity, for instance.
	if (digitGroups.length > 1 && digitGroups.some((group) => group.length >= 10)) return false;
	// 555 123 4567 and 1 555 123 4567 are how US phone numbers are written, and no label groups digits so.
	const lengths = groups.map((group) => (isDigits(group) ? group.length : -1)).join(',');
	return lengths !== '3,3,4' && lengths !== '1,3,3,4';
}
