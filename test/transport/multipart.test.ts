import nock from 'nock';

import { buildMultipart } from '../../nodes/shared/tiktok/multipart';
import { API, APP_SECRET, makeClient, ok, record, referenceSign, setupNock } from './helpers';

const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0xff, 0x10, 0x80]);

describe('buildMultipart', () => {
	it('builds a form with the fields first and the file part last, bytes intact', () => {
		const { body, contentType } = buildMultipart(
			{ fieldName: 'data', fileName: 'label "1".png', contentType: 'image/png', data: PNG },
			{ use_case: 'MAIN_IMAGE' },
		);
		const boundary = /^multipart\/form-data; boundary=(.+)$/.exec(contentType)?.[1];
		expect(boundary).toMatch(/^----tiktokshopops[0-9a-f]{24}$/);

		const head = Buffer.from(
			`--${boundary}\r\nContent-Disposition: form-data; name="use_case"\r\n\r\nMAIN_IMAGE\r\n` +
				`--${boundary}\r\nContent-Disposition: form-data; name="data"; filename="label 1.png"\r\nContent-Type: image/png\r\n\r\n`,
		);
		const tail = Buffer.from(`\r\n--${boundary}--\r\n`);
		expect(body.equals(Buffer.concat([head, PNG, tail]))).toBe(true);
	});

	it('uses a new boundary each time', () => {
		const file = { fieldName: 'data', fileName: 'a.png', contentType: 'image/png', data: PNG };
		expect(buildMultipart(file).contentType).not.toBe(buildMultipart(file).contentType);
	});
});

describe('multipart uploads through the client', () => {
	setupNock();

	it('sends the form, signs without the body and leaves shop_cipher out of images/upload', async () => {
		const scope = nock(API)
			.post('/product/202309/images/upload')
			.query(true)
			.reply(200, ok({ uri: 'tos-maliva-i-o3syd03w52-us/abc', url: 'https://p16/abc' }));
		const seen = record(scope);
		const { client } = makeClient();

		const result = await client.request<{ uri: string }>({
			method: 'POST',
			path: '/product/202309/images/upload',
			multipart: {
				file: { fieldName: 'data', fileName: 'main.png', contentType: 'image/png', data: PNG },
				fields: { use_case: 'MAIN_IMAGE' },
			},
		});

		expect(result.data.uri).toBe('tos-maliva-i-o3syd03w52-us/abc');
		const [request] = seen;
		const contentType = request.headers['content-type'];
		expect(contentType).toMatch(/^multipart\/form-data; boundary=/);
		const boundary = contentType.split('boundary=')[1];
		// nock hands over non-UTF-8 bodies as hex
		const raw = Buffer.from(request.body, 'hex');
		expect(raw.includes(PNG)).toBe(true);
		expect(raw.toString('latin1')).toContain(
			`--${boundary}\r\nContent-Disposition: form-data; name="data"; filename="main.png"`,
		);
		expect(raw.toString('latin1')).toContain('name="use_case"\r\n\r\nMAIN_IMAGE');
		expect(request.query).not.toHaveProperty('shop_cipher');
		expect(request.query.sign).toBe(referenceSign(APP_SECRET, request.path, request.query));
	});
});
