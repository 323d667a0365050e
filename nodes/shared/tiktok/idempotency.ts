import { createHash } from 'node:crypto';
import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

/** Writes TikTok accepts once per key (approve, reject, evidence): a re-run of the workflow never acts twice. */
export const idempotencyKeyField: INodeProperties = {
	displayName: 'Idempotency Key',
	name: 'idempotencyKey',
	type: 'string',
	default: '',
	description:
		'Leave empty to derive one from the return and the decision, so that running the workflow again never acts twice',
};

/** TikTok accepts keys up to 255 characters; a hash of the action keeps re-runs identical. */
export function resolveIdempotencyKey(
	context: IExecuteFunctions,
	itemIndex: number,
	action: string,
): string {
	const given = (context.getNodeParameter('idempotencyKey', itemIndex, '') as string).trim();
	if (given) return given.slice(0, 255);
	return `n8n-${createHash('sha256').update(action).digest('hex').slice(0, 40)}`;
}
