import { randomBytes } from 'node:crypto';
import type { MultipartFile } from './types';

/** A multipart/form-data body for TikTok's upload endpoints (file field `data`). */
export function buildMultipart(
	file: MultipartFile,
	fields: Record<string, string> = {},
): { body: Buffer; contentType: string } {
	const boundary = `----tiktokshopops${randomBytes(12).toString('hex')}`;
	const parts: Buffer[] = [];
	for (const [name, value] of Object.entries(fields)) {
		parts.push(
			Buffer.from(
				`--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`,
			),
		);
	}
	parts.push(
		Buffer.from(
			`--${boundary}\r\nContent-Disposition: form-data; name="${file.fieldName}"; filename="${file.fileName.replace(/"/g, '')}"\r\n` +
				`Content-Type: ${file.contentType}\r\n\r\n`,
		),
		file.data,
		Buffer.from(`\r\n--${boundary}--\r\n`),
	);
	return { body: Buffer.concat(parts), contentType: `multipart/form-data; boundary=${boundary}` };
}
