/** Serialises a value for storage; refuses what JSON would silently drop instead of storing nothing. */
export function toJson(value: unknown): string {
	const json = JSON.stringify(value);
	if (json === undefined) {
		throw new TypeError('the store keeps JSON values: undefined and functions cannot be stored');
	}
	return json;
}
