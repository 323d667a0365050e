import type { IDataObject } from 'n8n-workflow';

import type { TrackingCheck } from '../../../shared/tracking';
import type { AttentionReason } from './attentionReasons';

/** One input item, read through the field names the user mapped (the input contract). */
export interface ShipmentRequest {
	itemIndex: number;
	orderId?: string;
	packageId?: string;
	/** Empty: the whole order (or the whole package). */
	lineItemIds: string[];
	trackingInput: string;
	/** Upper case without spaces or dashes: the form compared, stored and uploaded. */
	trackingNumber: string;
	carrierText: string;
	/** Unix seconds, when the 3PL said when it shipped. */
	shippedAt?: number;
	input: IDataObject;
}

/** What TikTok said when it answered an item with an error. */
export interface TikTokAnswer {
	code: number;
	message: string;
	requestId?: string;
}

/** How far the order is from TikTok's late-shipment line; undefined fields when the order is unknown. */
export interface LateShipmentStatus {
	ship_by?: string;
	ship_by_source?: string;
	hours_left?: number;
	close_to_late_line: boolean;
	past_late_line: boolean;
}

export type ShipMethod =
	'batch_ship_packages' | 'mark_package_as_shipped' | 'already_shipped' | 'shipping_info_update';

export interface ShippedOutcome {
	kind: 'shipped';
	method: ShipMethod;
	packageId?: string;
	orderId?: string;
	providerId?: string;
	providerName?: string;
	requestId?: string;
	warning?: string;
	previousTrackingNumber?: string;
}

export interface AttentionOutcome {
	kind: 'attention';
	reason: AttentionReason;
	message: string;
	tiktok?: TikTokAnswer;
}

export type Outcome = ShippedOutcome | AttentionOutcome;

/** A checked request, with everything learned about it on the way. */
export interface ShipmentState {
	request: ShipmentRequest;
	check?: TrackingCheck;
	order?: TikTokOrder;
	late?: LateShipmentStatus;
	provider?: ShippingProvider;
	outcome?: Outcome;
}

export interface ShippingProvider {
	id: string;
	name: string;
}

export interface TikTokLineItem {
	id: string;
	package_id?: string;
	tracking_number?: string;
	shipping_provider_id?: string;
	display_status?: string;
	cancel_reason?: string;
}

/** The fields of Get Order Detail (202309) this node reads. */
export interface TikTokOrder {
	id: string;
	status: string;
	is_on_hold_order?: boolean;
	shipping_type?: string;
	delivery_option_id?: string;
	paid_time?: number;
	rts_sla_time?: number;
	shipping_due_time?: number;
	tracking_number?: string;
	packages?: Array<{ id: string }>;
	line_items?: TikTokLineItem[];
	recipient_address?: { region_code?: string };
}
