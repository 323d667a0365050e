import { fileKind } from '../../nodes/TrackingParser/v1/parsing/fileKind';
import { htmlToText } from '../../nodes/TrackingParser/v1/parsing/htmlToText';
import { readEmail } from '../../nodes/TrackingParser/v1/parsing/readEmail';
import { readPdf } from '../../nodes/TrackingParser/v1/parsing/readPdf';
import type { TextBlock } from '../../nodes/TrackingParser/v1/parsing/types';

const blocksToText = (blocks: readonly TextBlock[]): string =>
	blocks.map((block) => block.lines.map((line) => line.join('\t')).join('\n')).join('\n\n');

async function fileText(data: Buffer, fileName: string, mimeType: string): Promise<string> {
	const kind = fileKind(data, fileName, mimeType);
	if (kind === 'pdf') {
		const pdf = await readPdf(data, fileName);
		return pdf.ok ? blocksToText(pdf.blocks) : '';
	}
	if (kind === 'html') return htmlToText(data.toString('utf8'));
	return data.toString('utf8');
}

/**
 * The whole text of a document, read the way the parser reads it (same PDF, email and HTML readers),
 * so the baselines differ from the parser only in how they pick numbers out of the text.
 */
export async function documentText(
	data: Buffer,
	fileName: string,
	mimeType: string,
): Promise<string> {
	if (fileKind(data, fileName, mimeType) !== 'email')
		return await fileText(data, fileName, mimeType);
	const email = await readEmail(data, fileName);
	const parts = [blocksToText(email.body), blocksToText(email.htmlBody ?? [])];
	for (const attachment of email.attachments)
		parts.push(await fileText(attachment.data, attachment.fileName, attachment.contentType));
	return parts.join('\n\n');
}
