/** Counts of one extractor over a corpus, compared with the ground truth. */
export class PrecisionRecall {
	truePositives = 0;
	falsePositives = 0;
	falseNegatives = 0;

	add(found: Iterable<string>, expected: Iterable<string>): void {
		const want = new Set(expected);
		const got = new Set(found);
		for (const value of got) {
			if (want.has(value)) this.truePositives++;
			else this.falsePositives++;
		}
		for (const value of want) if (!got.has(value)) this.falseNegatives++;
	}

	get precision(): number {
		const output = this.truePositives + this.falsePositives;
		return output === 0 ? 1 : this.truePositives / output;
	}

	get recall(): number {
		const expected = this.truePositives + this.falseNegatives;
		return expected === 0 ? 1 : this.truePositives / expected;
	}
}
