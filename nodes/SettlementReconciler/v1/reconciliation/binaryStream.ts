import { Readable } from 'node:stream';
import { BINARY_ENCODING, type IExecuteFunctions } from 'n8n-workflow';

/** Small reads keep each parsed batch of rows short-lived, which keeps the garbage collector's peak low. */
const CHUNK_BYTES = 64 * 1024;
/** Base64 characters per slice (48 KB decoded): a multiple of 4, so each slice decodes on its own. */
const BASE64_SLICE = 64 * 1024;

/**
 * The input file as a stream, with its size in bytes when n8n recorded it. Stored on disk (n8n's filesystem or S3
 * binary mode) it is read from there and never held whole. Kept in memory, n8n already holds it as base64; it is
 * decoded slice by slice, so the file is not held a second time as one decoded Buffer.
 */
export async function openBinaryStream(
	context: IExecuteFunctions,
	itemIndex: number,
	propertyName: string,
): Promise<{ stream: Readable; bytes?: number }> {
	const binary = context.helpers.assertBinaryData(itemIndex, propertyName);
	if (binary.id)
		return {
			stream: await context.helpers.getBinaryStream(binary.id, CHUNK_BYTES),
			bytes: binary.bytes,
		};
	return {
		stream: Readable.from(decodedSlices(binary.data), { objectMode: false }),
		bytes: binary.bytes ?? Math.floor((binary.data.length * 3) / 4),
	};
}

export function* decodedSlices(base64: string): Generator<Buffer> {
	// Unpadded or wrapped base64 does not cut cleanly into 4-character slices: decoded whole, as before.
	if (base64.length % 4 !== 0 || /\s/.test(base64.slice(0, 80))) {
		const buffer = Buffer.from(base64, BINARY_ENCODING);
		for (let start = 0; start < buffer.length; start += CHUNK_BYTES)
			yield buffer.subarray(start, start + CHUNK_BYTES);
		return;
	}
	for (let start = 0; start < base64.length; start += BASE64_SLICE)
		yield Buffer.from(base64.slice(start, start + BASE64_SLICE), BINARY_ENCODING);
}
