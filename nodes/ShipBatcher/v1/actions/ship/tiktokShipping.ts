import type { TikTokShopClient } from '../../../../TikTokShop/transport';
import type { TikTokAnswer } from '../../helpers/interfaces';

export interface PackageShipment {
	packageId: string;
	trackingNumber: string;
	providerId: string;
}

/** Per package: undefined when shipped, TikTok's answer when it refused that one package. */
export interface BatchShipResult {
	requestId?: string;
	errors: Map<string, TikTokAnswer>;
}

interface PartialError {
	code: number;
	message: string;
	detail?: { package_id?: string | number };
}

/** Batch Ship Packages: one call, partial failures in data.errors while code is 0 (reference §5). */
export async function batchShipPackages(client: TikTokShopClient, shipments: PackageShipment[]): Promise<BatchShipResult> {
	const { data, requestId } = await client.post<{ errors?: PartialError[] }>('/fulfillment/202309/packages/ship', {
		packages: shipments.map((shipment) => ({
			id: shipment.packageId,
			self_shipment: { tracking_number: shipment.trackingNumber, shipping_provider_id: shipment.providerId },
		})),
	});
	const errors = new Map<string, TikTokAnswer>();
	const unattributed: PartialError[] = [];
	for (const error of data?.errors ?? []) {
		const packageId = error.detail?.package_id;
		if (packageId === undefined) unattributed.push(error);
		else errors.set(String(packageId), { code: error.code, message: error.message, requestId });
	}
	// An error TikTok does not tie to a package cannot be told apart from the others: none of them counts as shipped.
	if (unattributed.length) {
		for (const shipment of shipments) {
			if (!errors.has(shipment.packageId)) errors.set(shipment.packageId, { code: unattributed[0].code, message: unattributed[0].message, requestId });
		}
	}
	return { requestId, errors };
}

export interface MarkShippedResult {
	packageId?: string;
	warning?: string;
	requestId?: string;
}

/** Mark Package As Shipped (US and some EU markets): ships line items of an order that has no package id yet. */
export async function markPackageAsShipped(
	client: TikTokShopClient,
	orderId: string,
	shipment: { trackingNumber: string; providerId: string; lineItemIds: string[] },
): Promise<MarkShippedResult> {
	const { data, requestId } = await client.post<{ package_id?: string; warning?: { message?: string } }>(
		`/fulfillment/202309/orders/${encodeURIComponent(orderId)}/packages`,
		{
			tracking_number: shipment.trackingNumber,
			shipping_provider_id: shipment.providerId,
			...(shipment.lineItemIds.length ? { order_line_item_ids: shipment.lineItemIds } : {}),
		},
	);
	return { packageId: data?.package_id ? String(data.package_id) : undefined, warning: data?.warning?.message || undefined, requestId };
}

/** Corrects the tracking number of a shipped seller package; TikTok allows it once, within 72 h of shipping. */
export async function updateShippingInfo(
	client: TikTokShopClient,
	target: { packageId?: string; orderId: string },
	shipment: { trackingNumber: string; providerId: string },
): Promise<string | undefined> {
	const path = target.packageId
		? `/fulfillment/202309/packages/${encodeURIComponent(target.packageId)}/shipping_info/update`
		: `/fulfillment/202309/orders/${encodeURIComponent(target.orderId)}/shipping_info/update`;
	const { requestId } = await client.post(path, { tracking_number: shipment.trackingNumber, shipping_provider_id: shipment.providerId });
	return requestId;
}
