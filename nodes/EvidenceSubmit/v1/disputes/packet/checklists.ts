import type { ClaimType, EvidencePiece } from '../interfaces';

export interface ChecklistEntry {
	piece: EvidencePiece;
	required: boolean;
	why: string;
}

export const PIECE_LABELS: Record<EvidencePiece, string> = {
	tracking_number: 'Outbound tracking number',
	acceptance_scan: 'Carrier acceptance scan',
	delivery_scan: 'Delivery scan',
	proof_of_delivery_photo: 'Proof-of-delivery photo',
	shipped_to_address: 'Address shipped to',
	listing_images: 'Listing images with capture dates',
	packing_video: 'Packing video link (Google Drive or Vimeo)',
	packed_photo: 'Photo of the packed, labelled parcel',
	shipped_weight: 'Weight at shipment',
	returned_weight: 'Weight at return receipt',
	weight_mismatch: 'Weight mismatch over the threshold',
	opened_package_photos: 'Photos of the opened return package',
	returned_item_photos: 'Photos of the returned item',
	return_tracking_events: 'Return tracking history',
	warehouse_record: 'Warehouse receiving record',
};

const need = (piece: EvidencePiece, why: string): ChecklistEntry => ({
	piece,
	required: true,
	why,
});
const helps = (piece: EvidencePiece, why: string): ChecklistEntry => ({
	piece,
	required: false,
	why,
});

const INAD_BASE = (what: string): ChecklistEntry[] => [
	need(
		'listing_images',
		`Shows what the listing promised, dated before the order, against the buyer's "${what}" claim.`,
	),
	need(
		'packing_video',
		`Shows the item leaving your warehouse complete and intact; TikTok's agents open Google Drive and Vimeo links.`,
	),
	helps(
		'shipped_weight',
		'The weight at shipment backs up the video: the parcel left with the full item inside.',
	),
];

/**
 * What to gather per claim, after TikTok Shop US's "After-Sales Evidence Guide for Appeals and Disputes"
 * (Seller University, knowledge_id 7042659022210829) and the rules. Required pieces decide the verdict;
 * the others strengthen the case.
 */
export const CHECKLISTS: Record<ClaimType, ChecklistEntry[]> = {
	ITEM_NOT_RECEIVED: [
		need('tracking_number', 'Ties the parcel to this order.'),
		need(
			'acceptance_scan',
			'Proves the carrier took the parcel. A "shipped" mark or a printed label without a carrier scan is not evidence.',
		),
		need(
			'delivery_scan',
			"Proves the carrier delivered it; TikTok rules for the seller on a delivery scan to the buyer's address.",
		),
		helps(
			'proof_of_delivery_photo',
			'A carrier photo at the door answers "I never got it" better than any scan.',
		),
	],
	NOT_AS_DESCRIBED: INAD_BASE('not as described'),
	NOT_AS_DESCRIBED_DAMAGED: [
		...INAD_BASE('damaged'),
		helps('packed_photo', 'Shows the protective packing the item left in.'),
	],
	NOT_AS_DESCRIBED_WRONG_ITEM: [
		...INAD_BASE('wrong item'),
		helps('packed_photo', 'Shows the right item and its label going into the parcel.'),
	],
	NOT_AS_DESCRIBED_MISSING_PARTS: [
		need('packing_video', 'Shows every part going into the parcel.'),
		need('shipped_weight', 'A parcel that left at full weight had all its parts.'),
		helps('listing_images', 'Shows which parts the listing includes.'),
	],
	NOT_AS_DESCRIBED_USED: [
		...INAD_BASE('used'),
		helps('packed_photo', 'Shows the item sealed and new when packed.'),
	],
	SHIPPING_ADDRESS_ERROR: [
		need(
			'shipped_to_address',
			'The address the buyer entered at checkout, which the parcel went to.',
		),
		need('acceptance_scan', 'Proves the parcel was handed to the carrier for that address.'),
		need('delivery_scan', 'Proves delivery to the address the buyer entered.'),
		helps('proof_of_delivery_photo', 'Shows the door it was delivered to.'),
	],
	UNAUTHORIZED_TRANSACTION: [
		need('shipped_to_address', "The account's own delivery address."),
		need('delivery_scan', 'Proves the goods reached that address.'),
		helps('proof_of_delivery_photo', 'Shows the delivery.'),
		helps('tracking_number', 'Ties the delivery to this order.'),
	],
	RETURN_NOT_RECEIVED: [
		need(
			'return_tracking_events',
			'Shows where the return parcel is: not delivered, or delivered elsewhere, or more than 10 days since drop-off.',
		),
		helps('warehouse_record', 'Your receiving log for the day the carrier says it delivered.'),
	],
	RETURN_WRONG_ITEM: [
		need('returned_item_photos', 'Shows what came back, with the return label visible.'),
		need('listing_images', 'Shows what you sold, to compare.'),
		helps(
			'shipped_weight',
			'Compared with the returned weight it shows a different item came back.',
		),
		helps('returned_weight', 'Compared with the shipped weight.'),
		helps('packing_video', 'Shows the right item leaving.'),
	],
	RETURN_USED_ITEM: [
		need('returned_item_photos', 'Shows wear, missing tags or damage on what came back.'),
		need('packing_video', 'Shows the item left new.'),
		helps('listing_images', 'Shows its condition as sold.'),
	],
	RETURN_EMPTY_BOX: [
		need('shipped_weight', 'What the parcel weighed with the item inside.'),
		need('returned_weight', 'What the return weighed on arrival.'),
		need('weight_mismatch', 'An empty or swapped box weighs far less than what you shipped.'),
		need(
			'opened_package_photos',
			'Shows the box opened, empty or with the wrong content, label visible.',
		),
		helps('packing_video', 'Shows the item leaving in that box.'),
	],
	CANCELLATION_ALREADY_PACKED: [
		need('packed_photo', 'Shows the order packed and labelled before the buyer asked to cancel.'),
		helps('acceptance_scan', 'If the carrier has already scanned it, the order cannot be stopped.'),
		helps('tracking_number', 'Ties the parcel to this order.'),
	],
	BUYER_REMORSE: [],
};
