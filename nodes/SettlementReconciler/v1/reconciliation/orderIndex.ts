import { Uint32Column } from './blockColumns';

/**
 * Order id → dense index. TikTok order ids are 18-digit numbers; held as strings in a Map they cost ~100 bytes per
 * order (and a substring of the CSV chunk can pin the whole chunk in memory). Up to 18 digits they are split into two
 * 9-digit halves and kept in an open-addressing table of typed arrays; any other id falls back to a Map.
 */
const EMPTY = -1;
/** A reservation never takes more than this many slots (64 MB); a larger table is reached by growing as ids arrive. */
const MAX_RESERVED_SLOTS = 1 << 24;

export class OrderIndex {
	private capacity = 1 << 16;
	/** Slots hold only the dense index; the id halves are compared through the columns, so a slot costs 4 bytes. */
	private slotIndex = new Int32Array(this.capacity).fill(EMPTY);
	private numericCount = 0;
	private readonly high = new Uint32Column();
	private readonly low = new Uint32Column();
	private readonly other = new Map<string, number>();
	private readonly otherIds = new Map<number, string>();
	private count = 0;
	private partHigh = 0;
	private partLow = 0;

	get size(): number {
		return this.count;
	}

	/**
	 * Sizes the table for `expected` ids up front. Each growth re-inserts every id at a random slot; for a million ids
	 * that is 1.5 million scattered writes and, for a moment, the old and the new table side by side.
	 */
	reserve(expected: number): void {
		let capacity = this.capacity;
		while (capacity * 3 < expected * 4 && capacity < MAX_RESERVED_SLOTS) capacity *= 2;
		if (capacity > this.capacity) this.rehash(capacity);
	}

	/** The index of `id`, or -1 when unseen. */
	find(id: string): number {
		if (!this.split(id)) return this.other.get(id) ?? EMPTY;
		return this.slotIndex[this.probe(this.partHigh, this.partLow)];
	}

	/** The index of `id`, creating it when unseen. */
	findOrAdd(id: string): number {
		if (!this.split(id)) {
			let index = this.other.get(id);
			if (index === undefined) {
				index = this.count++;
				// A fresh copy, so the key does not keep the parsed CSV chunk alive.
				const copy = Buffer.from(id, 'utf8').toString('utf8');
				this.other.set(copy, index);
				this.otherIds.set(index, copy);
			}
			return index;
		}
		const high = this.partHigh;
		const low = this.partLow;
		const slot = this.probe(high, low);
		const existing = this.slotIndex[slot];
		if (existing !== EMPTY) return existing;
		const index = this.count++;
		this.slotIndex[slot] = index;
		this.high.set(index, high);
		this.low.set(index, low);
		if (++this.numericCount * 4 > this.capacity * 3) this.rehash(this.capacity * 2);
		return index;
	}

	idAt(index: number): string {
		const other = this.otherIds.get(index);
		if (other !== undefined) return other;
		const high = this.high.get(index);
		const low = this.low.get(index);
		return high === 0 ? String(low) : `${high}${String(low).padStart(9, '0')}`;
	}

	/** Decimal ids of 1–18 digits without a leading zero: the high part is 0 exactly when the id has ≤ 9 digits. */
	private split(id: string): boolean {
		const length = id.length;
		if (length === 0 || length > 18 || (length > 1 && id.charCodeAt(0) === 48)) return false;
		const cut = length - 9;
		let high = 0;
		let low = 0;
		for (let position = 0; position < length; position++) {
			const digit = id.charCodeAt(position) - 48;
			if (digit < 0 || digit > 9) return false;
			if (position < cut) high = high * 10 + digit;
			else low = low * 10 + digit;
		}
		this.partHigh = high;
		this.partLow = low;
		return true;
	}

	private probe(high: number, low: number): number {
		const mask = this.capacity - 1;
		const slots = this.slotIndex;
		let slot = slotOf(high, low, mask);
		for (
			let index = slots[slot];
			index !== EMPTY && (this.low.get(index) !== low || this.high.get(index) !== high);
			index = slots[slot]
		) {
			slot = (slot + 1) & mask;
		}
		return slot;
	}

	/**
	 * Re-inserts in index order: the id halves are then read sequentially rather than at random, and since every id is
	 * already unique, a new slot is the first free one (no comparisons).
	 */
	private rehash(capacity: number): void {
		this.capacity = capacity;
		const slots = new Int32Array(this.capacity).fill(EMPTY);
		const mask = this.capacity - 1;
		const mixed = this.otherIds.size > 0;
		for (let index = 0; index < this.count; index++) {
			if (mixed && this.otherIds.has(index)) continue;
			let slot = slotOf(this.high.get(index), this.low.get(index), mask);
			while (slots[slot] !== EMPTY) slot = (slot + 1) & mask;
			slots[slot] = index;
		}
		this.slotIndex = slots;
	}
}

/** murmur3's finaliser: every input bit reaches the low bits the mask keeps. */
function slotOf(high: number, low: number, mask: number): number {
	let hash = low ^ Math.imul(high, 0x27d4eb2d);
	hash = Math.imul(hash ^ (hash >>> 16), 0x85ebca6b);
	hash = Math.imul(hash ^ (hash >>> 13), 0xc2b2ae35);
	return (hash ^ (hash >>> 16)) & mask;
}
