/**
 * The oversell guard: how many units of a SKU to list on TikTok, from the units available elsewhere. The rules
 * run in this order, each on the result of the one before (README, "Inventory Push: rule order"):
 *
 *   1. kill switch          → 0 at once, nothing else runs
 *   2. available            on hand, never below 0
 *   3. lag-aware buffer     minus ceil(sales velocity × sync lag): units that probably sold elsewhere meanwhile
 *   4. safety threshold     at or below N → 0
 *   5. % of available       rounded down
 *   6. maximum listed       at most M
 *   7. TikTok's bounds      at most 99,999 (and never below 0)
 *
 * The buffer comes before the threshold so that a SKU whose expected sales eat its stock falls under the
 * threshold; the percentage and maximum shape only what is left to show.
 */
export const TIKTOK_MAX_QUANTITY = 99_999;

export type RuleName =
	| 'available'
	| 'killSwitch'
	| 'lagBuffer'
	| 'safetyThreshold'
	| 'percentOfAvailable'
	| 'maxListed'
	| 'tiktokMaximum'
	| 'preOrderOriginalInStock'
	| 'preOrderIncoming'
	| 'preOrderNoIncoming';

export type RuleStep = { rule: RuleName; quantity: number; detail: string };

export type Listed = { quantity: number; rule: RuleName; steps: RuleStep[] };

export type ListingRules = {
	/** 1–100; 100 lists everything. */
	percentOfAvailable: number;
	/** Undefined: no maximum. */
	maxListed?: number;
	/** 0: off. */
	safetyThreshold: number;
};

export type StockFacts = {
	onHand: number;
	killSwitch: boolean;
	/** Units held back by the lag-aware buffer (already ceil'ed); 0 when the buffer is off. */
	heldBack: number;
	heldBackDetail?: string;
};

export function listedQuantity(facts: StockFacts, rules: ListingRules): Listed {
	if (facts.killSwitch) {
		return finish([{ rule: 'killSwitch', quantity: 0, detail: 'kill switch is on: list 0' }]);
	}
	const steps: RuleStep[] = [];
	let quantity = Math.max(0, facts.onHand);
	steps.push({
		rule: 'available',
		quantity,
		detail: facts.onHand < 0 ? `on hand ${facts.onHand} counts as 0` : `on hand ${facts.onHand}`,
	});
	if (facts.heldBack > 0) {
		quantity = Math.max(0, quantity - facts.heldBack);
		steps.push({
			rule: 'lagBuffer',
			quantity,
			detail: `hold back ${facts.heldBack}${facts.heldBackDetail ? ` (${facts.heldBackDetail})` : ''}`,
		});
	}
	if (rules.safetyThreshold > 0 && quantity <= rules.safetyThreshold && quantity > 0) {
		steps.push({
			rule: 'safetyThreshold',
			quantity: 0,
			detail: `${quantity} is at or below the safety threshold ${rules.safetyThreshold}`,
		});
		quantity = 0;
	}
	return finish(applyCaps(quantity, rules, steps));
}

/** Percentage, maximum listed and TikTok's own maximum: the last rules, shared with the pre-order SKU. */
export function applyCaps(
	start: number,
	rules: Pick<ListingRules, 'percentOfAvailable' | 'maxListed'>,
	steps: RuleStep[],
): RuleStep[] {
	let quantity = start;
	if (rules.percentOfAvailable < 100) {
		const next = Math.floor((quantity * rules.percentOfAvailable) / 100);
		if (next !== quantity)
			steps.push({
				rule: 'percentOfAvailable',
				quantity: next,
				detail: `${rules.percentOfAvailable}% of ${quantity}, rounded down`,
			});
		quantity = next;
	}
	if (rules.maxListed !== undefined && quantity > rules.maxListed) {
		quantity = rules.maxListed;
		steps.push({ rule: 'maxListed', quantity, detail: `at most ${rules.maxListed}` });
	}
	if (quantity > TIKTOK_MAX_QUANTITY) {
		quantity = TIKTOK_MAX_QUANTITY;
		steps.push({
			rule: 'tiktokMaximum',
			quantity,
			detail: `TikTok accepts at most ${TIKTOK_MAX_QUANTITY}`,
		});
	}
	return steps;
}

/** The rule that set the final figure is the last one that changed it. */
export function finish(steps: RuleStep[]): Listed {
	const last = steps[steps.length - 1];
	return { quantity: last.quantity, rule: last.rule, steps };
}

/**
 * Units to hold back: ceil(velocity × lag), with velocity = units sold in the window ÷ the window. Whole-number
 * arithmetic, so 7 sold in 7 days with a 1-day lag holds back exactly 1.
 */
export function heldBackUnits(soldInWindow: number, windowMs: number, lagMs: number): number {
	if (soldInWindow <= 0 || lagMs <= 0) return 0;
	return Math.ceil((soldInWindow * lagMs) / windowMs);
}
