/** A search filter as TikTok gets it: fields left undefined are left out, the others keep their order. */
export function definedOnly<T extends object>(filter: T): Partial<T> {
	return Object.fromEntries(
		Object.entries(filter).filter(([, value]) => value !== undefined),
	) as Partial<T>;
}
