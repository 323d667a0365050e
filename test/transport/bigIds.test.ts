import nock from 'nock';

import { parseJsonKeepingBigIds } from '../../nodes/shared/tiktok/json';
import { API, makeClient, setupNock } from './helpers';

describe('parseJsonKeepingBigIds', () => {
	it('returns a bare 18-digit id as its exact string', () => {
		expect(parseJsonKeepingBigIds('{"id":576684019603311365}')).toEqual({
			id: '576684019603311365',
		});
		// what plain JSON.parse would have done
		expect(String(JSON.parse('{"id":576684019603311365}').id)).not.toBe('576684019603311365');
	});

	it('keeps 64-bit ids in nested objects and arrays, negative ones too', () => {
		expect(
			parseJsonKeepingBigIds(
				'{"data":{"ids":[576684019603311365,9223372036854775807],"x":{"package_id":-1152921504606846977}}}',
			),
		).toEqual({
			data: {
				ids: ['576684019603311365', '9223372036854775807'],
				x: { package_id: '-1152921504606846977' },
			},
		});
	});

	it('finds a long id after any separator and whitespace, and parses replies without one exactly as JSON.parse', () => {
		expect(parseJsonKeepingBigIds('[\n  9223372036854775807 ]')).toEqual(['9223372036854775807']);
		expect(parseJsonKeepingBigIds('{"a": 1,\t"b":\r\n-9223372036854775807}')).toEqual({
			a: 1,
			b: '-9223372036854775807',
		});
		const plain =
			'{"code":0,"data":{"orders":[{"id":"576684019603311365","total":"19.99","n":3}]},"request_id":"r"}';
		expect(parseJsonKeepingBigIds(plain)).toEqual(JSON.parse(plain));
	});

	it('leaves safe integers, decimals, exponents and strings alone', () => {
		expect(
			parseJsonKeepingBigIds(
				'{"code":0,"t":1664095733,"max":9007199254740991,"price":"19.99","f":1.5,"e":1e21,"s":"576684019603311365"}',
			),
		).toEqual({
			code: 0,
			t: 1664095733,
			max: 9007199254740991,
			price: '19.99',
			f: 1.5,
			e: 1e21,
			s: '576684019603311365',
		});
	});
});

describe('the client and 64-bit ids', () => {
	setupNock();

	it('hands back a bare 64-bit id from a response as the exact string', async () => {
		nock(API)
			.get('/order/202309/orders')
			.query(true)
			.reply(
				200,
				'{"code":0,"message":"Success","request_id":"r1","data":{"orders":[{"id":576684019603311365,"line_items":[{"sku_id":1729592969712207008}]}]}}',
			);
		const { client } = makeClient();

		const { data } = await client.get<{
			orders: Array<{ id: string; line_items: Array<{ sku_id: string }> }>;
		}>('/order/202309/orders', {
			ids: ['576684019603311365'],
		});

		expect(data.orders[0].id).toBe('576684019603311365');
		expect(data.orders[0].line_items[0].sku_id).toBe('1729592969712207008');
	});
});
