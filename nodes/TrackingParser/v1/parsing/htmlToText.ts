import type { ChildNode, Element } from 'domhandler';
import { parseDocument } from 'htmlparser2';

import { linesToBlocks } from './textBlocks';
import type { DocumentLine, TextBlock } from './types';

/**
 * Reads an email's HTML the way a person sees it: every <table> row a line and every cell a cell (so
 * a confirmation laid out as a table reads like a CSV), other block elements lines of text, and
 * nothing from scripts, styles, comments or hidden elements. A link counts by its text; only a link
 * whose text has no number ("Track package") adds the tracking number found in its address.
 */

const SKIPPED = new Set([
	'script',
	'style',
	'head',
	'title',
	'noscript',
	'template',
	'svg',
	'img',
	'object',
	'iframe',
]);
const BLOCKS = new Set([
	'p',
	'div',
	'li',
	'ul',
	'ol',
	'dl',
	'dt',
	'dd',
	'h1',
	'h2',
	'h3',
	'h4',
	'h5',
	'h6',
	'section',
	'article',
	'header',
	'footer',
	'main',
	'aside',
	'nav',
	'blockquote',
	'pre',
	'address',
	'center',
	'hr',
	'form',
	'fieldset',
	'figure',
	'figcaption',
	'body',
	'html',
]);
const PARAGRAPHS = new Set([
	'p',
	'h1',
	'h2',
	'h3',
	'h4',
	'h5',
	'h6',
	'hr',
	'ul',
	'ol',
	'blockquote',
	'pre',
]);

const NUMBER_IN_URL = /^[A-Z0-9]{8,40}$/i;
/** Query parameters carriers and 3PLs put tracking numbers in (tLabels, tracknums, trknbr, InquiryNumber1, …). */
const TRACKING_PARAMETER = /track|label|trk|awb|waybill|inquiry|number|nums?$|^tn$|^id$/i;
/** The carrier a tracking link goes to, named next to the number as the link's address did. */
const CARRIER_HOSTS: ReadonlyArray<[RegExp, string]> = [
	[/(?:^|\.)ups\.com$/, 'UPS'],
	[/(?:^|\.)fedex\.com$/, 'FedEx'],
	[/(?:^|\.)usps\.com$/, 'USPS'],
	[/(?:^|\.)dhl\.[a-z.]+$/, 'DHL'],
	[/(?:^|\.)ontrac\.com$/, 'OnTrac'],
];

const isElement = (node: ChildNode): node is Element =>
	node.type === 'tag' || node.type === 'script' || node.type === 'style';

function isHidden(element: Element): boolean {
	const style = (element.attribs.style ?? '').toLowerCase().replace(/\s+/g, '');
	return 'hidden' in element.attribs || /display:none|visibility:hidden|mso-hide:all/.test(style);
}

/**
 * A tracking number in a tracking link's address: in a tracking parameter of its query (tLabels=,
 * tracknums=, trknbr=, …) or, for an address with "track" in its path, a path segment. With the
 * carrier, when the link goes to a carrier's site.
 */
export function numberInUrl(href: string): { number: string; carrier?: string } | undefined {
	let url: URL;
	try {
		url = new URL(href, 'https://example.invalid/');
	} catch {
		return undefined;
	}
	const tracking = /track/i.test(url.pathname + url.hostname);
	const values = [...url.searchParams.entries()]
		.filter(([name]) => TRACKING_PARAMETER.test(name) && (tracking || !/^id$/i.test(name)))
		.map(([, value]) => value);
	if (tracking) values.push(...url.pathname.split('/'));
	const number = values
		.flatMap((value) => value.split(/[\s,;|]+/))
		.find((value) => NUMBER_IN_URL.test(value) && (value.match(/\d/g)?.length ?? 0) >= 8);
	if (!number) return undefined;
	const carrier = CARRIER_HOSTS.find(([host]) => host.test(url.hostname.toLowerCase()))?.[1];
	return { number, ...(carrier ? { carrier } : {}) };
}

const squash = (text: string): string => text.replace(/[\s\u00a0\u200b]+/g, ' ').trim();

class HtmlReader {
	readonly lines: DocumentLine[] = [];
	private inline = '';

	/** Ends the current line of text. */
	private breakLine(): void {
		const text = squash(this.inline);
		if (text) this.lines.push([text]);
		this.inline = '';
	}

	/** Ends the current paragraph: a blank line, which starts a new block. */
	private paragraph(): void {
		this.breakLine();
		if (this.lines.length && this.lines[this.lines.length - 1].length) this.lines.push([]);
	}

	read(nodes: readonly ChildNode[]): void {
		for (const node of nodes) this.readNode(node);
	}

	finish(): DocumentLine[] {
		this.breakLine();
		return this.lines;
	}

	private readNode(node: ChildNode): void {
		if (node.type === 'text') {
			this.inline += node.data;
			return;
		}
		if (!isElement(node) || SKIPPED.has(node.name) || isHidden(node)) return;
		if (node.name === 'br') return this.breakLine();
		if (node.name === 'table') return this.readTable(node);
		if (node.name === 'a') {
			this.inline += ` ${linkText(node)} `;
			return;
		}
		const block =
			BLOCKS.has(node.name) || node.name === 'tr' || node.name === 'td' || node.name === 'th';
		const end = (): void => (PARAGRAPHS.has(node.name) ? this.paragraph() : this.breakLine());
		if (block) end();
		this.read(node.children);
		if (block) end();
	}

	/**
	 * A data table becomes one block of rows, each as wide as the widest row (colspan repeats empty
	 * cells). A layout table (a cell holding another data table, or rows of a single cell) is read as the
	 * text of its cells, so the inner tables come out as tables and not as one giant cell. A small table
	 * inside a data table's cell ("USPS" over "Priority Mail") is that cell's text.
	 */
	private readTable(table: Element): void {
		this.paragraph();
		const rows = rowsOf(table);
		// A table whose rows never hold two values side by side only places things (a logo next to a name).
		const layout =
			rows.some((row) => row.some((cell) => containsDataTable(cell))) ||
			!rows.some((row) => row.filter((cell) => cellText(cell)).length >= 2);
		if (layout) {
			for (const row of rows)
				for (const cell of row) {
					this.read(cell.children);
					this.breakLine();
				}
			this.paragraph();
			return;
		}
		const lines = rows.map((row) =>
			row.flatMap((cell) => {
				const span = Math.min(
					Math.max(Number.parseInt(cell.attribs.colspan ?? '1', 10) || 1, 1),
					20,
				);
				return [cellText(cell), ...Array<string>(span - 1).fill('')];
			}),
		);
		const width = Math.max(
			0,
			...lines.filter((_line, index) => rows[index].length >= 2).map((line) => line.length),
		);
		rows.forEach((row, index) => {
			if (row.length === 1) {
				// A row of one cell: a heading over the rows, or a wrapper around paragraphs. Its lines stay in the table's block.
				const inner = new HtmlReader();
				inner.read(row[0].children);
				this.lines.push(...inner.finish().filter((line) => line.length));
				return;
			}
			const line = lines[index];
			if (line.some(Boolean))
				this.lines.push([...line, ...Array<string>(Math.max(0, width - line.length)).fill('')]);
		});
		this.paragraph();
	}
}

function linkText(link: Element): string {
	const text = squash(innerText(link.children));
	if (/\d{6,}/.test(text.replace(/[\s-]/g, ''))) return text;
	const found = numberInUrl(link.attribs.href ?? '');
	// The link's words stay as the label in front of the number ("Track package USPS 9400…").
	return found ? squash(`${text} ${found.carrier ?? ''} ${found.number}`) : text;
}

/** The text of a cell or link: block elements and <br> inside become spaces. */
function innerText(nodes: readonly ChildNode[]): string {
	let text = '';
	for (const node of nodes) {
		if (node.type === 'text') text += node.data;
		else if (isElement(node) && !SKIPPED.has(node.name) && !isHidden(node)) {
			if (node.name === 'a') text += ` ${linkText(node)} `;
			else if (node.name === 'br' || BLOCKS.has(node.name) || TABLE_PARTS.has(node.name))
				text += ` ${innerText(node.children)} `;
			else text += innerText(node.children);
		}
	}
	return text;
}

const cellText = (cell: Element): string => squash(innerText(cell.children));

/** Table elements whose text, inside a cell, is separated by a space ("USPS" and "Priority Mail" stay two words). */
const TABLE_PARTS = new Set(['table', 'thead', 'tbody', 'tfoot', 'tr', 'td', 'th', 'caption']);

/** A table of values: at least two rows (a header and a row, or two rows) with two or more filled cells. */
function isDataTable(table: Element): boolean {
	return (
		rowsOf(table).filter((row) => row.filter((cell) => cellText(cell)).length >= 2).length >= 2
	);
}

/** Whether a data table sits anywhere inside this element (through layout wrappers too). */
function containsDataTable(element: Element): boolean {
	return element.children.some(
		(child) =>
			isElement(child) &&
			!isHidden(child) &&
			((child.name === 'table' && (isDataTable(child) || containsDataTable(child))) ||
				(child.name !== 'table' && containsDataTable(child))),
	);
}

/** The rows of this table, not of tables nested in its cells; each row its visible td/th cells. */
function rowsOf(table: Element): Element[][] {
	const rows: Element[][] = [];
	const visit = (element: Element): void => {
		for (const child of element.children) {
			if (!isElement(child) || isHidden(child)) continue;
			if (child.name === 'tr')
				rows.push(
					child.children.filter(
						(cell): cell is Element =>
							isElement(cell) && (cell.name === 'td' || cell.name === 'th') && !isHidden(cell),
					),
				);
			else if (child.name !== 'table') visit(child);
		}
	};
	visit(table);
	return rows;
}

/** Lines of cells, blank lines between paragraphs and around tables. */
export function htmlToLines(html: string): DocumentLine[] {
	const document = parseDocument(html, { decodeEntities: true });
	const reader = new HtmlReader();
	reader.read(document.children);
	return reader.finish();
}

export function readHtml(html: string): TextBlock[] {
	return linesToBlocks(htmlToLines(html));
}

/** The same lines as text, cells separated by tabs (for the benchmark's baselines). */
export function htmlToText(html: string): string {
	return htmlToLines(html)
		.map((line) => line.join('\t'))
		.join('\n');
}
