/**
 * TikTok decides the image type from its bytes, not from the file name or part content-type, and reports the pixel
 * size back; this reads both from the JPEG, PNG and WEBP headers.
 */
export interface ImageInfo {
	format: 'jpeg' | 'png' | 'webp';
	width: number;
	height: number;
}

export function readImageInfo(data: Buffer): ImageInfo | undefined {
	if (
		data.length >= 24 &&
		data.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))
	) {
		return { format: 'png', width: data.readUInt32BE(16), height: data.readUInt32BE(20) };
	}
	if (data.length >= 4 && data[0] === 0xff && data[1] === 0xd8 && data[2] === 0xff)
		return readJpeg(data);
	if (
		data.length >= 30 &&
		data.toString('latin1', 0, 4) === 'RIFF' &&
		data.toString('latin1', 8, 12) === 'WEBP'
	)
		return readWebp(data);
	return undefined;
}

function readJpeg(data: Buffer): ImageInfo | undefined {
	let offset = 2;
	while (offset + 9 < data.length) {
		if (data[offset] !== 0xff) return undefined;
		const marker = data[offset + 1];
		const length = data.readUInt16BE(offset + 2);
		// SOF0..SOF15 carry the frame size; C4 (DHT), C8 (JPG) and CC (DAC) share the range but do not.
		if (marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc) {
			return {
				format: 'jpeg',
				height: data.readUInt16BE(offset + 5),
				width: data.readUInt16BE(offset + 7),
			};
		}
		offset += 2 + length;
	}
	return undefined;
}

function readWebp(data: Buffer): ImageInfo | undefined {
	const chunk = data.toString('latin1', 12, 16);
	if (chunk === 'VP8X')
		return {
			format: 'webp',
			width: 1 + data.readUIntLE(24, 3),
			height: 1 + data.readUIntLE(27, 3),
		};
	if (chunk === 'VP8 ')
		return {
			format: 'webp',
			width: data.readUInt16LE(26) & 0x3fff,
			height: data.readUInt16LE(28) & 0x3fff,
		};
	if (chunk === 'VP8L') {
		const bits = data.readUInt32LE(21);
		return { format: 'webp', width: (bits & 0x3fff) + 1, height: ((bits >> 14) & 0x3fff) + 1 };
	}
	return undefined;
}
