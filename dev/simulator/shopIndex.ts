import type { Cancellation, Order, Package, Product, ReturnOrder, ShopState } from './state';

/**
 * O(1) lookups over the shop's arrays, so a request costs O(its batch) and not O(shop): a 10,000-package benchmark
 * otherwise measures the simulator's scans instead of the client.
 *
 * The arrays stay the only truth. Tests and benches replace, splice and push them and edit records in place, so an
 * index remembers the array it was built from, follows pushes and rebuilds on any other change of the array; a hit
 * is checked against the record itself and a miss falls back to the scan it replaces. The answers are the scans'.
 * What an index cannot see is a key field (id, order_id, tracking_number) edited in place on a record it already
 * holds: the simulator's own routes report those edits here, and reset() drops every index for hand edits.
 */
class Indexed<T> {
	private source: T[] | undefined;
	private length = 0;
	private last: T | undefined;

	/** `add(items, from)` indexes items[from..]; from 0 means start over. */
	constructor(private readonly add: (items: T[], from: number) => void) {}

	/**
	 * Pushes (the common edit, the simulator's own included) are indexed incrementally; anything else rebuilds:
	 * a replaced array, a shorter one, or one whose old last record moved.
	 */
	sync(items: T[]): void {
		if (items === this.source && items.length === this.length) return;
		const appended =
			items === this.source &&
			items.length > this.length &&
			(this.length === 0 || items[this.length - 1] === this.last);
		this.add(items, appended ? this.length : 0);
		this.source = items;
		this.length = items.length;
		this.last = items[items.length - 1];
	}

	forget(): void {
		this.source = undefined;
	}
}

/** First position of each id, as Array.prototype.find would pick. */
class ById<T> {
	private positions = new Map<string, number>();
	readonly index = new Indexed<T>((items, from) => {
		if (from === 0) this.positions = new Map();
		for (let position = from; position < items.length; position++) {
			const id = this.idOf(items[position]);
			if (!this.positions.has(id)) this.positions.set(id, position);
		}
	});

	constructor(private readonly idOf: (item: T) => string) {}

	find(items: T[], id: string): T | undefined {
		this.index.sync(items);
		const position = this.positions.get(id);
		const hit = position === undefined ? undefined : items[position];
		if (hit !== undefined && this.idOf(hit) === id) return hit;
		// Stale (a record replaced or re-keyed in place) or absent: the scan decides, and a stale index is rebuilt.
		const found = items.find((item) => this.idOf(item) === id);
		if (found !== undefined || position !== undefined) {
			this.index.forget();
			this.index.sync(items);
		}
		return found;
	}
}

/** Records grouped by a key, in array order; callers re-check the key and any status on the records themselves. */
class ByKey<T> {
	private groups = new Map<string, T[]>();
	readonly index = new Indexed<T>((items, from) => {
		if (from === 0) this.groups = new Map();
		for (let position = from; position < items.length; position++) this.add(items[position]);
	});

	constructor(private readonly keyOf: (item: T) => string | undefined) {}

	candidates(items: T[], key: string): readonly T[] {
		this.index.sync(items);
		return this.groups.get(key) ?? [];
	}

	/** A record's key changed in place (a tracking number set or corrected). */
	rekeyed(items: T[], item: T, previousKey: string | undefined): void {
		this.index.sync(items);
		if (previousKey !== undefined) {
			const group = this.groups.get(previousKey);
			const at = group?.indexOf(item) ?? -1;
			if (group && at !== -1) group.splice(at, 1);
		}
		const key = this.keyOf(item);
		if (key !== undefined && !this.groups.get(key)?.includes(item)) this.add(item);
	}

	private add(item: T): void {
		const key = this.keyOf(item);
		if (key === undefined) return;
		const group = this.groups.get(key);
		if (group) group.push(item);
		else this.groups.set(key, [item]);
	}
}

export const trackingKey = (value: string | undefined) => (value ? value.toUpperCase() : undefined);

export class ShopIndex {
	readonly orders = new ById<Order>((order) => order.id);
	readonly packages = new ById<Package>((pkg) => pkg.id);
	readonly products = new ById<Product>((product) => product.id);
	readonly packagesByOrder = new ByKey<Package>((pkg) => pkg.order_id);
	readonly packagesByTracking = new ByKey<Package>((pkg) => trackingKey(pkg.tracking_number));
	readonly returnsByOrder = new ByKey<ReturnOrder>((ret) => ret.order_id);
	readonly cancellationsByOrder = new ByKey<Cancellation>((cancellation) => cancellation.order_id);
}

const indexes = new WeakMap<ShopState, ShopIndex>();

export function shopIndex(state: ShopState): ShopIndex {
	let index = indexes.get(state);
	if (!index) {
		index = new ShopIndex();
		indexes.set(state, index);
	}
	return index;
}

/**
 * Drops every index of the shop and builds it again from the arrays as they are now, so that the first lookup
 * after a reset answers as fast as the others.
 */
export function reindexShop(state: ShopState): void {
	indexes.delete(state);
	const index = shopIndex(state);
	index.orders.index.sync(state.orders);
	index.packages.index.sync(state.packages);
	index.products.index.sync(state.products);
	index.packagesByOrder.index.sync(state.packages);
	index.packagesByTracking.index.sync(state.packages);
	index.returnsByOrder.index.sync(state.returns);
	index.cancellationsByOrder.index.sync(state.cancellations);
}

/** The simulator set or changed a package's tracking number (previously `previous`). */
export function trackingChanged(
	state: ShopState,
	pkg: Package,
	previous: string | undefined,
): void {
	shopIndex(state).packagesByTracking.rekeyed(state.packages, pkg, trackingKey(previous));
}
