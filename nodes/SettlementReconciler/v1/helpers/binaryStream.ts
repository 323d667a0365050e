import { Readable } from 'node:stream';
import { BINARY_ENCODING, type IExecuteFunctions } from 'n8n-workflow';

/** Small reads keep each parsed batch of rows short-lived, which keeps the garbage collector's peak low. */
const CHUNK_BYTES = 64 * 1024;

/**
 * The input file as a stream. Stored on disk (n8n's filesystem or S3 binary mode) it is read from there and never
 * held whole; kept in memory it is already in memory, but is still fed in 64 KB slices so the parser never holds
 * every parsed row at once.
 */
export async function openBinaryStream(context: IExecuteFunctions, itemIndex: number, propertyName: string): Promise<Readable> {
	const binary = context.helpers.assertBinaryData(itemIndex, propertyName);
	if (binary.id) return await context.helpers.getBinaryStream(binary.id, CHUNK_BYTES);
	const buffer = Buffer.from(binary.data, BINARY_ENCODING);
	return Readable.from(slices(buffer));
}

function* slices(buffer: Buffer): Generator<Buffer> {
	for (let start = 0; start < buffer.length; start += CHUNK_BYTES) yield buffer.subarray(start, start + CHUNK_BYTES);
}
