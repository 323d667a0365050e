import { createHash } from 'node:crypto';
import sharp from 'sharp';

import type { EvidenceImage, PhotoKind, RejectedImage } from '../interfaces';
import { captureTime } from './exif';

/** TikTok's product image upload takes JPG, PNG and WEBP up to 10 MB (reference §7). */
export const MAX_UPLOAD_BYTES = 10 * 1024 * 1024;
/** Larger files are refused before decoding: no phone photo comes near it, and decoding one would hold n8n. */
export const MAX_INPUT_BYTES = 50 * 1024 * 1024;
/**
 * Images with more pixels are refused from their header, before anything decodes them: a 123-byte SVG or a 98 KB
 * GIF can describe a 16000 × 16000 canvas that takes a minute and over 1 GB to decode. 50 MP is above every
 * phone camera's normal photo (48 MP modes included) and far below what would hold n8n.
 */
export const MAX_INPUT_MEGAPIXELS = 50;
export const MAX_INPUT_PIXELS = MAX_INPUT_MEGAPIXELS * 1_000_000;
/**
 * Every decode of a seller's file: never past the pixel limit, and failing on errors, which include a cut-off file
 * ('truncated'); not on mere warnings, which some cameras' otherwise good JPEGs raise.
 */
const DECODE: sharp.SharpOptions = { failOn: 'error', limitInputPixels: MAX_INPUT_PIXELS };
/** Re-encoded evidence keeps enough pixels to read a label; TikTok's viewer shows less. */
const LONG_SIDES = [4096, 2048];
const ACCEPTED: Record<string, EvidenceImage['mimeType']> = {
	jpeg: 'image/jpeg',
	png: 'image/png',
	webp: 'image/webp',
};

export interface ImageSource {
	binaryProperty: string;
	fileName: string;
	data: Buffer;
	kind: PhotoKind;
}

export type ImageResult = { image: EvidenceImage } | { rejected: RejectedImage };

function isHeic(data: Buffer): boolean {
	return (
		data.length > 12 &&
		data.toString('latin1', 4, 8) === 'ftyp' &&
		/^(heic|heix|hevc|hevx|mif1|msf1)$/.test(data.toString('latin1', 8, 12))
	);
}

function reject(source: ImageSource, reason: string): ImageResult {
	return { rejected: { fileName: source.fileName, binaryProperty: source.binaryProperty, reason } };
}

const megabytes = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;

/** JPEG at falling sizes until it fits; metadata (EXIF, ICC) is carried over so the capture time survives. */
async function reencode(data: Buffer): Promise<Buffer | undefined> {
	for (const longSide of [undefined, ...LONG_SIDES]) {
		const pipeline = sharp(data, DECODE).keepMetadata().flatten({ background: '#ffffff' });
		const sized = longSide
			? pipeline.resize(longSide, longSide, { fit: 'inside', withoutEnlargement: true })
			: pipeline;
		const output = await sized.jpeg({ quality: 85, mozjpeg: true }).toBuffer();
		if (output.length <= MAX_UPLOAD_BYTES) return output;
	}
	return undefined;
}

/**
 * One evidence file made ready for TikTok's image upload, or refused with a reason the seller can act on.
 * JPG, PNG and WEBP within 10 MB pass unchanged (so every byte of metadata stays); other readable formats and
 * oversized files are re-encoded as JPEG. The capture time is read before any conversion and kept in the packet,
 * because TikTok's upload may strip it.
 */
export async function prepareImage(source: ImageSource): Promise<ImageResult> {
	const { data } = source;
	if (data.length === 0) return reject(source, 'The file is empty. Gather it again.');
	if (data.length > MAX_INPUT_BYTES) {
		return reject(
			source,
			`The file is ${megabytes(data.length)}; files over ${megabytes(MAX_INPUT_BYTES)} are not processed. Export a smaller JPG (TikTok takes up to 10 MB).`,
		);
	}
	if (isHeic(data)) {
		return reject(
			source,
			'This is an iPhone HEIC photo, which TikTok does not take and which cannot be converted here. Export it as JPG (on the iPhone: Settings > Camera > Formats > Most Compatible), then gather it again.',
		);
	}
	let metadata: sharp.Metadata;
	try {
		// The header only, with no pixel limit, so that an oversized image can be refused with its size.
		metadata = await sharp(data, { failOn: 'error', limitInputPixels: false }).metadata();
	} catch {
		return reject(
			source,
			'The file is not a readable image (damaged, or not a picture). TikTok takes JPG, PNG or WEBP: open it on your computer and save it again as JPG.',
		);
	}
	const { width = 0, height = 0 } = metadata;
	if (width * height > MAX_INPUT_PIXELS) {
		return reject(
			source,
			`The image is ${width} × ${height} pixels (${((width * height) / 1_000_000).toFixed(0)} MP); the limit is ${MAX_INPUT_MEGAPIXELS} megapixels, ` +
				'so it was not opened. Export it at a normal photo size (for example 4000 × 3000) as JPG, then gather it again.',
		);
	}
	try {
		// The header can be intact while the rest is missing: decode every pixel once, and fail on a cut-off file.
		await sharp(data, DECODE).stats();
	} catch {
		return reject(
			source,
			`The ${String(metadata.format ?? 'image').toUpperCase()} file is cut off or damaged: only part of the picture is there. Copy it again from the phone or camera, or open it and save it again as JPG, then gather it again.`,
		);
	}
	const capturedAt = captureTime(metadata.exif);
	const accepted = metadata.format ? ACCEPTED[metadata.format] : undefined;
	let output = data;
	let convertedFrom: string | undefined;
	let mimeType = accepted;
	if (!accepted || data.length > MAX_UPLOAD_BYTES || (metadata.pages ?? 1) > 1) {
		let converted: Buffer | undefined;
		try {
			converted = await reencode(data);
		} catch {
			return reject(
				source,
				`The ${String(metadata.format ?? 'image').toUpperCase()} file could not be decoded. Save it again as JPG.`,
			);
		}
		if (!converted)
			return reject(
				source,
				`Even re-encoded, the image stays above TikTok's 10 MB limit. Export a smaller JPG.`,
			);
		output = converted;
		convertedFrom = `${String(metadata.format ?? 'unknown')} (${megabytes(data.length)})`;
		mimeType = 'image/jpeg';
	}
	const outputMeta = output === data ? metadata : await sharp(output).metadata();
	return {
		image: {
			binaryProperty: source.binaryProperty,
			fileName: convertedFrom ? source.fileName.replace(/\.[^.]*$/, '') + '.jpg' : source.fileName,
			kind: source.kind,
			mimeType: mimeType!,
			width: outputMeta.width ?? 0,
			height: outputMeta.height ?? 0,
			bytes: output.length,
			sha256: createHash('sha256').update(output).digest('hex'),
			capturedAt,
			captureSource: capturedAt ? 'exif' : 'none',
			convertedFrom,
			data: output,
		},
	};
}
