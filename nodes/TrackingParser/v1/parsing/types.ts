import type { CarrierCode } from '../../../shared/tracking';

/** Where a row came from, so an operations person can open the email or file again. */
export interface RowSource {
	/** The email's Message-ID header, when the document is an email. */
	message_id?: string;
	/** The file or attachment name. */
	file_name?: string;
	/** The IMAP UID, when read from a mailbox. */
	uid?: number;
	mailbox?: string;
	subject?: string;
	from?: string;
}

/** How `order_id` was found: printed in the document, mapped from the 3PL's reference, taken from a field, or still to be looked up. */
export type OrderIdFrom = 'document' | 'mapping' | 'field' | 'lookup_needed';

/** One shipment to confirm, shaped as the Ship Batcher's input. */
export interface TrackingRow {
	/** The TikTok order ID, as a string; empty only when `order_id_from` is 'lookup_needed'. */
	order_id: string;
	/** The 3PL's own order reference, when the document used one. */
	order_reference?: string;
	order_id_from: OrderIdFrom;
	package_id?: string;
	line_item_ids?: string[];
	/** Upper case without spaces or dashes. */
	tracking_number: string;
	carrier: CarrierCode;
	carrier_name: string;
	/** YYYY-MM-DD. */
	shipped_at?: string;
	/** 0..1: how sure we are that this is a tracking number of this order. */
	confidence: number;
	source: RowSource;
	/** The line the tracking number was read from, to check a row by eye. */
	evidence: string;
}

export type UnparsedCode =
	| 'no_tracking_found'
	| 'html_only_no_tracking'
	| 'tracking_without_order'
	| 'order_reference_not_mapped'
	| 'invalid_tracking_number'
	| 'missing_tracking_number'
	| 'encrypted_pdf'
	| 'corrupt_pdf'
	/** A PDF without a text layer (a scan or an image); there is no OCR. */
	| 'no_text'
	/** A PDF past the time, memory or page limit; the reason names which. */
	| 'pdf_limit_exceeded'
	/** An Excel or OpenDocument workbook with a password, damaged, or past the time, memory or row limit. */
	| 'encrypted_spreadsheet'
	| 'corrupt_spreadsheet'
	| 'spreadsheet_limit_exceeded'
	/** Forwarded emails or MIME parts nested deeper than the reader follows. */
	| 'nested_too_deep'
	| 'attachment_too_large'
	| 'unsupported_file'
	| 'no_binary_data'
	| 'mailbox_connection_lost'
	| 'mailbox_changed'
	| 'not_marked'
	| 'not_a_shipment'
	| 'excel_damaged_ids';

/** Something that did not become a row, and why: every document ends up as rows, here, or both. */
export interface UnparsedEntry {
	code: UnparsedCode;
	reason: string;
	source: RowSource;
	/** Numbers or references involved, so the user can finish the job by hand. */
	tracking_numbers?: string[];
	order_reference?: string;
	evidence?: string;
}

export interface ExtractionResult {
	rows: TrackingRow[];
	unparsed: UnparsedEntry[];
}

/** What the user configured about the 3PL and how its references map to TikTok orders. */
export interface ExtractionOptions {
	/** The carrier this 3PL normally ships with; numbers of other carriers need stronger evidence. */
	expectedCarrier?: CarrierCode;
	/** 3PL order reference (as printed, case-insensitive) → TikTok order ID. */
	referenceMap: ReadonlyMap<string, string>;
	/** A TikTok order ID given from outside the document (an input field), used when the document names none. */
	fallbackOrderId?: string;
	/** Rows below this confidence are not output as rows but reported as unparsed. */
	minConfidence: number;
	/** Whether rows whose 3PL reference is not mapped go out with `order_id_from: 'lookup_needed'` (else unparsed). */
	outputUnmappedForLookup: boolean;
	/** Attachments and files above this many bytes are reported, not read. */
	maxBytes: number;
}

/** One line of a document, already split into cells (a CSV row, a PDF table row, or one cell of text). */
export type DocumentLine = readonly string[];

/** A run of lines that belong together: a paragraph, a PDF page, or one table row. */
export interface TextBlock {
	lines: DocumentLine[];
	/** The PDF page it starts on (0-based): a page of packing slips is one order's document. */
	page?: number;
}

/** A document turned into text: what the engine reads. */
export interface ReadableDocument {
	source: RowSource;
	/** Paragraphs and pages; a block boundary is where one order's details may end. */
	blocks: TextBlock[];
	/** True when an email had no plain-text part and its HTML was read instead. */
	htmlOnly?: boolean;
}
