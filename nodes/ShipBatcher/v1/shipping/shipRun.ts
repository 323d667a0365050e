import { TikTokApiError, isAmbiguousFailure, type TikTokShopClient } from '../../../shared/tiktok';
import { attention, tiktokRejection } from './attentionReasons';
import type {
	ShipmentState,
	ShippedOutcome,
	ShippingProvider,
	TikTokAnswer,
	TikTokOrder,
} from './interfaces';
import { ALREADY_SHIPPED_CODES, alreadyShippedOutcome } from './alreadyShipped';
import { mapCarrier, providerMismatch, type CarrierMappingSettings } from './carrierMapping';
import { isFatal, stoppedBy, unavailable } from './failures';
import { lateShipmentStatus } from './lateShipment';
import { ORDER_IDS_PER_CALL, fetchOrders, orderOfPackage } from './orderDetails';
import { lineItemsOf, orderReadiness } from './orderReadiness';
import { checkTracking, flagConflictsInBatch } from './preflight';
import type { ShipAnswer, ShipCollector } from './shipCollector';
import { ShippingProviderCache } from './shippingProviders';
import { markPackageAsShipped, trackingOfPackage, updateShippingInfo } from './tiktokShipping';
import type { TrackingHistory } from './trackingHistory';

export interface ShipSettings {
	mapping: CarrierMappingSettings;
	closeToLineHours: number;
	updateTracking: boolean;
	history?: TrackingHistory;
	/** Keeps shops apart in process-wide caches. */
	shopKey: string;
	nowSeconds(): number;
}

function chunk<T>(list: T[], size: number): T[][] {
	const chunks: T[][] = [];
	for (let start = 0; start < list.length; start += size)
		chunks.push(list.slice(start, start + size));
	return chunks;
}

function answerOf(error: unknown): TikTokAnswer | undefined {
	return error instanceof TikTokApiError
		? { code: error.code, message: error.tiktokMessage, requestId: error.requestId }
		: undefined;
}

/**
 * One execution's shipments, from preflight to TikTok's answer. Orders are fetched 50 at a time and each group
 * ships as soon as its orders are known, so order lookups and shipping calls (separate APIs, separate rate
 * budgets) run side by side, and every call waits its turn in the client's token bucket.
 */
export class ShipRun {
	/** Set by the first failure no item can get past; later calls are not sent. */
	fatal?: unknown;
	private readonly providers: ShippingProviderCache;
	private readonly packageShipments = new Map<string, Promise<ShipAnswer>>();
	/** Mark Package As Shipped calls of one order go one after the other: TikTok splits the order on each. */
	private readonly orderQueues = new Map<string, Promise<unknown>>();
	private readonly recheck: Array<{ state: ShipmentState; answer: TikTokAnswer }> = [];

	constructor(
		private readonly client: TikTokShopClient,
		private readonly collector: ShipCollector,
		private readonly settings: ShipSettings,
	) {
		this.providers = new ShippingProviderCache(client, settings.shopKey);
	}

	async ship(states: ShipmentState[]): Promise<void> {
		await this.resolvePackageOrders(states);
		flagConflictsInBatch(states);
		await this.settings.history?.flagReused(states);
		const byOrder = new Map<string, ShipmentState[]>();
		for (const state of states) {
			if (state.outcome) continue;
			const orderId = state.request.orderId as string;
			byOrder.set(orderId, [...(byOrder.get(orderId) ?? []), state]);
		}
		const groups = chunk([...byOrder.keys()], ORDER_IDS_PER_CALL);
		let groupsStillQueuing = groups.length;
		// The last, partial batch may leave only once every group has queued its packages.
		const queued = () => {
			groupsStillQueuing -= 1;
			if (groupsStillQueuing === 0) this.collector.close();
		};
		if (groups.length === 0) this.collector.close();
		await Promise.all(groups.map((ids) => this.shipOrders(ids, byOrder, queued)));
		await this.resolveRechecks();
		if (this.settings.history) {
			await this.settings.history.remember(
				states.filter((state) => state.outcome?.kind === 'shipped'),
				this.settings.nowSeconds(),
			);
		}
		for (const state of states)
			if (!state.outcome)
				state.outcome = stoppedBy(this.fatal ?? new Error('no answer was recorded'));
	}

	private guard(state: ShipmentState, error: unknown): void {
		if (isFatal(error)) {
			this.fatal ??= error;
			state.outcome = stoppedBy(error);
		} else {
			state.outcome = unavailable(error);
		}
	}

	/** Items that name only a package: Get Package Detail says which order it belongs to. */
	private async resolvePackageOrders(states: ShipmentState[]): Promise<void> {
		const lookups = new Map<string, Promise<string | undefined>>();
		await Promise.all(
			states
				.filter((state) => !state.outcome && !state.request.orderId && state.request.packageId)
				.map(async (state) => {
					const packageId = state.request.packageId as string;
					if (!lookups.has(packageId))
						lookups.set(packageId, orderOfPackage(this.client, packageId));
					try {
						state.request.orderId = await (lookups.get(packageId) as Promise<string | undefined>);
						if (!state.request.orderId) {
							state.outcome = attention(
								'order_not_found',
								`TikTok shows no order for package ${packageId}. Check the package ID.`,
							);
						}
					} catch (error) {
						if (error instanceof TikTokApiError && !isFatal(error) && !isRetryExhausted(error)) {
							state.outcome = attention(
								'order_not_found',
								`TikTok has no package ${packageId} in this shop (${error.tiktokMessage}). Check the package ID.`,
								answerOf(error),
							);
						} else this.guard(state, error);
					}
				}),
		);
	}

	private async shipOrders(
		ids: string[],
		byOrder: Map<string, ShipmentState[]>,
		queued: () => void,
	): Promise<void> {
		const states = ids.flatMap((id) => byOrder.get(id) ?? []);
		let orders: Map<string, TikTokOrder> | undefined;
		try {
			if (this.fatal) throw this.fatal;
			orders = await fetchOrders(this.client, ids);
		} catch (error) {
			for (const state of states) this.guard(state, error);
		}
		let answers: Array<Promise<void> | undefined> = [];
		try {
			const found = orders ?? new Map<string, TikTokOrder>();
			const sends = orders
				? await Promise.all(
						states.map((state) => this.prepare(state, found.get(state.request.orderId as string))),
					)
				: [];
			answers = sends.map((send) => send?.());
		} finally {
			// Even if preparing failed, the other groups' last batch must not wait for this one forever.
			queued();
		}
		await Promise.all(answers);
	}

	/** Everything short of shipping; resolves the call to make, if any, so the group can queue them together. */
	private async prepare(
		state: ShipmentState,
		order: TikTokOrder | undefined,
	): Promise<(() => Promise<void>) | undefined> {
		state.order = order;
		state.late = lateShipmentStatus(
			order,
			this.settings.nowSeconds(),
			this.settings.closeToLineHours,
		);
		checkTracking(state);
		if (state.outcome) return undefined;
		const readiness = orderReadiness(order, state.request);
		if (!readiness.ready && 'outcome' in readiness) {
			state.outcome = readiness.outcome;
			return undefined;
		}
		const provider = await this.provider(state, order as TikTokOrder);
		if (!provider) return undefined;
		if (!readiness.ready)
			return () => this.settleAlreadyShipped(state, readiness.shippedWith, readiness.packageId);
		if (state.request.packageId) return () => this.shipPackage(state, provider);
		return () => this.markShipped(state, provider);
	}

	private async provider(
		state: ShipmentState,
		order: TikTokOrder,
	): Promise<ShippingProvider | undefined> {
		const optionId = order.delivery_option_id;
		if (!optionId) {
			state.outcome = attention(
				'carrier_not_offered',
				`Order ${order.id} has no delivery option, so TikTok lists no shipping providers for it. Ship it in Seller Center.`,
			);
			return undefined;
		}
		try {
			const list = await this.providers.forOption(String(optionId));
			if ('fulfilledByTikTok' in list) {
				state.outcome = attention(
					'order_shipped_by_tiktok',
					`Order ${order.id} ships on a TikTok Shipping label, so TikTok supplies the tracking number. Arrange the handover in Seller Center instead of uploading one.`,
				);
				return undefined;
			}
			const mapped = mapCarrier(state.request.carrierText, list.providers, this.settings.mapping);
			if ('kind' in mapped) {
				state.outcome = mapped;
				return undefined;
			}
			const mismatch = providerMismatch(mapped, state.check);
			if (mismatch) {
				state.outcome = mismatch;
				return undefined;
			}
			state.provider = mapped;
			return mapped;
		} catch (error) {
			this.guard(state, error);
			return undefined;
		}
	}

	private async shipPackage(state: ShipmentState, provider: ShippingProvider): Promise<void> {
		const { packageId, trackingNumber } = state.request as {
			packageId: string;
			trackingNumber: string;
		};
		if (this.fatal) return;
		let shipping = this.packageShipments.get(packageId);
		if (!shipping) {
			shipping = this.collector.add({ packageId, trackingNumber, providerId: provider.id });
			this.packageShipments.set(packageId, shipping);
		}
		const answer = await shipping;
		if ('failed' in answer && isAmbiguous(answer.failed)) {
			await this.readBack(state, answer.failed, {
				kind: 'shipped',
				method: 'batch_ship_packages',
				orderId: state.request.orderId,
				packageId,
				providerId: provider.id,
				providerName: provider.name,
			});
		} else if ('failed' in answer) this.callFailed(state, answer.failed);
		else if (answer.shipped) {
			state.outcome = {
				kind: 'shipped',
				method: 'batch_ship_packages',
				orderId: state.request.orderId,
				packageId,
				providerId: provider.id,
				providerName: provider.name,
				requestId: answer.requestId,
			};
		} else this.refused(state, answer);
	}

	private async markShipped(state: ShipmentState, provider: ShippingProvider): Promise<void> {
		const orderId = state.request.orderId as string;
		const previous = this.orderQueues.get(orderId) ?? Promise.resolve();
		const turn = previous.then(async () => {
			if (this.fatal) return;
			try {
				const result = await markPackageAsShipped(this.client, orderId, {
					trackingNumber: state.request.trackingNumber,
					providerId: provider.id,
					lineItemIds: state.request.lineItemIds,
				});
				state.outcome = {
					kind: 'shipped',
					method: 'mark_package_as_shipped',
					orderId,
					packageId: result.packageId,
					providerId: provider.id,
					providerName: provider.name,
					requestId: result.requestId,
					warning: result.warning,
				};
			} catch (error) {
				if (isAmbiguous(error)) {
					await this.readBack(state, error, {
						kind: 'shipped',
						method: 'mark_package_as_shipped',
						orderId,
						providerId: provider.id,
						providerName: provider.name,
					});
				} else this.callFailed(state, error);
			}
		});
		this.orderQueues.set(orderId, turn);
		await turn;
	}

	/** A call that threw: TikTok's verdict on the item, or a failure that says nothing about it. */
	private callFailed(state: ShipmentState, error: unknown): void {
		if (error instanceof TikTokApiError && !isFatal(error) && !isRetryExhausted(error))
			this.refused(state, answerOf(error) as TikTokAnswer);
		else this.guard(state, error);
	}

	private refused(state: ShipmentState, answer: TikTokAnswer): void {
		if (ALREADY_SHIPPED_CODES.has(answer.code)) this.recheck.push({ state, answer });
		else state.outcome = tiktokRejection(answer);
	}

	/** TikTok said "already shipped": the order's current tracking decides between a repeat and a conflict. */
	private async resolveRechecks(): Promise<void> {
		const byOrder = new Map<string, Array<{ state: ShipmentState; answer: TikTokAnswer }>>();
		for (const entry of this.recheck) {
			const orderId = entry.state.request.orderId as string;
			byOrder.set(orderId, [...(byOrder.get(orderId) ?? []), entry]);
		}
		await Promise.all(
			chunk([...byOrder.keys()], ORDER_IDS_PER_CALL).map(async (ids) => {
				const entries = ids.flatMap((id) => byOrder.get(id) ?? []);
				let orders: Map<string, TikTokOrder>;
				try {
					if (this.fatal) throw this.fatal;
					orders = await fetchOrders(this.client, ids);
				} catch (error) {
					for (const { state } of entries) this.guard(state, error);
					return;
				}
				await Promise.all(
					entries.map(async ({ state, answer }) => {
						const order = orders.get(state.request.orderId as string);
						const shippedItem = order
							? lineItemsOf(order, state.request).find((item) => item.tracking_number)
							: undefined;
						const shippedWith = shippedItem?.tracking_number ?? order?.tracking_number;
						if (!order || !shippedWith) {
							state.outcome = tiktokRejection(answer);
							return;
						}
						await this.settleAlreadyShipped(state, shippedWith, shippedItem?.package_id);
					}),
				);
			}),
		);
	}

	private async settleAlreadyShipped(
		state: ShipmentState,
		shippedWith: string | undefined,
		shippedPackageId: string | undefined,
	): Promise<void> {
		const settled = alreadyShippedOutcome(state, shippedWith, this.settings.updateTracking);
		if (settled) {
			state.outcome = settled;
			return;
		}
		if (this.fatal) return;
		const provider = state.provider as ShippingProvider;
		const orderId = state.request.orderId as string;
		try {
			const requestId = await updateShippingInfo(
				this.client,
				{ packageId: state.request.packageId ?? shippedPackageId, orderId },
				{ trackingNumber: state.request.trackingNumber, providerId: provider.id },
			);
			state.outcome = {
				kind: 'shipped',
				method: 'shipping_info_update',
				orderId,
				packageId: state.request.packageId ?? shippedPackageId,
				providerId: provider.id,
				providerName: provider.name,
				requestId,
				previousTrackingNumber: shippedWith,
			};
		} catch (error) {
			if (isAmbiguous(error)) {
				const packageId = state.request.packageId ?? shippedPackageId;
				await this.readBack(state, error, {
					kind: 'shipped',
					method: 'shipping_info_update',
					orderId,
					packageId,
					providerId: provider.id,
					providerName: provider.name,
					previousTrackingNumber: shippedWith,
				});
			} else if (error instanceof TikTokApiError && !isFatal(error) && !isRetryExhausted(error))
				state.outcome = tiktokRejection(answerOf(error) as TikTokAnswer);
			else this.guard(state, error);
		}
	}

	/**
	 * A once-only write failed without a verdict (timeout, reset, 5xx): it may have been applied. Repeating it would
	 * only meet "already shipped" or 21011051, so read what TikTok holds: our number → it worked; another number →
	 * Needs Attention with both; nothing → it did not take, and the item is safe to run again.
	 */
	private async readBack(
		state: ShipmentState,
		error: unknown,
		success: ShippedOutcome,
	): Promise<void> {
		const ours = state.request.trackingNumber;
		let held: string;
		try {
			if (success.packageId) held = await trackingOfPackage(this.client, success.packageId);
			else {
				const order = (await fetchOrders(this.client, [success.orderId as string])).get(
					success.orderId as string,
				);
				const items = order ? lineItemsOf(order, state.request) : [];
				held =
					items.find((item) => item.tracking_number === ours)?.tracking_number ??
					items.find((item) => item.tracking_number)?.tracking_number ??
					'';
				success.packageId = items.find((item) => item.tracking_number === ours)?.package_id;
			}
		} catch {
			this.guard(state, error);
			return;
		}
		const failure = error instanceof Error ? error.message : String(error);
		if (held === ours) {
			state.outcome = {
				...success,
				warning: `TikTok's answer was lost (${failure}); reading the package back shows it holds this tracking number.`,
			};
		} else if (held) {
			state.outcome = attention(
				'already_shipped_different_tracking',
				`TikTok's answer to the shipping call was lost (${failure}). TikTok now holds tracking number ${held}, not this item's ${ours}. ` +
					'Check the package in Seller Center before running this item again.',
			);
		} else this.guard(state, error);
	}
}

/** No verdict on the item: the call may or may not have reached TikTok. */
function isAmbiguous(error: unknown): boolean {
	if (!(error instanceof TikTokApiError))
		return !(error instanceof Error && error.name === 'NodeOperationError');
	return isAmbiguousFailure(error.code, error.httpStatus);
}

/** Codes the client retries: when one of them surfaces, TikTok never judged the item itself. */
function isRetryExhausted(error: TikTokApiError): boolean {
	return (
		error.code === 36009002 ||
		error.code === 36009003 ||
		error.code === 36009007 ||
		error.code === -1 ||
		(error.httpStatus ?? 200) >= 500
	);
}
