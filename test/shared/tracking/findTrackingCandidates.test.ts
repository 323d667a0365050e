import { findTrackingCandidates } from '../../../nodes/shared/tracking';

/** A 3PL "shipment confirmed" email as the Tracking Parser receives it, with the usual noise. */
const SHIPMENT_EMAIL = `From: ops@example-3pl.com
Subject: Shipped: TikTok order 576684019603311365 (PO# 794612345670)

Hi team,

3 parcels for order 576684019603311365 left our Ontario, CA warehouse on 2024-05-06 14:30.

  Parcel 1 - USPS Ground Advantage: 9400 1112 0108 0805 4830 16
  Parcel 2 - UPS Ground: 1Z 999 AA1 01 2345 678 4
  Parcel 3 - Amazon Shipping: TBA 502887274000, 2 items

Ship-from ZIP 91761-1234. Questions? Call (909) 555-0148 or 909-555-0148, fax 9095550149.
Invoice 1234567890123 is attached.
`;

describe('findTrackingCandidates in a 3PL email', () => {
	const found = findTrackingCandidates(SHIPMENT_EMAIL);

	it('finds the three tracking numbers, grouped as printed, and nothing else', () => {
		expect(found.map((candidate) => candidate.normalized)).toEqual([
			'9400111201080805483016',
			'1Z999AA10123456784',
			'TBA502887274000',
		]);
		expect(found.map((candidate) => candidate.check.carrier)).toEqual(['usps', 'ups', 'amazon']);
	});

	it('reports where each number is in the text, as written', () => {
		for (const candidate of found) {
			expect(SHIPMENT_EMAIL.slice(candidate.index, candidate.index + candidate.length)).toBe(
				candidate.value,
			);
		}
		expect(found[1].value).toBe('1Z 999 AA1 01 2345 678 4');
	});

	it('is confident about all three', () => {
		expect(
			found.every(
				(candidate) => candidate.confidence === 'high' && !candidate.ambiguousWithOrderId,
			),
		).toBe(true);
	});
});

describe('look-alikes in free text', () => {
	it('does not pick a FedEx-valid 12 digits out of a longer order ID', () => {
		// 794612345670 passes FedEx's check on its own; inside a longer run of digits it is not a number.
		expect(findTrackingCandidates('order 57668401960794612345670 shipped')).toEqual([]);
	});

	it('does not glue an order ID to the quantity next to it', () => {
		// 576684019603311365 followed by " 12" could otherwise read as a 20-digit USPS number.
		for (const quantity of ['1', '12', '123']) {
			expect(findTrackingCandidates(`576684019603311365 ${quantity} pcs`)).toEqual([]);
		}
	});

	it.each([
		['a phone with dashes', 'call 212-555-1234 today'],
		['a phone with dots', 'call 212.555.1234 today'],
		['a phone with spaces', 'call 212 555 1234 today'],
		['a phone with country code', 'call +1 212 555 1234 today'],
		['a phone with area code in brackets', 'call (212) 555-1234 today'],
		['a labelled phone', 'Phone: 2125551234'],
		['a labelled PO', 'PO# 794612345670'],
		['a labelled order number', 'Order No. 794612345670'],
		['a labelled UPC', 'UPC 794612345670'],
		['ZIP+4 codes', 'Ontario, CA 91761-1234'],
		['dates', 'shipped 2024-05-06, delivered 05/08/2024'],
	])('ignores %s', (_what, text) => {
		// 2125551234 and 794612345670 both pass a check digit on their own.
		expect(findTrackingCandidates(text)).toEqual([]);
	});

	it('keeps a bare 10-digit number that passes DHL’s check, but with low confidence', () => {
		// One phone number in seven passes DHL Express's mod-7 check; without a label we cannot tell.
		const [candidate] = findTrackingCandidates('ref 2 / 2125551234');
		expect(candidate).toMatchObject({
			normalized: '2125551234',
			confidence: 'low',
			ambiguousWithOrderId: false,
		});
		expect(candidate.check.carrier).toBe('dhl');
	});

	it('marks an 18-digit number that passes a check digit as possibly an order ID', () => {
		// No TikTok order ID we have seen passes (see checkTrackingNumber.test.ts), but a FedEx SSCC-18
		// has the same length, so the parser is told to double-check it.
		const [candidate] = findTrackingCandidates('pallet 00 0123 4500 0000 0027 received');
		expect(candidate).toMatchObject({
			normalized: '000123450000000027',
			confidence: 'low',
			ambiguousWithOrderId: true,
		});
		expect(candidate.check.carrier).toBe('fedex');
	});

	it('skips a placeholder of zeros', () => {
		expect(findTrackingCandidates('tracking: 000000000000')).toEqual([]);
	});

	it('skips numbers with a wrong check digit', () => {
		expect(
			findTrackingCandidates('UPS 1Z999AA10123456785 and USPS 9400111899223197428490'),
		).toEqual([]);
	});
});

describe('numbers written in several parts', () => {
	it.each([
		['9400 1000 0000 0000 0000 06', '9400100000000000000006'],
		['94001 11202 55584 2332669', '9400111202555842332669'],
		['7112-3456-7891-2345-6787', '71123456789123456787'],
		['GFUS 0101 1884 2144 64', 'GFUS01011884214464'],
		['1LS7119013618127-1', '1LS71190136181271'],
		['RB 123 456 785 US', 'RB123456785US'],
	])('reads %j as %s', (written, normalized) => {
		const [candidate] = findTrackingCandidates(`Tracking: ${written}.`);
		expect(candidate).toMatchObject({ value: written, normalized });
	});

	it('does not join numbers across a line break or a comma', () => {
		expect(
			findTrackingCandidates('986578788855\n477179081230, 799531274483').map((c) => c.normalized),
		).toEqual(['986578788855', '477179081230', '799531274483']);
	});

	it('reports each occurrence of a repeated number', () => {
		const text = '9400111202555842332669 (copy: 9400 1112 0255 5842 3326 69)';
		expect(findTrackingCandidates(text).map((c) => c.index)).toEqual([0, 30]);
	});

	it('finds numbers in a tracking URL', () => {
		const [candidate] = findTrackingCandidates(
			'https://www.ups.com/track?tracknum=1Z999AA10123456784&loc=en_US',
		);
		expect(candidate.normalized).toBe('1Z999AA10123456784');
	});

	it('returns nothing for text without numbers', () => {
		expect(findTrackingCandidates('')).toEqual([]);
		expect(findTrackingCandidates('Your parcel is on its way.')).toEqual([]);
	});
});
