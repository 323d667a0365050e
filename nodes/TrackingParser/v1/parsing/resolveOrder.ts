import type { OrderMention } from './orderMentions';
import type { ExtractionOptions, OrderIdFrom, UnparsedEntry } from './types';

export type ResolvedOrder =
	| { ok: true; orderId: string; from: OrderIdFrom; reference?: string }
	| { ok: false; unparsed: Omit<UnparsedEntry, 'source'> };

/** Turns what the document says about the order into a TikTok order ID, or says why it cannot. */
export function resolveOrder(
	mention: OrderMention | undefined,
	options: ExtractionOptions,
): ResolvedOrder {
	const reference = mention?.references[0];
	if (mention?.orderId)
		return {
			ok: true,
			orderId: mention.orderId,
			from: 'document',
			...(reference ? { reference } : {}),
		};
	for (const candidate of mention?.references ?? []) {
		const mapped = options.referenceMap.get(candidate.toUpperCase());
		if (mapped) return { ok: true, orderId: mapped, from: 'mapping', reference: candidate };
	}
	if (options.fallbackOrderId)
		return {
			ok: true,
			orderId: options.fallbackOrderId,
			from: 'field',
			...(reference ? { reference } : {}),
		};
	if (reference && options.outputUnmappedForLookup)
		return { ok: true, orderId: '', from: 'lookup_needed', reference };
	return {
		ok: false,
		unparsed: {
			code: 'order_reference_not_mapped',
			reason: reference
				? `The 3PL calls this order "${reference}", which is not in the node's Order Reference Mapping. Add it there, or turn on "Output Unmapped References" and look the order up before the Ship Batcher.`
				: 'No order was named for this tracking number.',
			...(reference ? { order_reference: reference } : {}),
		},
	};
}
