export type FileKind = 'email' | 'pdf' | 'csv' | 'html' | 'text' | 'unsupported';

const EMAIL_HEADERS = /^(?:(?:Return-Path|Received|Delivered-To|From|To|Subject|Date|Message-ID|MIME-Version|Content-Type|X-[\w-]+):[^\n]*\r?\n)+/i;

/** What a file is, from its name, its MIME type and its first bytes (n8n's MIME types are often generic). */
export function fileKind(data: Buffer, fileName = '', mimeType = ''): FileKind {
	const name = fileName.toLowerCase();
	const mime = mimeType.toLowerCase();
	const head = data.subarray(0, 2048).toString('latin1');
	if (head.startsWith('%PDF-') || mime === 'application/pdf' || name.endsWith('.pdf')) return 'pdf';
	if (name.endsWith('.eml') || mime === 'message/rfc822' || EMAIL_HEADERS.test(head)) return 'email';
	if (name.endsWith('.csv') || mime === 'text/csv' || mime === 'application/csv') return 'csv';
	if (/\.html?$/.test(name) || mime === 'text/html' || /^\s*(?:<!doctype html|<html)/i.test(head)) return 'html';
	// Control characters other than whitespace mean a binary format we cannot read as text.
	if ([...head].some((char) => char.charCodeAt(0) < 9 || (char.charCodeAt(0) > 13 && char.charCodeAt(0) < 32))) return 'unsupported';
	return 'text';
}
