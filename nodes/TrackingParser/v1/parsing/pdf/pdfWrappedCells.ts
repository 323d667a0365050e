import { checkTrackingNumber } from '../../../../shared/tracking';

/**
 * How a line printed under a table row continues one of the row's cells. A PDF has no cells, so a value
 * too wide for its column goes on in the next line, and a row with several packages lists the further
 * tracking numbers under the first: both look the same, and only the values tell them apart.
 */

/** Whether the text is a tracking number on its own, whole (a number printed in groups counts). */
const isWholeNumber = (text: string): boolean => /\d/.test(text) && checkTrackingNumber(text).valid;

/** A long code that stands on its own even in a format the validator does not know. */
const isStandaloneId = (text: string): boolean =>
	/^[A-Z0-9]{10,}$/i.test(text) && (text.match(/\d/g)?.length ?? 0) >= 8;

/** A reference, an id or a piece of one: no spaces, at least one digit. */
const isCode = (token: string): boolean => /^[A-Z0-9/._-]+$/i.test(token) && /\d/.test(token);

/** "SB/53974" and "SB/66272" have one shape: a list of values of one kind, one per line. */
const shapeOf = (token: string): string => token.replace(/[A-Z]/gi, 'A').replace(/\d/g, '9');

export type CellContinuation = { kind: 'package' } | { kind: 'join'; text: string };

/**
 * What a line under a row does to a cell that already reads `above`:
 * - starts another package, when `above` is a whole tracking number and the line is one too (only in a
 *   column that holds tracking numbers): a wrapped continuation is joined only to a part that is not
 *   complete by itself;
 * - completes a number that wrapped mid-token ("9400111899223344" / "556677"), joined without a space;
 * - adds another value of the same kind ("SB/53974" / "SB/66272"), joined as a list with ", ";
 * - otherwise goes on with the words of the cell, joined with a space.
 */
export function continueCell(
	above: string,
	below: string,
	holdsPackages: boolean,
): CellContinuation {
	if (!above) return { kind: 'join', text: below };
	const tail = above.split(' ').pop() as string;
	const head = below.split(' ')[0];
	if (holdsPackages && isWholeNumber(above) && (isWholeNumber(below) || isStandaloneId(below)))
		return { kind: 'package' };
	if (isCode(tail) && isCode(head)) {
		if (
			holdsPackages &&
			!isWholeNumber(above) &&
			!isWholeNumber(`${above}${below}`) &&
			isWholeNumber(below)
		)
			return { kind: 'package' };
		const sameKind =
			!below.includes(' ') &&
			tail.length >= 5 &&
			shapeOf(tail) === shapeOf(below) &&
			!isWholeNumber(`${tail}${below}`);
		return { kind: 'join', text: sameKind ? `${above}, ${below}` : `${above}${below}` };
	}
	return { kind: 'join', text: `${above} ${below}` };
}
