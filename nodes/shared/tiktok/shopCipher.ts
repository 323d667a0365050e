/**
 * TikTok rejects `shop_cipher` (36009004, "Unexpected identifier") on these paths and needs it everywhere else
 * (106013 when missing). Reference §1, after the ECOMPHP client's rules.
 */
const PATHS_WITHOUT_CIPHER: RegExp[] = [
	/^\/authorization\//,
	/^\/seller\//,
	/^\/product\/\d+\/(compliance|global_products|files\/upload|images\/upload)(\/|$)/,
];

export function pathTakesShopCipher(method: string, path: string): boolean {
	if (method.toUpperCase() === 'POST' && /^\/product\/\d+\/brands$/.test(path)) return false;
	return !PATHS_WITHOUT_CIPHER.some((pattern) => pattern.test(path));
}

/**
 * The API a path belongs to, for rate limiting: `/product/202309/products/{id}/inventory/update` is one API
 * whatever the product. The category and version segments are kept as they are.
 */
export function apiOfPath(path: string): string {
	const [empty, category, version, ...rest] = path.split('/');
	const generic = rest.map((segment) =>
		/^\d+$/.test(segment) || (segment.length >= 10 && /\d/.test(segment)) ? '{id}' : segment,
	);
	return [empty, category, version, ...generic].join('/');
}
