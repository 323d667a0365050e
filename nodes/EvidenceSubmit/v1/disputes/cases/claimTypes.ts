import type { CaseFacts, ClaimType } from '../interfaces';

export const CLAIM_LABELS: Record<ClaimType, string> = {
	ITEM_NOT_RECEIVED: 'Item not received',
	NOT_AS_DESCRIBED: 'Not as described',
	NOT_AS_DESCRIBED_DAMAGED: 'Not as described: damaged',
	NOT_AS_DESCRIBED_WRONG_ITEM: 'Not as described: wrong item',
	NOT_AS_DESCRIBED_MISSING_PARTS: 'Not as described: missing parts',
	NOT_AS_DESCRIBED_USED: 'Not as described: used',
	SHIPPING_ADDRESS_ERROR: 'Shipping address error',
	UNAUTHORIZED_TRANSACTION: 'Unauthorized transaction',
	RETURN_NOT_RECEIVED: 'Returned item not received',
	RETURN_WRONG_ITEM: 'Wrong item returned',
	RETURN_USED_ITEM: 'Used item returned',
	RETURN_EMPTY_BOX: 'Empty box returned',
	CANCELLATION_ALREADY_PACKED: 'Cancellation after packing',
	BUYER_REMORSE: 'Change of mind',
};

export const CLAIM_TYPES = Object.keys(CLAIM_LABELS) as ClaimType[];

/**
 * TikTok's buyer reason codes (`ecom_order_delivered_refund_and_return_reason_damaged`, …) and texts, read by their
 * words. Order matters: "missing item" must win over "not received", "wrong address" over "wrong item".
 */
const REASON_PATTERNS: Array<[RegExp, ClaimType]> = [
	[/unauthori[sz]ed|fraud|did not (place|make)|not my order/, 'UNAUTHORIZED_TRANSACTION'],
	[/address/, 'SHIPPING_ADDRESS_ERROR'],
	[
		/missing[ _-]?(item|part|accessor)|incomplete|parts? missing|package missing items/,
		'NOT_AS_DESCRIBED_MISSING_PARTS',
	],
	[
		/not[ _-]?(received|delivered|arrived)|never arrived|lost|package missing|didn.?t receive/,
		'ITEM_NOT_RECEIVED',
	],
	[/damag|defect|broken|crack|leak|not working|doesn.?t work/, 'NOT_AS_DESCRIBED_DAMAGED'],
	[
		/wrong[ _-]?(item|product|colou?r|model)|different|counterfeit|fake/,
		'NOT_AS_DESCRIBED_WRONG_ITEM',
	],
	[/used|worn|second[ _-]?hand|not new|opened/, 'NOT_AS_DESCRIBED_USED'],
	[/not[ _-]?as[ _-]?described|description|quality/, 'NOT_AS_DESCRIBED'],
	[
		/no longer need|changed? (my )?mind|wrong[ _-]?size|size|fit|better price|ordered by mistake|mistake|dislike|don.?t (want|like)/,
		'BUYER_REMORSE',
	],
];

/**
 * The claim a case is about. Cases where TikTok waits for the seller to confirm a returned package are about what
 * came back, not what the buyer said: they default to "returned item not received" until the user says otherwise.
 */
export function claimTypeOf(facts: CaseFacts): ClaimType {
	if (facts.caseType === 'cancellation') return 'CANCELLATION_ALREADY_PACKED';
	if (facts.sellerActions.some((action) => action.action === 'SELLER_RESPOND_RECEIVE_PACKAGE'))
		return 'RETURN_NOT_RECEIVED';
	const words = `${facts.reason ?? ''} ${facts.reasonText ?? ''}`.toLowerCase().replace(/_/g, ' ');
	for (const [pattern, claim] of REASON_PATTERNS) if (pattern.test(words)) return claim;
	return facts.caseType === 'chargeback' ? 'UNAUTHORIZED_TRANSACTION' : 'NOT_AS_DESCRIBED';
}

export function isClaimType(value: unknown): value is ClaimType {
	return typeof value === 'string' && (CLAIM_TYPES as string[]).includes(value);
}
