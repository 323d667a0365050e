/** mulberry32: tiny, fast and good enough for deterministic fixtures; Math.random would make seeds meaningless. */
export class SeededRandom {
	private state: number;

	constructor(seed: number) {
		this.state = seed >>> 0 || 0x9e3779b9;
	}

	next(): number {
		this.state = (this.state + 0x6d2b79f5) >>> 0;
		let t = this.state;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	}

	/** Inclusive on both ends. */
	int(min: number, max: number): number {
		return min + Math.floor(this.next() * (max - min + 1));
	}

	pick<T>(items: readonly T[]): T {
		return items[Math.floor(this.next() * items.length)];
	}

	chance(probability: number): boolean {
		return this.next() < probability;
	}

	digits(count: number): string {
		let text = String(this.int(1, 9));
		while (text.length < count) text += String(this.int(0, 9));
		return text;
	}

	chars(count: number, alphabet: string): string {
		let text = '';
		for (let i = 0; i < count; i++) text += alphabet[Math.floor(this.next() * alphabet.length)];
		return text;
	}
}

/**
 * TikTok ids are 64-bit decimal strings (576684019603311365): 18–19 digits, always beyond 2^53, so a client that
 * parses them as numbers visibly corrupts them.
 */
export class IdFactory {
	private readonly used = new Set<string>();

	constructor(private readonly random: SeededRandom) {}

	next(prefix: string, length = 19): string {
		for (;;) {
			const id = prefix + this.random.digits(length - prefix.length);
			if (!this.used.has(id)) {
				this.used.add(id);
				return id;
			}
		}
	}
}
