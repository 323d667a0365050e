/** EXIF tags that date a photo (TIFF/EXIF 2.3). */
const TAG_DATE_TIME = 0x0132;
const TAG_EXIF_IFD = 0x8769;
const TAG_DATE_TIME_ORIGINAL = 0x9003;
const TAG_DATE_TIME_DIGITIZED = 0x9004;
const TAG_OFFSET_TIME_ORIGINAL = 0x9011;
const TYPE_ASCII = 2;

type Entries = Map<number, { type: number; count: number; valueOffset: number }>;

function readIfd(tiff: Buffer, offset: number, little: boolean): Entries {
	const entries: Entries = new Map();
	if (offset + 2 > tiff.length) return entries;
	const u16 = (at: number) => (little ? tiff.readUInt16LE(at) : tiff.readUInt16BE(at));
	const u32 = (at: number) => (little ? tiff.readUInt32LE(at) : tiff.readUInt32BE(at));
	const count = u16(offset);
	for (let index = 0; index < count; index++) {
		const at = offset + 2 + index * 12;
		if (at + 12 > tiff.length) break;
		entries.set(u16(at), { type: u16(at + 2), count: u32(at + 4), valueOffset: at + 8 });
	}
	return entries;
}

function readAscii(
	tiff: Buffer,
	entries: Entries,
	tag: number,
	little: boolean,
): string | undefined {
	const entry = entries.get(tag);
	if (!entry || entry.type !== TYPE_ASCII) return undefined;
	const start =
		entry.count <= 4
			? entry.valueOffset
			: little
				? tiff.readUInt32LE(entry.valueOffset)
				: tiff.readUInt32BE(entry.valueOffset);
	if (start + entry.count > tiff.length) return undefined;
	const value = tiff
		.toString('latin1', start, start + entry.count)
		.replace(/\0+$/, '')
		.trim();
	return value || undefined;
}

/**
 * When the photo was taken, from the EXIF block sharp hands back (`metadata().exif`): DateTimeOriginal, else
 * DateTimeDigitized, else DateTime; as ISO 8601, with the camera's offset when it wrote OffsetTimeOriginal.
 * Cameras write local time without a zone, so without an offset the value carries none either.
 */
export function captureTime(exif: Buffer | undefined): string | undefined {
	if (!exif || exif.length < 14) return undefined;
	const tiff = exif.subarray(0, 6).toString('latin1') === 'Exif\0\0' ? exif.subarray(6) : exif;
	const order = tiff.toString('latin1', 0, 2);
	if (order !== 'II' && order !== 'MM') return undefined;
	const little = order === 'II';
	try {
		const ifd0 = readIfd(tiff, little ? tiff.readUInt32LE(4) : tiff.readUInt32BE(4), little);
		const exifPointer = ifd0.get(TAG_EXIF_IFD);
		const exifIfd = exifPointer
			? readIfd(
					tiff,
					little
						? tiff.readUInt32LE(exifPointer.valueOffset)
						: tiff.readUInt32BE(exifPointer.valueOffset),
					little,
				)
			: new Map();
		const raw =
			readAscii(tiff, exifIfd, TAG_DATE_TIME_ORIGINAL, little) ??
			readAscii(tiff, exifIfd, TAG_DATE_TIME_DIGITIZED, little) ??
			readAscii(tiff, ifd0, TAG_DATE_TIME, little);
		const match = raw?.match(/^(\d{4}):(\d{2}):(\d{2})[ T](\d{2}):(\d{2}):(\d{2})/);
		if (!match || match[1] === '0000') return undefined;
		const offset = readAscii(tiff, exifIfd, TAG_OFFSET_TIME_ORIGINAL, little);
		const zone = offset && /^[+-]\d{2}:\d{2}$/.test(offset) ? offset : '';
		return `${match[1]}-${match[2]}-${match[3]}T${match[4]}:${match[5]}:${match[6]}${zone}`;
	} catch {
		return undefined;
	}
}
