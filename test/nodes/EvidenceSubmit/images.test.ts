import { createHash, randomBytes } from 'node:crypto';
import sharp from 'sharp';

import { captureTime } from '../../../nodes/EvidenceSubmit/v1/disputes/packet/exif';
import {
	MAX_INPUT_BYTES,
	MAX_INPUT_MEGAPIXELS,
	MAX_INPUT_PIXELS,
	MAX_UPLOAD_BYTES,
	prepareImage,
} from '../../../nodes/EvidenceSubmit/v1/disputes/packet/images';
import { photo, returnCase, runEvidence, withFiles } from './evidenceHarness';

const prepare = (data: Buffer, fileName = 'photo.jpg') =>
	prepareImage({ binaryProperty: 'data', fileName, data, kind: 'photo' });

/** Random pixels do not compress: a 2000 × 2000 RGB PNG of noise is about 12 MB. */
async function noisePng(side: number): Promise<Buffer> {
	return await sharp(randomBytes(side * side * 3), {
		raw: { width: side, height: side, channels: 3 },
	})
		.withExif({ IFD2: { DateTimeOriginal: '2026:11:24 09:12:00' } })
		.png({ compressionLevel: 1 })
		.toBuffer();
}

/**
 * A valid one-colour GIF, LZW-encoded by hand the way any GIF encoder would (runs grow one pixel per code, clear
 * when the 4096-code table is full): 12000 × 12000 is ~98 KB, the size of the bomb from the field.
 */
function uniformGif(width: number, height: number): Buffer {
	const CLEAR = 4;
	const END = 5;
	const bytes: number[] = [];
	let bitBuffer = 0;
	let bitCount = 0;
	const emit = (code: number, size: number) => {
		bitBuffer |= code << bitCount;
		bitCount += size;
		while (bitCount >= 8) {
			bytes.push(bitBuffer & 0xff);
			bitBuffer >>>= 8;
			bitCount -= 8;
		}
	};
	let size = 3;
	let next = 6;
	let longest = 1;
	let remaining = width * height;
	emit(CLEAR, size);
	while (remaining > 0) {
		const run = Math.min(longest, remaining);
		remaining -= run;
		emit(run === 1 ? 0 : run + 4, size);
		if (remaining === 0) break;
		if (next === 4096) {
			emit(CLEAR, size);
			[size, next, longest] = [3, 6, 1];
		} else {
			if (next >= 1 << size) size++;
			next++;
			longest = run + 1;
		}
	}
	emit(END, size);
	if (bitCount > 0) bytes.push(bitBuffer & 0xff);
	const blocks: number[] = [];
	for (let at = 0; at < bytes.length; at += 255) {
		const block = bytes.slice(at, at + 255);
		blocks.push(block.length, ...block);
	}
	const u16 = (value: number) => [value & 0xff, value >> 8];
	return Buffer.from([
		...Buffer.from('GIF89a'),
		...u16(width),
		...u16(height),
		0x80,
		0,
		0, // global table of 2 colours
		0xb0,
		0x8d,
		0x6a,
		0xff,
		0xff,
		0xff,
		0x2c,
		0,
		0,
		0,
		0,
		...u16(width),
		...u16(height),
		0, // one frame covering the canvas
		2,
		...blocks,
		0,
		0x3b,
	]);
}

describe('evidence images for TikTok (JPG, PNG or WEBP, at most 10 MB)', () => {
	it('JPG, PNG and WEBP within the limit pass byte for byte, with the EXIF capture time read', async () => {
		for (const format of ['jpeg', 'png', 'webp'] as const) {
			const data = await photo({ format, taken: '2026-11-20T18:30:05', offset: '-05:00' });
			const result = await prepare(data, `pod.${format}`);
			if (!('image' in result)) throw new Error(result.rejected.reason);
			expect(result.image.sha256).toBe(createHash('sha256').update(data).digest('hex'));
			expect(result.image).toMatchObject({
				mimeType: `image/${format}`,
				width: 640,
				height: 480,
				convertedFrom: undefined,
				capturedAt: '2026-11-20T18:30:05-05:00',
				captureSource: 'exif',
			});
		}
	});

	it('TIFF and GIF are converted to JPEG', async () => {
		const result = await prepare(await photo({ format: 'tiff' }), 'scan-log.tiff');
		if (!('image' in result)) throw new Error(result.rejected.reason);
		expect(result.image).toMatchObject({
			mimeType: 'image/jpeg',
			fileName: 'scan-log.jpg',
			width: 640,
			height: 480,
		});
		expect(result.image.convertedFrom).toMatch(/^tiff \(/);
		expect((await sharp(result.image.data).metadata()).format).toBe('jpeg');
		const gif = await prepare(await photo({ format: 'gif' }), 'chat.gif');
		expect('image' in gif && gif.image.mimeType).toBe('image/jpeg');
	});

	it('an image over 10 MB is re-encoded under the limit; one over 50 MB is refused before decoding', async () => {
		const big = await noisePng(2000);
		expect(big.length).toBeGreaterThan(MAX_UPLOAD_BYTES);
		const result = await prepare(big, 'opened-box.png');
		if (!('image' in result)) throw new Error(result.rejected.reason);
		expect(result.image.bytes).toBeLessThanOrEqual(MAX_UPLOAD_BYTES);
		expect(result.image).toMatchObject({
			mimeType: 'image/jpeg',
			capturedAt: '2026-11-24T09:12:00',
		});
		// The capture time is kept in the packet and, where the format allows, inside the converted file as well.
		expect(captureTime((await sharp(result.image.data).metadata()).exif)).toBe(
			'2026-11-24T09:12:00',
		);
		const huge = Buffer.concat([big.subarray(0, 64), Buffer.alloc(MAX_INPUT_BYTES + 1 - 64)]);
		const refused = await prepare(huge, 'huge.png');
		expect('rejected' in refused && refused.rejected.reason).toContain(
			'files over 50.0 MB are not processed',
		);
	});

	it('the hand-encoded GIF used as a bomb below is a valid image', async () => {
		const small = uniformGif(301, 207);
		const { channels } = await sharp(small, { failOn: 'warning' }).stats();
		expect(channels.slice(0, 3).map((channel) => [channel.min, channel.max])).toEqual([
			[0xb0, 0xb0],
			[0x8d, 0x8d],
			[0x6a, 0x6a],
		]);
		const result = await prepare(small, 'chat.gif');
		expect('image' in result && result.image).toMatchObject({
			mimeType: 'image/jpeg',
			width: 301,
			height: 207,
		});
	});

	it('a decompression bomb (tiny file, huge canvas) is refused from its header, fast, naming the limit and its size', async () => {
		// 123 bytes of SVG that would render 16000 × 16000 (256 MP; 63 s and 1.1 GB before this was checked).
		const svg = Buffer.from(
			'<svg xmlns="http://www.w3.org/2000/svg" width="16000" height="16000"><rect width="16000" height="16000" fill="#b08d6a"/></svg>',
		);
		// A valid GIF of 12000 × 12000 (144 MP) in ~98 KB (26 s and 1.5 GB before this was checked).
		const gif = uniformGif(12000, 12000);
		expect(gif.length).toBeLessThan(110_000);
		expect((await sharp(gif).metadata()).width).toBe(12000);
		for (const [data, fileName, size] of [
			[svg, 'label.svg', '16000 × 16000'],
			[gif, 'chat.gif', '12000 × 12000'],
		] as const) {
			const started = Date.now();
			const result = await prepare(data, fileName);
			expect(Date.now() - started).toBeLessThan(2000);
			expect('rejected' in result && result.rejected.reason).toContain(`${size} pixels`);
			expect('rejected' in result && result.rejected.reason).toContain(
				`limit is ${MAX_INPUT_MEGAPIXELS} megapixels`,
			);
		}
		expect(MAX_INPUT_PIXELS).toBe(MAX_INPUT_MEGAPIXELS * 1_000_000);
	});

	it('a cut-off (truncated) JPG or PNG is refused, not passed on because its header is fine', async () => {
		for (const format of ['jpeg', 'png'] as const) {
			const whole = await noisePng(400).then((png) => sharp(png).toFormat(format).toBuffer());
			const cut = whole.subarray(0, Math.floor(whole.length * 0.6));
			expect((await sharp(cut).metadata()).width).toBe(400);
			const result = await prepare(cut, `opened-box.${format}`);
			expect('rejected' in result && result.rejected.reason).toContain(
				`The ${format.toUpperCase()} file is cut off or damaged`,
			);
			expect('image' in (await prepare(whole, `opened-box.${format}`))).toBe(true);
		}
		// WEBP and GIF give their length away in the header: a cut one is already not a readable image.
		for (const format of ['webp', 'gif'] as const) {
			const whole = await photo({ format });
			const result = await prepare(
				whole.subarray(0, Math.floor(whole.length * 0.6)),
				`chat.${format}`,
			);
			expect('rejected' in result && result.rejected.reason).toMatch(
				/not a readable image|cut off or damaged/,
			);
		}
	});

	it('unreadable files and iPhone HEIC photos are refused with what to do', async () => {
		const broken = await prepare(
			Buffer.from('%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\n'),
			'label.pdf',
		);
		expect('rejected' in broken && broken.rejected.reason).toContain('not a readable image');
		const heic = Buffer.concat([
			Buffer.from([0, 0, 0, 0x18]),
			Buffer.from('ftypheic'),
			Buffer.alloc(64),
		]);
		const refused = await prepare(heic, 'IMG_4471.HEIC');
		expect('rejected' in refused && refused.rejected.reason).toContain('Most Compatible');
		expect('rejected' in (await prepare(Buffer.alloc(0), 'empty.jpg'))).toBe(true);
	});

	it('a refused file shows in the packet, and a required photo that was refused leaves the packet not ready', async () => {
		const item = withFiles(
			{},
			{ data: { data: Buffer.from('not an image at all'), fileName: 'opened-box.jpg' } },
		);
		const caseJson = returnCase({
			return_type: 'RETURN_AND_REFUND',
			status: 'BUYER_SHIPPED_ITEM',
			seller_next_action_response: [
				{
					action: 'SELLER_RESPOND_RECEIVE_PACKAGE',
					deadline: Math.floor(Date.now() / 1000) + 7200,
				},
			],
		});
		const [[packet]] = await runEvidence({
			items: [{ ...item, json: caseJson }],
			parameters: {
				operation: 'buildPacket',
				caseData: caseJson,
				claimType: 'RETURN_EMPTY_BOX',
				poolByCase: true,
				evidence: { shippedWeight: '1.2 lb', returnedWeight: '0.2 lb' },
				packetOptions: {},
			},
		});
		expect(packet.json.verdict).toBe('missing_required_evidence');
		expect(packet.json.images_rejected).toEqual([
			expect.objectContaining({
				fileName: 'opened-box.jpg',
				reason: expect.stringContaining('not a readable image'),
			}),
		]);
		expect(packet.json.next_step).toContain('opened-box.jpg was not used');
	});
});
