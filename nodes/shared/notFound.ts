import { NodeOperationError, type IDataObject, type IExecuteFunctions } from 'n8n-workflow';

import { errorItemJson } from './errorItem';
import { TikTokApiError } from './tiktok/errors';

/** What was looked up: "order" → field `order_id`, sentence "TikTok has no order 123 in this shop". */
export interface LookupKind {
	noun: string;
	idField: string;
}

/**
 * The item for an id TikTok did not return, so a lookup answers for every id asked. Under Continue On Fail it is an
 * error item (n8n sends it to the error output); otherwise a plain item `{ <idField>, found: false, message }` that an
 * IF node can route.
 */
export function notFoundItem(
	context: IExecuteFunctions,
	kind: LookupKind,
	id: string,
	itemIndex: number,
): IDataObject {
	const message = `TikTok has no ${kind.noun} ${id} in this shop`;
	const description = `Check the ID, and that the credential connects the shop the ${kind.noun} belongs to.`;
	if (context.continueOnFail()) {
		return errorItemJson(
			new NodeOperationError(context.getNode(), message, { itemIndex, description }),
			itemIndex,
			{ [kind.idField]: id },
		);
	}
	return { [kind.idField]: id, found: false, message: `${message}. ${description}` };
}

/**
 * Whether a failed call means "no such record": TikTok's not-found code for that API, or HTTP 404. Any other failure
 * (and a not-found code this pack does not know yet) stays an error, which stops the node or becomes an error item.
 */
export function isNotFoundError(error: unknown, codes: number[]): boolean {
	return (
		error instanceof TikTokApiError && (codes.includes(error.code) || error.httpStatus === 404)
	);
}

/** Ids as asked, each once, first occurrence first. */
export function uniqueIds(ids: string[]): string[] {
	return [...new Set(ids)];
}
