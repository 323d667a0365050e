import type {
	CaseFacts,
	ClaimType,
	EvidenceImage,
	EvidenceInput,
	WeightCheck,
} from '../interfaces';
import { acceptanceScan, deliveryScan } from './scanEvents';

/** The reject comment box; the TikTok Shop node's Reject operation enforces the same limit. */
export const MAX_COMMENT_LENGTH = 500;

export interface CommentFacts {
	claim: ClaimType;
	facts: CaseFacts;
	input: EvidenceInput;
	images: EvidenceImage[];
	weight: WeightCheck;
}

const when = (time: string | undefined) =>
	time ? time.replace('T', ' ').replace(/:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})?$/, '') : '';
const place = (location: string | undefined) => (location ? ` in ${location}` : '');

function shipmentSentence(input: EvidenceInput): string {
	const accepted = acceptanceScan(input.scanEvents);
	const delivered = deliveryScan(input.scanEvents);
	const parcel = [input.carrier, input.trackingNumber].filter(Boolean).join(' ');
	const parts = [
		parcel ? `Shipped with ${parcel}` : 'Shipped',
		accepted ? `accepted by the carrier ${when(accepted.time)}${place(accepted.location)}` : '',
		delivered ? `delivered ${when(delivered.time)}${place(delivered.location)}` : '',
	].filter(Boolean);
	return `${parts.join(', ')}.`;
}

function photoCount(images: EvidenceImage[], kinds: EvidenceImage['kind'][], noun: string): string {
	const count = images.filter((image) => kinds.includes(image.kind)).length;
	return count ? `${count} ${noun}${count > 1 ? 's' : ''} attached.` : '';
}

function video(input: EvidenceInput): string {
	return input.packingVideoUrl ? `Packing video: ${input.packingVideoUrl}` : '';
}

function weights(weight: WeightCheck): string {
	if (weight.shippedGrams === undefined) return '';
	if (weight.returnedGrams === undefined) return `Shipped weight ${weight.shippedGrams} g.`;
	return `Shipped at ${weight.shippedGrams} g, returned at ${weight.returnedGrams} g (${Math.abs(weight.differencePercent ?? 0)}% ${weight.returnedGrams < weight.shippedGrams ? 'lighter' : 'heavier'}).`;
}

/** One short answer to the buyer's reason, built from the facts in the packet, never longer than TikTok's box. */
export function writeComment(input: CommentFacts): string {
	const { claim, facts, images, weight } = input;
	const summary = 'Evidence summary attached.';
	const sentences: Record<ClaimType, string[]> = {
		ITEM_NOT_RECEIVED: [
			deliveryScan(input.input.scanEvents) ? 'The order was delivered.' : '',
			shipmentSentence(input.input),
			photoCount(images, ['proof_of_delivery'], 'proof-of-delivery photo'),
			summary,
		],
		NOT_AS_DESCRIBED: [
			'The item matched the listing when it shipped.',
			video(input.input),
			weights(weight),
			photoCount(images, ['listing'], 'dated listing image'),
			summary,
		],
		NOT_AS_DESCRIBED_DAMAGED: [
			'The item left intact and well packed.',
			video(input.input),
			weights(weight),
			photoCount(images, ['packing'], 'packing photo'),
			summary,
		],
		NOT_AS_DESCRIBED_WRONG_ITEM: [
			'The item shipped is the one listed.',
			video(input.input),
			weights(weight),
			photoCount(images, ['listing'], 'dated listing image'),
			summary,
		],
		NOT_AS_DESCRIBED_MISSING_PARTS: [
			'All parts were packed.',
			video(input.input),
			weights(weight),
			summary,
		],
		NOT_AS_DESCRIBED_USED: [
			'The item shipped new and sealed.',
			video(input.input),
			photoCount(images, ['packing'], 'packing photo'),
			summary,
		],
		SHIPPING_ADDRESS_ERROR: [
			input.input.shippedToAddress
				? `Shipped to the address given at checkout: ${input.input.shippedToAddress}.`
				: 'Shipped to the address given at checkout.',
			shipmentSentence(input.input),
			summary,
		],
		UNAUTHORIZED_TRANSACTION: [
			'The order was delivered to the account address.',
			shipmentSentence(input.input),
			summary,
		],
		RETURN_NOT_RECEIVED: [
			'The return has not reached our warehouse.',
			facts.returnTrackingNumber
				? `Return tracking ${[facts.returnCarrier, facts.returnTrackingNumber].filter(Boolean).join(' ')}.`
				: '',
			photoCount(images, ['warehouse'], 'receiving record'),
			summary,
		],
		RETURN_WRONG_ITEM: [
			'The item returned is not the item we sent.',
			weights(weight),
			photoCount(images, ['returned_item', 'opened_package'], 'photo'),
			summary,
		],
		RETURN_USED_ITEM: [
			'The item came back used; it shipped new.',
			photoCount(images, ['returned_item', 'opened_package'], 'photo'),
			video(input.input),
			summary,
		],
		RETURN_EMPTY_BOX: [
			'The return arrived without the item.',
			weights(weight),
			photoCount(images, ['opened_package', 'returned_item'], 'photo of the opened box'),
			summary,
		],
		CANCELLATION_ALREADY_PACKED: [
			'The order was already packed and labelled when the cancellation came in.',
			input.input.trackingNumber ? shipmentSentence(input.input) : '',
			summary,
		],
		BUYER_REMORSE: [],
	};
	const notes = input.input.notes?.trim();
	const parts = [...sentences[claim], notes ?? ''].map((part) => part.trim()).filter(Boolean);
	let comment = '';
	for (const part of parts) {
		const next = comment ? `${comment} ${part}` : part;
		if (next.length > MAX_COMMENT_LENGTH) {
			// A sentence that does not fit is cut at a word, never mid-fact at the limit.
			const room = MAX_COMMENT_LENGTH - comment.length - (comment ? 2 : 1);
			const cut = part.slice(0, room).replace(/\s+\S*$/, '');
			if (cut.length > 20) comment = `${comment ? `${comment} ` : ''}${cut}…`;
			break;
		}
		comment = next;
	}
	return comment;
}
