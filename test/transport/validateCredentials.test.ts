import { TikTokShopClient, validateCredentials } from '../../nodes/shared/tiktok/client';
import { CredentialFieldError } from '../../nodes/shared/tiktok/errors';
import type { TikTokShopCredentials } from '../../nodes/shared/tiktok/types';
import { ACCESS_TOKEN, APP_SECRET, credentials } from './helpers';

function fieldOf(overrides: Record<string, unknown>): string {
	try {
		validateCredentials({ ...credentials(), ...overrides } as Partial<TikTokShopCredentials>);
	} catch (error) {
		expect(error).toBeInstanceOf(CredentialFieldError);
		const { field, message } = error as CredentialFieldError;
		expect(message).toContain(`"${field}"`);
		expect(message).not.toContain(APP_SECRET);
		expect(message).not.toContain(ACCESS_TOKEN);
		return field;
	}
	throw new Error(`expected ${JSON.stringify(overrides)} to be rejected`);
}

describe('validateCredentials', () => {
	it.each(['appKey', 'appSecret', 'accessToken', 'baseUrl', 'authBaseUrl'])(
		'names %s when it is missing or blank',
		(field) => {
			expect(fieldOf({ [field]: undefined })).toBe(field);
			expect(fieldOf({ [field]: '' })).toBe(field);
			expect(fieldOf({ [field]: '   ' })).toBe(field);
			expect(fieldOf({ [field]: 42 })).toBe(field);
		},
	);

	it.each([
		['baseUrl', 'open-api.tiktokglobalshop.com'],
		['baseUrl', 'ftp://open-api.tiktokglobalshop.com'],
		['baseUrl', 'https://'],
		['baseUrl', 'https://open api.tiktokglobalshop.com'],
		['authBaseUrl', 'auth.tiktok-shops.com/api'],
	])('names %s when it is not a URL (%s)', (field, value) => {
		expect(fieldOf({ [field]: value })).toBe(field);
	});

	it.each([-1, Number.NaN, Number.POSITIVE_INFINITY, 'next week', 1767225600000])(
		'names accessTokenExpiresAt when it is %p',
		(value) => {
			expect(fieldOf({ accessTokenExpiresAt: value })).toBe('accessTokenExpiresAt');
		},
	);

	it('accepts 0, undefined and null as an unknown expiry', () => {
		for (const accessTokenExpiresAt of [0, undefined, null]) {
			expect(() =>
				validateCredentials({
					...credentials(),
					accessTokenExpiresAt,
				} as Partial<TikTokShopCredentials>),
			).not.toThrow();
		}
	});

	it('names the field that contains spaces', () => {
		expect(fieldOf({ appKey: '6d3k1c9p 0qlfa' })).toBe('appKey');
		expect(fieldOf({ accessToken: 'ROW_atok 4b1d9e7c2a6f8035' })).toBe('accessToken');
	});

	it('trims values and drops trailing slashes from the URLs', () => {
		const valid = validateCredentials({
			...credentials(),
			appKey: ' key ',
			appSecret: '\tsecret\n',
			accessToken: ' token ',
			baseUrl: ' https://open-api.tiktokglobalshop.com/ ',
			authBaseUrl: 'http://localhost:8787//',
		});
		expect(valid).toMatchObject({
			appKey: 'key',
			appSecret: 'secret',
			accessToken: 'token',
			baseUrl: 'https://open-api.tiktokglobalshop.com',
			authBaseUrl: 'http://localhost:8787',
		});
	});

	it('is applied by the client constructor', () => {
		expect(
			() =>
				new TikTokShopClient(
					{ ...credentials(), appSecret: '' },
					{ http: async () => ({ status: 200, body: '' }) },
				),
		).toThrow(CredentialFieldError);
	});
});
