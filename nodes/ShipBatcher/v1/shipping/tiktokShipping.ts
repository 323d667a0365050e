import { TikTokApiError, type TikTokShopClient } from '../../../shared/tiktok';
import type { TikTokAnswer } from './interfaces';
import { fulfillmentPaths } from '../../../shared/tiktok/resources/paths';

/**
 * Packages per Batch Ship Packages call. TikTok's reference (batch-ship-packages-202309) gives no maximum and no
 * error for too many packages; 50 is its limit elsewhere (order ids per Get Order Detail, page sizes). Until TikTok
 * documents one, the option is capped here and a refused batch is split (batchShipInHalves).
 */
export const MAX_BATCH_SIZE = 50;

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
export async function batchShipPackages(
	client: TikTokShopClient,
	shipments: PackageShipment[],
): Promise<BatchShipResult> {
	const { data, requestId } = await client.request<{ errors?: PartialError[] }>({
		method: 'POST',
		path: fulfillmentPaths.shipPackages,
		body: {
			packages: shipments.map((shipment) => ({
				id: shipment.packageId,
				self_shipment: {
					tracking_number: shipment.trackingNumber,
					shipping_provider_id: shipment.providerId,
				},
			})),
		},
		once: true,
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
			if (!errors.has(shipment.packageId))
				errors.set(shipment.packageId, {
					code: unattributed[0].code,
					message: unattributed[0].message,
					requestId,
				});
		}
	}
	return { requestId, errors };
}

/**
 * TikTok refused the whole call for something in the request, not for one package: an error code that is neither
 * retried by the client (rate limit, 5xx, timeouts) nor a credential or scope problem. Too many packages is one
 * such refusal; TikTok documents no code for it, so every such refusal of a batch of two or more is split.
 */
function isWholeBatchRefusal(error: unknown): error is TikTokApiError {
	if (!(error instanceof TikTokApiError)) return false;
	const status = error.httpStatus ?? 200;
	if (status === 401 || status === 403 || status === 429 || status >= 500) return false;
	return ![
		36009002, 36009003, 36009007, 36009004, 105002, 105005, 106001, 101000, 106013, 36009033, -1,
	].includes(error.code);
}

/**
 * Batch Ship Packages, halving a batch TikTok refuses as a whole until each half is accepted or a single package
 * is refused (that package then gets TikTok's answer). A refusal caused by one bad package costs log2(n) more calls
 * and the rest still ship.
 */
export async function batchShipInHalves(
	client: TikTokShopClient,
	shipments: PackageShipment[],
): Promise<Map<string, TikTokAnswer | { requestId?: string }>> {
	// Any other failure propagates to the collector, which hands it to every package of the batch.
	const refusal = await batchShipPackages(client, shipments).then(
		({ requestId, errors }) =>
			new Map(
				shipments.map((shipment) => [
					shipment.packageId,
					errors.get(shipment.packageId) ?? { requestId },
				]),
			),
		(error: unknown) => {
			if (isWholeBatchRefusal(error)) return error;
			return Promise.reject(error);
		},
	);
	if (refusal instanceof Map) return refusal;
	if (shipments.length === 1) {
		return new Map([
			[
				shipments[0].packageId,
				{ code: refusal.code, message: refusal.tiktokMessage, requestId: refusal.requestId },
			],
		]);
	}
	const middle = Math.ceil(shipments.length / 2);
	const halves = await Promise.all([
		batchShipInHalves(client, shipments.slice(0, middle)),
		batchShipInHalves(client, shipments.slice(middle)),
	]);
	return new Map([...halves[0], ...halves[1]]);
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
	const { data, requestId } = await client.request<{
		package_id?: string;
		warning?: { message?: string };
	}>({
		method: 'POST',
		path: fulfillmentPaths.orderPackages(orderId),
		body: {
			tracking_number: shipment.trackingNumber,
			shipping_provider_id: shipment.providerId,
			...(shipment.lineItemIds.length ? { order_line_item_ids: shipment.lineItemIds } : {}),
		},
		once: true,
	});
	return {
		packageId: data?.package_id ? String(data.package_id) : undefined,
		warning: data?.warning?.message || undefined,
		requestId,
	};
}

/** Corrects the tracking number of a shipped seller package; TikTok allows it once, within 72 h of shipping. */
export async function updateShippingInfo(
	client: TikTokShopClient,
	target: { packageId?: string; orderId: string },
	shipment: { trackingNumber: string; providerId: string },
): Promise<string | undefined> {
	const path = target.packageId
		? fulfillmentPaths.packageShippingInfo(target.packageId)
		: fulfillmentPaths.orderShippingInfo(target.orderId);
	const { requestId } = await client.request({
		method: 'POST',
		path,
		body: { tracking_number: shipment.trackingNumber, shipping_provider_id: shipment.providerId },
		once: true,
	});
	return requestId;
}

/** The tracking number TikTok holds for a package (Get Package Detail); empty when it is not shipped. */
export async function trackingOfPackage(
	client: TikTokShopClient,
	packageId: string,
): Promise<string> {
	const { data } = await client.get<{ tracking_number?: string }>(
		fulfillmentPaths.package(packageId),
	);
	return data?.tracking_number ?? '';
}
