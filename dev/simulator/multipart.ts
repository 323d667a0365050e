/** Just enough multipart/form-data parsing for TikTok's upload endpoints. */
export interface MultipartFile {
	fileName: string;
	contentType: string;
	data: Buffer;
}

export interface MultipartForm {
	fields: Record<string, string>;
	files: Record<string, MultipartFile>;
}

export function boundaryOf(contentType: string | undefined): string | undefined {
	const match = /^multipart\/form-data\s*;.*boundary=(?:"([^"]+)"|([^;\s]+))/i.exec(
		contentType ?? '',
	);
	return match ? (match[1] ?? match[2]) : undefined;
}

/** Returns undefined for a body that is not well-formed multipart, which the caller reports as a bad request. */
export function parseMultipart(body: Buffer, boundary: string): MultipartForm | undefined {
	const form: MultipartForm = { fields: {}, files: {} };
	const delimiter = Buffer.from(`--${boundary}`);
	let position = body.indexOf(delimiter);
	if (position < 0) return undefined;
	for (;;) {
		position += delimiter.length;
		if (body.subarray(position, position + 2).toString() === '--') return form;
		position += 2; // CRLF after the delimiter
		const headerEnd = body.indexOf('\r\n\r\n', position);
		if (headerEnd < 0) return undefined;
		const headers = body.subarray(position, headerEnd).toString('utf8');
		const next = body.indexOf(Buffer.from(`\r\n--${boundary}`), headerEnd + 4);
		if (next < 0) return undefined;
		const content = body.subarray(headerEnd + 4, next);
		const name = /name="([^"]*)"/i.exec(headers)?.[1];
		const fileName = /filename="([^"]*)"/i.exec(headers)?.[1];
		if (name !== undefined) {
			if (fileName !== undefined) {
				form.files[name] = {
					fileName,
					contentType:
						/content-type:\s*([^\r\n]+)/i.exec(headers)?.[1] ?? 'application/octet-stream',
					data: Buffer.from(content),
				};
			} else {
				form.fields[name] = content.toString('utf8');
			}
		}
		position = next + 2;
	}
}
