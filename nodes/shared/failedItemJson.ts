import type { IDataObject, NodeApiError, NodeOperationError } from 'n8n-workflow';

/**
 * The json of an item that failed under Continue On Fail. n8n moves an item to the error output ("On Error:
 * Continue (using error output)") only when its json holds nothing but `error`, `message` and `details`, so
 * everything else (the next step, TikTok's code and request id) goes under `details`.
 */
export function failedItemJson(nodeError: NodeApiError | NodeOperationError, itemIndex: number): IDataObject {
	const tiktok = nodeError as unknown as { tiktokCode?: number; requestId?: string };
	const details: IDataObject = { description: nodeError.description ?? null, itemIndex };
	if (tiktok.tiktokCode !== undefined) details.code = tiktok.tiktokCode;
	if (tiktok.requestId !== undefined) details.request_id = tiktok.requestId;
	return { error: nodeError.message, details };
}
