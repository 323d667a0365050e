import { decodeText } from './decodeText';

export type FileKind = 'email' | 'pdf' | 'spreadsheet' | 'csv' | 'html' | 'text' | 'unsupported';

const EMAIL_HEADERS =
	/^(?:(?:Return-Path|Received|Delivered-To|From|To|Subject|Date|Message-ID|MIME-Version|Content-Type|X-[\w-]+):[^\n]*\r?\n)+/i;
const UTF16_BOM = (data: Buffer): boolean =>
	(data[0] === 0xff && data[1] === 0xfe) || (data[0] === 0xfe && data[1] === 0xff);

/**
 * A tab-delimited report saved as .txt (Amazon MCF, Excel's "Text (Tab delimited)"): the first line
 * has several tab-separated labels, one of them about tracking, and the next line as many tabs.
 */
function isTabTable(text: string): boolean {
	const [header, next] = text.replace(/^\uFEFF/, '').split(/\r\n?|\n/, 2);
	const columns = header?.split('\t') ?? [];
	return (
		columns.length >= 3 &&
		columns.some((cell) => /track/i.test(cell)) &&
		(next === undefined || next.split('\t').length >= columns.length - 1)
	);
}

const SPREADSHEET_NAME = /\.(?:xlsx|xlsm|xls|ods)$/;
/** Excel, and Windows for any .csv: the type alone does not say the file is a workbook. */
const SPREADSHEET_MIME =
	/^application\/(?:vnd\.openxmlformats-officedocument\.spreadsheetml\.|vnd\.ms-excel|vnd\.oasis\.opendocument\.spreadsheet)/;

/**
 * A workbook: a ZIP (.xlsx, .ods) or an OLE container (.xls, or an .xlsx with a password) that its name or type
 * calls a spreadsheet, or a ZIP whose first entries are Excel's or OpenDocument's.
 */
function isSpreadsheet(head: string, name: string, mime: string): boolean {
	const zip = head.startsWith('PK\x03\x04');
	const ole = head.startsWith('\xD0\xCF\x11\xE0');
	if (!zip && !ole) return false;
	if (SPREADSHEET_NAME.test(name) || SPREADSHEET_MIME.test(mime)) return true;
	return zip && /xl\/|opendocument\.spreadsheet/.test(head);
}

/** What a file is, from its name, its MIME type and its first bytes (n8n's MIME types are often generic). */
export function fileKind(data: Buffer, fileName = '', mimeType = ''): FileKind {
	const name = fileName.toLowerCase();
	const mime = mimeType.toLowerCase();
	const head = data.subarray(0, 2048).toString('latin1');
	if (head.startsWith('%PDF-') || mime === 'application/pdf' || name.endsWith('.pdf')) return 'pdf';
	if (isSpreadsheet(head, name, mime)) return 'spreadsheet';
	if (name.endsWith('.eml') || mime === 'message/rfc822' || EMAIL_HEADERS.test(head))
		return 'email';
	if (
		/\.(?:csv|tsv|tab)$/.test(name) ||
		['text/csv', 'application/csv', 'text/tab-separated-values'].includes(mime)
	)
		return 'csv';
	if (/\.html?$/.test(name) || mime === 'text/html' || /^\s*(?:<!doctype html|<html)/i.test(head))
		return 'html';
	const text = UTF16_BOM(data) ? decodeText(data.subarray(0, 4096)) : head;
	if (isTabTable(text)) return 'csv';
	// Control characters other than whitespace mean a binary format we cannot read as text.
	if (
		!UTF16_BOM(data) &&
		[...head].some(
			(char) => char.charCodeAt(0) < 9 || (char.charCodeAt(0) > 13 && char.charCodeAt(0) < 32),
		)
	)
		return 'unsupported';
	return 'text';
}
