import { createHash, randomBytes } from 'node:crypto';
import sharp from 'sharp';

import { captureTime } from '../../../nodes/EvidenceSubmit/v1/packet/exif';
import { MAX_INPUT_BYTES, MAX_UPLOAD_BYTES, prepareImage } from '../../../nodes/EvidenceSubmit/v1/packet/images';
import { photo, returnCase, runEvidence, withFiles } from './evidenceHarness';

const prepare = (data: Buffer, fileName = 'photo.jpg') => prepareImage({ binaryProperty: 'data', fileName, data, kind: 'photo' });

/** Random pixels do not compress: a 2000 × 2000 RGB PNG of noise is about 12 MB. */
async function noisePng(side: number): Promise<Buffer> {
	return await sharp(randomBytes(side * side * 3), { raw: { width: side, height: side, channels: 3 } })
		.withExif({ IFD2: { DateTimeOriginal: '2026:11:24 09:12:00' } })
		.png({ compressionLevel: 1 })
		.toBuffer();
}

describe('evidence images for TikTok (JPG, PNG or WEBP, at most 10 MB)', () => {
	it('JPG, PNG and WEBP within the limit pass byte for byte, with the EXIF capture time read', async () => {
		for (const format of ['jpeg', 'png', 'webp'] as const) {
			const data = await photo({ format, taken: '2026-11-20T18:30:05', offset: '-05:00' });
			const result = await prepare(data, `pod.${format}`);
			if (!('image' in result)) throw new Error(result.rejected.reason);
			expect(result.image.sha256).toBe(createHash('sha256').update(data).digest('hex'));
			expect(result.image).toMatchObject({ mimeType: `image/${format}`, width: 640, height: 480, convertedFrom: undefined, capturedAt: '2026-11-20T18:30:05-05:00', captureSource: 'exif' });
		}
	});

	it('TIFF and GIF are converted to JPEG', async () => {
		const result = await prepare(await photo({ format: 'tiff' }), 'scan-log.tiff');
		if (!('image' in result)) throw new Error(result.rejected.reason);
		expect(result.image).toMatchObject({ mimeType: 'image/jpeg', fileName: 'scan-log.jpg', width: 640, height: 480 });
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
		expect(result.image).toMatchObject({ mimeType: 'image/jpeg', capturedAt: '2026-11-24T09:12:00' });
		// The capture time is kept in the packet and, where the format allows, inside the converted file as well.
		expect(captureTime((await sharp(result.image.data).metadata()).exif)).toBe('2026-11-24T09:12:00');
		const huge = Buffer.concat([big.subarray(0, 64), Buffer.alloc(MAX_INPUT_BYTES + 1 - 64)]);
		const refused = await prepare(huge, 'huge.png');
		expect('rejected' in refused && refused.rejected.reason).toContain('files over 50.0 MB are not processed');
	});

	it('unreadable files and iPhone HEIC photos are refused with what to do', async () => {
		const broken = await prepare(Buffer.from('%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\n'), 'label.pdf');
		expect('rejected' in broken && broken.rejected.reason).toContain('not a readable image');
		const heic = Buffer.concat([Buffer.from([0, 0, 0, 0x18]), Buffer.from('ftypheic'), Buffer.alloc(64)]);
		const refused = await prepare(heic, 'IMG_4471.HEIC');
		expect('rejected' in refused && refused.rejected.reason).toContain('Most Compatible');
		expect('rejected' in (await prepare(Buffer.alloc(0), 'empty.jpg'))).toBe(true);
	});

	it('a refused file shows in the packet, and a required photo that was refused leaves the packet not ready', async () => {
		const item = withFiles({}, { data: { data: Buffer.from('not an image at all'), fileName: 'opened-box.jpg' } });
		const caseJson = returnCase({ return_type: 'RETURN_AND_REFUND', status: 'BUYER_SHIPPED_ITEM', seller_next_action_response: [{ action: 'SELLER_RESPOND_RECEIVE_PACKAGE', deadline: Math.floor(Date.now() / 1000) + 7200 }] });
		const [[packet]] = await runEvidence({
			items: [{ ...item, json: caseJson }],
			parameters: { operation: 'buildPacket', caseData: caseJson, claimType: 'RETURN_EMPTY_BOX', poolByCase: true, evidence: { shippedWeight: '1.2 lb', returnedWeight: '0.2 lb' }, packetOptions: {} },
		});
		expect(packet.json.verdict).toBe('missing_required_evidence');
		expect(packet.json.images_rejected).toEqual([expect.objectContaining({ fileName: 'opened-box.jpg', reason: expect.stringContaining('not a readable image') })]);
		expect(packet.json.next_step).toContain('opened-box.jpg was not used');
	});
});
