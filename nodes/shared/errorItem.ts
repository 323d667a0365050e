import type { IDataObject, INode, NodeApiError, NodeOperationError } from 'n8n-workflow';

import { toNodeError } from './tiktok';

/** What a failed item's error becomes: an n8n error that names its item and, for TikTok, keeps code and request_id. */
export type ItemError = NodeApiError | NodeOperationError;

/**
 * The one conversion at the item boundary. TikTok and credential failures go through the TikTok layer's
 * `toNodeError` (which also strips secret-bearing query values); every error comes out with `itemIndex` set, so
 * n8n's error view names the item even when an operation threw a node error without one.
 */
export function toItemError(node: INode, error: unknown, itemIndex?: number): ItemError {
	const nodeError = toNodeError(node, error, itemIndex);
	if (itemIndex !== undefined && nodeError.context.itemIndex === undefined)
		nodeError.context.itemIndex = itemIndex;
	return nodeError;
}

/** TikTok's code and request_id, when the error is TikTok's refusal (`toNodeError` puts them on the NodeApiError). */
export function tiktokFields(nodeError: ItemError): { code?: number; request_id?: string } {
	const { tiktokCode, requestId } = nodeError as unknown as {
		tiktokCode?: number;
		requestId?: string;
	};
	return {
		...(tiktokCode !== undefined ? { code: tiktokCode } : {}),
		...(requestId !== undefined ? { request_id: requestId } : {}),
	};
}

/**
 * The json of an item that failed under Continue On Fail, for every node of the pack:
 * `{ error, details: { description, itemIndex, code?, request_id?, …node details } }`, with TikTok's code and
 * request_id when TikTok refused the call. n8n moves an item to the error output ("On Error: Continue (using error
 * output)") only when its json holds nothing but `error`, `message` and `details`, so everything else goes under
 * `details`.
 */
export function errorItemJson(
	nodeError: ItemError,
	itemIndex: number,
	extraDetails: IDataObject = {},
): IDataObject {
	const details: IDataObject = {
		description: nodeError.description ?? null,
		itemIndex,
		...tiktokFields(nodeError),
		...extraDetails,
	};
	return { error: nodeError.message, details };
}
