import type { RowSource, UnparsedEntry } from './types';

/** The entry for a document or email that yielded neither rows nor a more specific problem. */
export function nothingFound(
	source: RowSource,
	htmlOnly: boolean,
	possible: readonly string[],
): UnparsedEntry {
	const maybe = possible.length
		? ` Numbers that might be tracking numbers but have no label or carrier next to them: ${possible.join(', ')}.`
		: '';
	const numbers = possible.length ? { tracking_numbers: [...possible] } : {};
	if (htmlOnly) {
		return {
			code: 'html_only_no_tracking',
			reason:
				`This email has only an HTML body and no tracking number could be read from it (it may be in an image or behind a shortened link).${maybe} ` +
				'Open the email, or ask the 3PL for a plain-text or CSV confirmation.',
			source,
			...numbers,
		};
	}
	return {
		code: 'no_tracking_found',
		reason: `No tracking number was found.${maybe} If this is a shipping confirmation, check the 3PL's layout or set the expected carrier.`,
		source,
		...numbers,
	};
}
