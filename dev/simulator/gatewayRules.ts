/**
 * Which calls TikTok's gateway accepts a `shop_cipher` on, and what it counts as one API for rate limiting, as the
 * reference describes them (§1 "Required on every call", §9). The simulator keeps its own copy rather than the
 * pack's, so that the pack and its stand-in for TikTok can disagree when the pack is wrong.
 */

/** TikTok refuses `shop_cipher` here (36009004 "Unexpected identifier"), after the ECOMPHP client's rules. */
const PATHS_REFUSING_CIPHER: RegExp[] = [
	/^\/authorization\//,
	/^\/seller\//,
	/^\/product\/\d+\/(compliance|global_products|files\/upload|images\/upload)(\/|$)/,
];

/** True when the call is shop-scoped and needs `shop_cipher` (106013 when missing). */
export function callTakesShopCipher(method: string, path: string): boolean {
	if (method.toUpperCase() === 'POST' && /^\/product\/\d+\/brands$/.test(path)) return false;
	return !PATHS_REFUSING_CIPHER.some((pattern) => pattern.test(path));
}

/**
 * The API a call counts against: `/product/202309/products/{id}/inventory/update` is one API whatever the product.
 * Category and version stay; a segment that is all digits, or 10+ characters with a digit in it, is an id.
 */
export function rateLimitedApiOf(path: string): string {
	const [leading, category, version, ...rest] = path.split('/');
	const generic = rest.map((segment) =>
		/^\d+$/.test(segment) || (segment.length >= 10 && /\d/.test(segment)) ? '{id}' : segment,
	);
	return [leading, category, version, ...generic].join('/');
}
