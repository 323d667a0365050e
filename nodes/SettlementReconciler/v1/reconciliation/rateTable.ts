import { percentToBasisPoints } from './money';

export const DEFAULT_APPAREL_KEYWORDS =
	'apparel, clothing, womenswear, menswear, kidswear, underwear, fashion';

export interface RateRule {
	matchBy: 'sku' | 'category';
	value: string;
	ratePercent: number;
}

export interface RateSettings {
	nonApparelPercent: number;
	apparelPercent: number;
	/** Category words that mean apparel, e.g. "apparel, clothing, womenswear". */
	apparelKeywords: string[];
	rules: RateRule[];
}

/**
 * The commission rate of a row: a SKU rule first, then a category rule, then the apparel or non-apparel default.
 * Resolved once per distinct category/SKU, since a report repeats the same few thousand values a million times.
 */
export class RateTable {
	private readonly bySku = new Map<string, number>();
	private readonly byCategory = new Map<string, number>();
	private readonly categoryCache = new Map<string, number>();
	private readonly nonApparel: number;
	private readonly apparel: number;
	private readonly keywords: string[];

	constructor(readonly settings: RateSettings) {
		this.nonApparel = percentToBasisPoints(settings.nonApparelPercent);
		this.apparel = percentToBasisPoints(settings.apparelPercent);
		this.keywords = settings.apparelKeywords
			.map((keyword) => keyword.trim().toLowerCase())
			.filter(Boolean);
		for (const rule of settings.rules) {
			const key = rule.value.trim().toLowerCase();
			if (!key) continue;
			(rule.matchBy === 'sku' ? this.bySku : this.byCategory).set(
				key,
				percentToBasisPoints(rule.ratePercent),
			);
		}
	}

	/** Whether a row's SKU can change its rate (the reader then skips the SKU cell otherwise). */
	get hasSkuRules(): boolean {
		return this.bySku.size > 0;
	}

	get defaultBasisPoints(): number {
		return this.nonApparel;
	}

	/** A SKU rule may name the seller's SKU or TikTok's SKU ID; either matches. */
	basisPointsFor(category: string, sku: string, skuId = ''): number {
		if (this.bySku.size) {
			for (const value of [sku, skuId]) {
				const rate = value ? this.bySku.get(value.trim().toLowerCase()) : undefined;
				if (rate !== undefined) return rate;
			}
		}
		if (!category) return this.nonApparel;
		let rate = this.categoryCache.get(category);
		if (rate === undefined) {
			const key = category.trim().toLowerCase();
			rate =
				this.byCategory.get(key) ??
				(this.keywords.some((keyword) => key.includes(keyword)) ? this.apparel : this.nonApparel);
			// Copied so the cache key does not pin a parsed CSV chunk.
			this.categoryCache.set(Buffer.from(category, 'utf8').toString('utf8'), rate);
		}
		return rate;
	}

	describe(): string {
		const rules = this.settings.rules.map(
			(rule) =>
				`${rule.matchBy === 'sku' ? 'SKU' : 'category'} "${rule.value}" ${rule.ratePercent}%`,
		);
		return [
			`${this.settings.nonApparelPercent}% non-apparel`,
			`${this.settings.apparelPercent}% apparel`,
			...rules,
		].join(', ');
	}
}
