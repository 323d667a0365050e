import { TikTokApiError, type TikTokShopClient } from '../../../shared/tiktok';
import type { TikTokAnswer } from './interfaces';
import { fulfillment, refusalOf, type ItemError } from '../../../shared/tiktok/resources';

/** Packages per Batch Ship Packages call: the fulfillment resource's cap (TikTok documents none). */
export const MAX_BATCH_SIZE = fulfillment.SHIP_PACKAGES_PER_CALL;

export type PackageShipment = fulfillment.PackageShipment;

/** Per package: undefined when shipped, TikTok's answer when it refused that one package. */
export interface BatchShipResult {
	requestId?: string;
	errors: Map<string, TikTokAnswer>;
}

/**
 * Batch Ship Packages: one call, partial failures in data.errors while code is 0 (reference §5). An error TikTok
 * does not tie to a package cannot be told apart from the others: none of them counts as shipped.
 */
export async function batchShipPackages(
	client: TikTokShopClient,
	shipments: PackageShipment[],
): Promise<BatchShipResult> {
	const result = await fulfillment.shipPackages(client, shipments);
	const answer = (error: ItemError): TikTokAnswer => ({
		code: error.code,
		message: error.message,
		requestId: error.requestId,
	});
	const errors = new Map([...result.refused].map(([id, error]) => [id, answer(error)]));
	for (const shipment of shipments) {
		const error = refusalOf(result, shipment.packageId);
		if (error) errors.set(shipment.packageId, answer(error));
	}
	return { requestId: result.requestId, errors };
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

export {
	markPackageAsShipped,
	updateShippingInfo,
	type MarkShippedResult,
} from '../../../shared/tiktok/resources/fulfillment';

/** The tracking number TikTok holds for a package (Get Package Detail); empty when it is not shipped. */
export async function trackingOfPackage(
	client: TikTokShopClient,
	packageId: string,
): Promise<string> {
	const data = await fulfillment.getPackage(client, packageId);
	return data?.tracking_number ?? '';
}
