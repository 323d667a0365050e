/**
 * Per-order numbers live in fixed-size typed blocks rather than one object per order: a million orders then cost
 * tens of bytes each, and growing never copies (no doubling spike in peak memory).
 */
const BLOCK_BITS = 16;
const BLOCK_SIZE = 1 << BLOCK_BITS;
const BLOCK_MASK = BLOCK_SIZE - 1;

type TypedArray = Float64Array | Int32Array | Uint32Array | Uint8Array;

abstract class Blocks<T extends TypedArray> {
	protected readonly blocks: T[] = [];

	protected abstract create(): T;

	protected block(index: number): T {
		const blockIndex = index >>> BLOCK_BITS;
		while (this.blocks.length <= blockIndex) this.blocks.push(this.create());
		return this.blocks[blockIndex];
	}

	get(index: number): number {
		const block = this.blocks[index >>> BLOCK_BITS];
		return block === undefined ? 0 : block[index & BLOCK_MASK];
	}

	set(index: number, value: number): void {
		this.block(index)[index & BLOCK_MASK] = value;
	}

	add(index: number, value: number): void {
		this.block(index)[index & BLOCK_MASK] += value;
	}
}

const INT32_MIN = -2147483648;
const INT32_MAX = 2147483647;

/**
 * Integer cents. Held in 32-bit blocks (±$21 million per order covers every real order at half the memory); the first
 * sum that leaves that range switches the whole column to doubles, which are exact for every safe integer.
 */
export class CentsColumn {
	private blocks: Array<Int32Array | Float64Array> = [];
	private wide = false;

	get(index: number): number {
		const block = this.blocks[index >>> BLOCK_BITS];
		return block === undefined ? 0 : block[index & BLOCK_MASK];
	}

	add(index: number, value: number): void {
		// A column that only ever receives zeros (no transaction fees, no refunds) then costs no memory at all.
		if (value === 0) return;
		const blockIndex = index >>> BLOCK_BITS;
		while (this.blocks.length <= blockIndex)
			this.blocks.push(this.wide ? new Float64Array(BLOCK_SIZE) : new Int32Array(BLOCK_SIZE));
		const block = this.blocks[blockIndex];
		const sum = block[index & BLOCK_MASK] + value;
		if (!this.wide && (sum < INT32_MIN || sum > INT32_MAX)) {
			this.widen();
			this.blocks[blockIndex][index & BLOCK_MASK] = sum;
			return;
		}
		block[index & BLOCK_MASK] = sum;
	}

	private widen(): void {
		this.blocks = this.blocks.map((block) => Float64Array.from(block));
		this.wide = true;
	}
}

export class Int32Column extends Blocks<Int32Array> {
	protected create(): Int32Array {
		return new Int32Array(BLOCK_SIZE);
	}
}

export class Uint32Column extends Blocks<Uint32Array> {
	protected create(): Uint32Array {
		return new Uint32Array(BLOCK_SIZE);
	}
}

export class FlagColumn extends Blocks<Uint8Array> {
	protected create(): Uint8Array {
		return new Uint8Array(BLOCK_SIZE);
	}

	has(index: number, flag: number): boolean {
		return (this.get(index) & flag) !== 0;
	}

	raise(index: number, flag: number): void {
		const block = this.block(index);
		block[index & BLOCK_MASK] |= flag;
	}
}
