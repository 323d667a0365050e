import type { Rejection } from './rejection';

/** Every accepted state change, in order, so tests can assert what a workflow actually did to the shop. */
export type MutationDetails =
	| {
			type: 'ship';
			packageId: string;
			orderId: string;
			trackingNumber?: string;
			shippingProviderId?: string;
			handoverMethod?: string;
	  }
	| {
			type: 'batchShip';
			shipped: Array<{
				packageId: string;
				orderId: string;
				trackingNumber?: string;
				shippingProviderId?: string;
			}>;
			failed: Array<{ packageId: string; code: number }>;
	  }
	| {
			type: 'markShipped';
			orderId: string;
			packageId: string;
			orderLineItemIds: string[];
			trackingNumber: string;
			shippingProviderId: string;
	  }
	| {
			type: 'shippingInfoUpdate';
			orderId: string;
			packageId: string;
			trackingNumber: string;
			shippingProviderId: string;
			previousTrackingNumber?: string;
	  }
	| {
			type: 'inventoryUpdate';
			productId: string;
			skus: Array<{ skuId: string; inventory: Array<{ warehouseId: string; quantity: number }> }>;
			failedSkuIds: string[];
	  }
	| { type: 'returnApprove'; returnId: string; decision: string }
	| ({ type: 'returnReject'; returnId: string; decision: string; imageIds: string[] } & Rejection)
	| { type: 'cancellationApprove'; cancelId: string }
	| ({ type: 'cancellationReject'; cancelId: string; imageIds: string[] } & Rejection)
	| {
			type: 'imageUpload';
			uri: string;
			bytes: number;
			width: number;
			height: number;
			useCase: string;
	  }
	| { type: 'webhookRegister'; eventType: string; address: string }
	| { type: 'webhookDelete'; eventType: string };

export type Mutation = MutationDetails & {
	/** Unix milliseconds. */
	time: number;
	requestId: string;
	idempotencyKey?: string;
};
