/**
 * Spreads a SKU's listed quantity over its TikTok warehouses. The result always has an entry for every assigned
 * warehouse (TikTok refuses an update that leaves one out, 12019028).
 *
 * - Default warehouse: everything at one warehouse, 0 at the others. A SKU with a single warehouse needs no
 *   choice; with several, the configured default must be one of them, otherwise we do not guess.
 * - By source location: each source location maps to a TikTok warehouse; the listed quantity is shared in
 *   proportion to the stock each warehouse holds (largest remainder, so the parts add up exactly), and no
 *   warehouse lists more than it holds.
 */
export type SplitResult =
	{ ok: true; quantities: Map<string, number> } | { ok: false; reason: string; message: string };

export function splitToDefaultWarehouse(
	listed: number,
	assigned: string[],
	defaultWarehouseId: string | undefined,
): SplitResult {
	if (assigned.length === 0) {
		return {
			ok: false,
			reason: 'noWarehouse',
			message: 'TikTok lists no warehouse for this SKU; assign one in Seller Center',
		};
	}
	const target = assigned.length === 1 ? assigned[0] : defaultWarehouseId;
	if (!target) {
		return {
			ok: false,
			reason: 'noDefaultWarehouse',
			message: `The SKU is stocked in ${assigned.length} TikTok warehouses (${assigned.join(', ')}); set "Default Warehouse ID" to one of them, or map source locations to warehouses`,
		};
	}
	if (!assigned.includes(target)) {
		return {
			ok: false,
			reason: 'defaultWarehouseNotAssigned',
			message: `Default warehouse ${target} is not assigned to this SKU on TikTok (assigned: ${assigned.join(', ')}); assign it in Seller Center or map source locations`,
		};
	}
	return { ok: true, quantities: new Map(assigned.map((id) => [id, id === target ? listed : 0])) };
}

export function splitByStock(
	listed: number,
	assigned: string[],
	stockByWarehouse: Map<string, number>,
): SplitResult {
	if (assigned.length === 0) {
		return {
			ok: false,
			reason: 'noWarehouse',
			message: 'TikTok lists no warehouse for this SKU; assign one in Seller Center',
		};
	}
	const stock = assigned.map((id) => Math.max(0, stockByWarehouse.get(id) ?? 0));
	const total = stock.reduce((sum, units) => sum + units, 0);
	const share = Math.min(listed, total);
	const parts = stock.map((units) => (total === 0 ? 0 : Math.floor((share * units) / total)));
	let left = share - parts.reduce((sum, units) => sum + units, 0);
	// Largest remainder first; ties go to the warehouse listed first, so the split is the same every run.
	const order = stock
		.map((units, index) => ({ index, remainder: total === 0 ? 0 : (share * units) % total }))
		.sort((a, b) => b.remainder - a.remainder || a.index - b.index);
	for (const { index } of order) {
		if (left === 0) break;
		if (parts[index] < stock[index]) {
			parts[index] += 1;
			left -= 1;
		}
	}
	return { ok: true, quantities: new Map(assigned.map((id, index) => [id, parts[index]])) };
}
