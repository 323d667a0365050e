/**
 * Upper case, without whitespace (including no-break and zero-width spaces that PDFs and emails
 * carry) and without dashes of any width, which labels and 3PL exports use to group characters.
 */
export function normalizeTrackingNumber(raw: string): string {
	return raw.toUpperCase().replace(/[\s\u200B-\u200D\u2060\-\u2010-\u2015\u2212]/g, '');
}
