import { simpleParser, type Attachment } from 'mailparser';

import { readHtml } from './htmlToText';
import { textToBlocks } from './textBlocks';
import type { RowSource, TextBlock } from './types';

export interface EmailAttachment {
	fileName: string;
	contentType: string;
	data: Buffer;
}

export interface ReadEmail {
	source: RowSource;
	/** The subject and the plain-text body (or the HTML body as text when there is no plain text). */
	body: TextBlock[];
	/** The HTML body as text, to read when the plain-text part yields nothing. */
	htmlBody?: TextBlock[];
	htmlOnly: boolean;
	attachments: EmailAttachment[];
}

// Logos and signature images carry no text; everything else is offered to the readers.
const isDecoration = (attachment: Attachment): boolean =>
	attachment.contentType.startsWith('image/') || attachment.related === true;

export async function readEmail(data: Buffer, fileName?: string): Promise<ReadEmail> {
	const mail = await simpleParser(data, { skipImageLinks: true, skipTextToHtml: true });
	const html = typeof mail.html === 'string' ? mail.html : undefined;
	// mailparser makes up a text body from the HTML when there is none; only a real text/plain part counts.
	const hasTextPart = /^content-type:\s*text\/plain/im.test(data.toString('latin1')) || !html;
	const text = hasTextPart && mail.text?.trim() ? mail.text : undefined;
	const subject = mail.subject ?? '';
	const subjectBlock: TextBlock[] = subject ? [{ lines: [[subject]] }] : [];
	const htmlBody = html ? readHtml(html) : undefined;
	return {
		source: {
			...(mail.messageId ? { message_id: mail.messageId } : {}),
			...(fileName ? { file_name: fileName } : {}),
			...(subject ? { subject } : {}),
			...(mail.from?.text ? { from: mail.from.text } : {}),
		},
		body: [...subjectBlock, ...(text ? textToBlocks(text) : (htmlBody ?? []))],
		htmlBody: text ? htmlBody : undefined,
		htmlOnly: !text && !!html,
		attachments: mail.attachments
			.filter((attachment) => !isDecoration(attachment))
			.map((attachment, index) => ({
				fileName: attachment.filename ?? `attachment-${index + 1}`,
				contentType: attachment.contentType,
				data: attachment.content,
			})),
	};
}
