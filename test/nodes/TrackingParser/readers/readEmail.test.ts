import { parseDocument } from '../../../../nodes/TrackingParser/v1/parsing/parseDocument';
import type { ExtractionOptions } from '../../../../nodes/TrackingParser/v1/parsing/types';
import { buildEmail } from '../../../fixtures/3pl/mime';

const OPTIONS: ExtractionOptions = {
	referenceMap: new Map(),
	minConfidence: 0.6,
	outputUnmappedForLookup: false,
	maxBytes: 10 * 1024 * 1024,
};
const ORDER = '576698200072124908';
const TRACKING = '1Z999AA10123456784';

const confirmation = (): Buffer =>
	buildEmail({
		from: 'Lone Star Fulfillment <desk@lonestar-fulfillment.example>',
		to: 'ops@juniperpine.example',
		subject: `Order ${ORDER} shipped`,
		date: 'Tue, 17 Nov 2026 18:05:00 -0600',
		messageId: '<original-1@lonestar-fulfillment.example>',
		text: `Hello,\n\nOrder ${ORDER} shipped today via UPS.\nTracking number: ${TRACKING}\n\nLone Star Fulfillment\n`,
	});

/** The email forwarded as an attachment (message/rfc822), `times` times over. */
function forwarded(times: number): Buffer {
	let message = confirmation();
	for (let level = 1; level <= times; level++) {
		message = buildEmail({
			from: 'Ops <ops@juniperpine.example>',
			to: 'parser@juniperpine.example',
			subject: `Fwd (${level}): shipped`,
			date: 'Wed, 18 Nov 2026 09:00:00 -0600',
			messageId: `<forward-${level}@juniperpine.example>`,
			text: 'See the attached email from the 3PL.\n',
			attachments: [
				{ fileName: `forwarded-${level}.eml`, contentType: 'message/rfc822', data: message },
			],
		});
	}
	return message;
}

describe('Email reader: forwarded emails', () => {
	it('reads a forwarded 3PL email (message/rfc822 attachment) as an email, under its own Message-ID', async () => {
		const { rows, unparsed } = await parseDocument(
			{ data: forwarded(1), fileName: 'forward.eml', mimeType: 'message/rfc822' },
			OPTIONS,
		);
		expect(unparsed).toEqual([]);
		expect(rows).toEqual([
			expect.objectContaining({
				order_id: ORDER,
				tracking_number: TRACKING,
				source: expect.objectContaining({
					message_id: '<original-1@lonestar-fulfillment.example>',
				}),
			}),
		]);
	});

	it('follows three forwards and reports a fourth as nested_too_deep', async () => {
		const three = await parseDocument(
			{ data: forwarded(3), fileName: 'fwd3.eml', mimeType: 'message/rfc822' },
			OPTIONS,
		);
		expect(three.rows.map((row) => row.tracking_number)).toEqual([TRACKING]);
		const four = await parseDocument(
			{ data: forwarded(4), fileName: 'fwd4.eml', mimeType: 'message/rfc822' },
			OPTIONS,
		);
		expect(four.rows).toEqual([]);
		expect(four.unparsed).toEqual([
			expect.objectContaining({
				code: 'nested_too_deep',
				reason: expect.stringMatching(/forwarded more than 3 times/),
			}),
		]);
	});

	it("reports MIME nested thousands of parts deep as nested_too_deep instead of the library's message", async () => {
		let body = `Content-Type: text/plain\r\n\r\nTracking ${TRACKING}\r\n`;
		for (let level = 0; level < 2000; level++)
			body = `Content-Type: multipart/mixed; boundary="b${level}"\r\n\r\n--b${level}\r\n${body}\r\n--b${level}--\r\n`;
		const data = Buffer.from(
			`From: a@3pl.example\r\nSubject: deep\r\nMessage-ID: <deep@3pl.example>\r\nMIME-Version: 1.0\r\n${body}`,
		);
		const { rows, unparsed } = await parseDocument(
			{ data, fileName: 'deep.eml', mimeType: 'message/rfc822' },
			OPTIONS,
		);
		expect(rows).toEqual([]);
		expect(unparsed).toEqual([
			expect.objectContaining({ code: 'nested_too_deep', source: { file_name: 'deep.eml' } }),
		]);
	});
});
