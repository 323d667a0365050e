import type { ReturnOrder } from './state';

export interface RejectReason {
	name: string;
	text: string;
}

/**
 * TikTok does not publish its reject reasons; GET reject_reasons answers per case (reference §7). These follow its
 * snake_case style. Names already used by clients and tests stay as they are. Exactly one reason mentions
 * "delivered", so an "item not received" answer has one obvious match.
 */
const REASON = {
	agreedToKeep: {
		name: 'reverse_reject_request_reason_1',
		text: 'Buyer and seller agreed to keep the order',
	},
	notOriginalCondition: {
		name: 'reverse_reject_request_reason_2',
		text: 'The returned item is not in its original condition',
	},
	afterWindow: {
		name: 'reverse_reject_request_reason_3',
		text: 'The return request was submitted after the return window',
	},
	wrongAddress: {
		name: 'seller_reject_apply_buyer_wrong_address',
		text: 'Buyer provided an incorrect shipping address',
	},
	delivered: {
		name: 'seller_reject_apply_package_delivered',
		text: 'Package successfully delivered to correct address (tracking shows delivered)',
	},
	asDescribed: {
		name: 'seller_reject_apply_item_as_described',
		text: 'Item is correct and as described in the listing',
	},
	shippedComplete: {
		name: 'seller_reject_apply_item_complete',
		text: 'Package was shipped complete with all items and parts',
	},
	damagedByBuyer: {
		name: 'seller_reject_apply_buyer_damaged_item',
		text: 'Item was damaged by the buyer after receipt',
	},
	notReturnable: {
		name: 'seller_reject_apply_non_returnable_item',
		text: 'Item is not eligible for return (personalized or hygiene product)',
	},
	returnNotReceived: {
		name: 'seller_reject_receive_package_not_received',
		text: 'Returned package was not received',
	},
	returnWrongItem: {
		name: 'seller_reject_receive_package_wrong_item',
		text: 'Returned product is not what was sent',
	},
	returnUsed: {
		name: 'seller_reject_receive_package_used',
		text: 'Returned product is damaged or used',
	},
	returnEmpty: { name: 'seller_reject_receive_package_empty', text: 'Returned package is empty' },
	packed: {
		name: 'seller_reject_apply_product_has_been_packed',
		text: 'The item has already been packed and cannot be cancelled',
	},
	shipped: {
		name: 'seller_reject_apply_product_has_been_shipped',
		text: 'The package has already been handed to the carrier',
	},
} satisfies Record<string, RejectReason>;

/** Every reason the simulator offers for some case. */
export const ALL_REJECT_REASONS: RejectReason[] = Object.values(REASON);

/** The buyer says the parcel never arrived (lost, not delivered): only then can the seller answer "it was delivered". */
function buyerSaysNotReceived(ret: ReturnOrder): boolean {
	return /not_received|not_delivered|package_lost/.test(ret.return_reason);
}

/** The buyer's request (answered with REJECT_REFUND / REJECT_RETURN / REJECT_REPLACEMENT), open or already decided. */
function requestReasons(ret: ReturnOrder): RejectReason[] {
	if (ret.return_type === 'REFUND' && buyerSaysNotReceived(ret))
		return [REASON.wrongAddress, REASON.delivered, REASON.agreedToKeep, REASON.afterWindow];
	const common = [
		REASON.agreedToKeep,
		REASON.afterWindow,
		REASON.asDescribed,
		REASON.shippedComplete,
		REASON.damagedByBuyer,
	];
	return ret.return_type === 'RETURN_AND_REFUND' ? [...common, REASON.notReturnable] : common;
}

/** The returned parcel (answered with REJECT_RECEIVED_PACKAGE). */
const RECEIVED_PACKAGE_REASONS = [
	REASON.returnNotReceived,
	REASON.returnWrongItem,
	REASON.returnUsed,
	REASON.returnEmpty,
	REASON.notOriginalCondition,
];

/** Once the seller accepted the return, the only decision left is about the parcel that comes back. */
const PARCEL_STAGE: ReadonlyArray<ReturnOrder['return_status']> = [
	'AWAITING_BUYER_SHIP',
	'BUYER_SHIPPED_ITEM',
	'REJECT_RECEIVE_PACKAGE',
];

export function returnRejectReasons(ret: ReturnOrder): RejectReason[] {
	const parcelStage =
		PARCEL_STAGE.includes(ret.return_status) ||
		(ret.return_type !== 'REFUND' &&
			ret.return_status === 'RETURN_OR_REFUND_REQUEST_COMPLETE' &&
			ret.return_tracking_number !== undefined);
	return parcelStage ? RECEIVED_PACKAGE_REASONS : requestReasons(ret);
}

/** A buyer cancels before shipment; the seller can only refuse because the parcel is already on its way. */
export const CANCELLATION_REJECT_REASONS: RejectReason[] = [
	REASON.packed,
	REASON.shipped,
	REASON.agreedToKeep,
];
