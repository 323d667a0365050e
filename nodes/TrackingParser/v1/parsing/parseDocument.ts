import { decodeText } from './decodeText';
import { type DocumentExtraction, DocumentExtractor } from './extractRows';
import { fileKind } from './fileKind';
import { readHtml } from './htmlToText';
import { nothingFound } from './nothingFound';
import type { OrderMention } from './orderMentions';
import { readCsv } from './readCsv';
import { type ReadEmail, readEmail } from './readEmail';
import { readPdf } from './readPdf';
import { readSpreadsheet } from './readSpreadsheet';
import { textToBlocks } from './textBlocks';
import type {
	ExtractionOptions,
	ExtractionResult,
	RowSource,
	TextBlock,
	TrackingRow,
	UnparsedEntry,
} from './types';

export interface InputFile {
	data: Buffer;
	fileName?: string;
	mimeType?: string;
	/** Where the file came from (IMAP UID, mailbox), merged into every row's source. */
	source?: RowSource;
}

const megabytes = (bytes: number): string => `${(bytes / 1024 / 1024).toFixed(1)} MB`;

function tooLarge(source: RowSource, name: string, size: number, limit: number): UnparsedEntry {
	return {
		code: 'attachment_too_large',
		reason: `${name} is ${megabytes(size)}, over the ${megabytes(limit)} limit in the node's options, so it was not read. Raise "Max File Size" or process it separately.`,
		source,
	};
}

interface OneDocument extends DocumentExtraction {
	soleOrder?: OrderMention;
}

/** Reads one non-email document (PDF, spreadsheet, CSV, HTML, text) and extracts from it. */
async function extractFrom(
	data: Buffer,
	name: string,
	mimeType: string,
	source: RowSource,
	options: ExtractionOptions,
	inherited?: OrderMention,
): Promise<OneDocument> {
	const empty = (entry: UnparsedEntry): OneDocument => ({
		rows: [],
		unparsed: [entry],
		possible: [],
	});
	if (data.length > options.maxBytes)
		return empty(tooLarge(source, name, data.length, options.maxBytes));
	const kind = fileKind(data, name, mimeType);
	let blocks: TextBlock[];
	const notes: UnparsedEntry[] = [];
	if (kind === 'pdf') {
		const pdf = await readPdf(data, name);
		if (!pdf.ok) return empty({ code: pdf.problem, reason: pdf.message, source });
		blocks = pdf.blocks;
		if (pdf.truncated)
			notes.push({ code: pdf.truncated.problem, reason: pdf.truncated.message, source });
	} else if (kind === 'spreadsheet') {
		const workbook = await readSpreadsheet(data, name);
		if (!workbook.ok) return empty({ code: workbook.problem, reason: workbook.message, source });
		blocks = workbook.blocks;
		if (workbook.truncated)
			notes.push({ code: workbook.truncated.problem, reason: workbook.truncated.message, source });
	} else if (kind === 'csv') blocks = readCsv(data);
	else if (kind === 'html') blocks = readHtml(decodeText(data));
	else if (kind === 'text') blocks = textToBlocks(decodeText(data));
	else {
		return empty({
			code: 'unsupported_file',
			reason: `${name} (${mimeType || 'unknown type'}) is not an email, PDF, spreadsheet, CSV, HTML or text file, so it cannot be read.`,
			source,
		});
	}
	const extractor = new DocumentExtractor({ source, blocks }, options);
	const result = extractor.run(inherited);
	return { ...result, unparsed: [...notes, ...result.unparsed], soleOrder: extractor.soleOrder() };
}

/** Rows of one email or file: the same tracking number for the same order counts once, at its best confidence. */
function mergeRows(rows: readonly TrackingRow[]): TrackingRow[] {
	const merged = new Map<string, TrackingRow>();
	for (const row of rows) {
		const key = `${row.order_id || row.order_reference}|${row.tracking_number}`;
		const known = merged.get(key);
		if (!known || known.confidence < row.confidence) merged.set(key, row);
	}
	return [...merged.values()];
}

function finish(
	parts: readonly DocumentExtraction[],
	source: RowSource,
	htmlOnly: boolean,
): ExtractionResult {
	const rows = mergeRows(parts.flatMap((part) => part.rows));
	// The text and HTML parts of one email say the same thing: one problem is reported once.
	const seen = new Set<string>();
	const unparsed = parts
		.flatMap((part) => part.unparsed)
		.filter((entry) => {
			const key = JSON.stringify([
				entry.code,
				entry.source.file_name,
				entry.order_reference,
				entry.tracking_numbers,
			]);
			if (seen.has(key)) return false;
			seen.add(key);
			return true;
		});
	if (rows.length === 0 && unparsed.length === 0) {
		unparsed.push(
			nothingFound(source, htmlOnly, [...new Set(parts.flatMap((part) => part.possible))]),
		);
	}
	return { rows, unparsed };
}

/** Forwarded emails inside forwarded emails: 3 levels cover a 3PL's mail forwarded twice by the team. */
const MAX_EMAIL_DEPTH = 3;

function tooDeep(source: RowSource, name: string, detail: string): UnparsedEntry {
	return {
		code: 'nested_too_deep',
		reason: `${name} ${detail}, so it was not read. Forward the 3PL's original email (or its attachment) on its own.`,
		source,
	};
}

async function parseEmail(
	file: InputFile,
	options: ExtractionOptions,
	depth = 0,
): Promise<ExtractionResult> {
	const name = file.fileName ?? 'The email';
	let email: ReadEmail;
	try {
		email = await readEmail(file.data, file.fileName);
	} catch (error) {
		// mailsplit gives up on MIME nested thousands of parts deep with a bare "Max allowed child nodes exceeded".
		// eslint-disable-next-line @n8n/community-nodes/require-node-api-error -- the router converts it with the item index
		if (!/child nodes|nest|depth/i.test((error as Error).message)) throw error;
		const source: RowSource = {
			...(file.fileName ? { file_name: file.fileName } : {}),
			...file.source,
		};
		return {
			rows: [],
			unparsed: [
				tooDeep(
					source,
					name,
					`has MIME parts nested deeper than an email reader follows (${(error as Error).message})`,
				),
			],
		};
	}
	const source: RowSource = { ...email.source, ...file.source };
	let body = new DocumentExtractor(
		{ source, blocks: email.body, htmlOnly: email.htmlOnly },
		options,
	);
	let bodyResult = body.run();
	if (bodyResult.rows.length === 0 && email.htmlBody) {
		// Some 3PLs put the tracking link only in the HTML part and a bare "your order shipped" in the text part.
		body = new DocumentExtractor({ source, blocks: [...email.body, ...email.htmlBody] }, options);
		bodyResult = body.run();
	}
	const parts: DocumentExtraction[] = [bodyResult];
	for (const attachment of email.attachments) {
		const attachmentSource = { ...source, file_name: attachment.fileName };
		if (fileKind(attachment.data, attachment.fileName, attachment.contentType) === 'email') {
			// A forwarded 3PL email: read as an email of its own, under its own Message-ID.
			if (attachment.data.length > options.maxBytes) {
				parts.push({
					rows: [],
					unparsed: [
						tooLarge(
							attachmentSource,
							attachment.fileName,
							attachment.data.length,
							options.maxBytes,
						),
					],
					possible: [],
				});
				continue;
			}
			if (depth + 1 > MAX_EMAIL_DEPTH) {
				parts.push({
					rows: [],
					unparsed: [
						tooDeep(
							attachmentSource,
							attachment.fileName,
							`is an email forwarded more than ${MAX_EMAIL_DEPTH} times over`,
						),
					],
					possible: [],
				});
				continue;
			}
			const mailbox: RowSource = {
				...(source.uid !== undefined ? { uid: source.uid } : {}),
				...(source.mailbox ? { mailbox: source.mailbox } : {}),
			};
			const forwarded = await parseEmail(
				{ data: attachment.data, fileName: attachment.fileName, source: mailbox },
				options,
				depth + 1,
			);
			parts.push({ ...forwarded, possible: [] });
			continue;
		}
		parts.push(
			await extractFrom(
				attachment.data,
				attachment.fileName,
				attachment.contentType,
				attachmentSource,
				options,
				body.soleOrder(),
			),
		);
	}
	// A body that names the order while a PDF carries the numbers is one confirmation, not a failure.
	const output = new Set(parts.flatMap((part) => part.rows.map((row) => row.tracking_number)));
	const settled = (entry: UnparsedEntry): boolean =>
		entry.code === 'tracking_without_order' &&
		(entry.tracking_numbers ?? []).every((number) => output.has(number));
	parts[0] = { ...bodyResult, unparsed: bodyResult.unparsed.filter((entry) => !settled(entry)) };
	return finish(parts, source, email.htmlOnly);
}

/** Turns one email, PDF, spreadsheet, CSV, HTML or text file into tracking rows and unparsed entries. */
export async function parseDocument(
	file: InputFile,
	options: ExtractionOptions,
): Promise<ExtractionResult> {
	const name = file.fileName ?? 'The file';
	const source: RowSource = {
		...(file.fileName ? { file_name: file.fileName } : {}),
		...file.source,
	};
	if (file.data.length > options.maxBytes)
		return { rows: [], unparsed: [tooLarge(source, name, file.data.length, options.maxBytes)] };
	if (fileKind(file.data, file.fileName, file.mimeType) === 'email')
		return await parseEmail(file, options);
	const result = await extractFrom(file.data, name, file.mimeType ?? '', source, options);
	return finish([result], source, false);
}
