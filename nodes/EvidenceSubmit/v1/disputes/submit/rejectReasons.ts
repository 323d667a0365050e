import type { TikTokShopClient } from '../../../../shared/tiktok';
import type { ClaimType } from '../interfaces';
import { returns } from '../../../../shared/tiktok/resources';

export type RejectReason = returns.RejectReason;

export async function fetchRejectReasons(
	client: TikTokShopClient,
	caseId: string,
): Promise<RejectReason[]> {
	return await returns.getRejectReasons(client, caseId);
}

/**
 * Words of TikTok's reject reasons (their codes and texts, e.g. "Package successfully delivered to correct address",
 * "Returned product is not what was sent", "Product has been packed") that answer each claim, best first.
 */
const MATCHES: Record<ClaimType, RegExp[]> = {
	ITEM_NOT_RECEIVED: [/delivered/, /delivery/],
	NOT_AS_DESCRIBED: [/item is correct|as described|matches/, /original condition/],
	NOT_AS_DESCRIBED_DAMAGED: [/item is correct|functions well|as described/, /damaged/],
	NOT_AS_DESCRIBED_WRONG_ITEM: [/item is correct|as described|matches/],
	NOT_AS_DESCRIBED_MISSING_PARTS: [/missing|parts|complete/, /item is correct/],
	NOT_AS_DESCRIBED_USED: [/item is correct|as described/, /original condition/],
	SHIPPING_ADDRESS_ERROR: [/address/],
	UNAUTHORIZED_TRANSACTION: [/delivered/],
	RETURN_NOT_RECEIVED: [/not receive|did not receive|not received|not arrived/],
	RETURN_WRONG_ITEM: [/not what was sent|different|wrong/, /original condition/],
	RETURN_USED_ITEM: [/damaged or used|\bused\b/, /original condition/],
	RETURN_EMPTY_BOX: [/empty/, /not what was sent|missing/, /original condition/],
	CANCELLATION_ALREADY_PACKED: [/packed/, /shipped|on schedule|handed to the carrier/],
	BUYER_REMORSE: [],
};

export function matchRejectReason(
	claim: ClaimType,
	reasons: RejectReason[],
): RejectReason | undefined {
	for (const pattern of MATCHES[claim]) {
		const match = reasons.find((reason) =>
			pattern.test(`${reason.name} ${reason.text}`.toLowerCase().replace(/_/g, ' ')),
		);
		if (match) return match;
	}
	return undefined;
}
