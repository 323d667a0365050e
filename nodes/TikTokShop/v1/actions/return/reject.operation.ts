import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import type { TikTokShopClient } from '../../../transport';
import { compact, splitIds } from '../../helpers/utils';
import { idempotencyKeyField, resolveIdempotencyKey, returnIdField } from './fields';

const show = { resource: ['return'], operation: ['reject'] };
/** The Seller Center comment box; longer comments are refused. */
const MAX_COMMENT_LENGTH = 500;

export const description: INodeProperties[] = [
	{ ...returnIdField, displayOptions: { show } },
	{
		displayName: 'Decision',
		name: 'decision',
		type: 'options',
		options: [
			{ name: 'Reject Received Package', value: 'REJECT_RECEIVED_PACKAGE' },
			{ name: 'Reject Refund', value: 'REJECT_REFUND' },
			{ name: 'Reject Replacement', value: 'REJECT_REPLACEMENT' },
			{ name: 'Reject Return', value: 'REJECT_RETURN' },
		],
		default: 'REJECT_REFUND',
		displayOptions: { show },
	},
	{
		displayName: 'Reject Reason Name or ID',
		name: 'rejectReason',
		type: 'options',
		typeOptions: { loadOptionsMethod: 'getRejectReasons', loadOptionsDependsOn: ['returnId'] },
		required: true,
		default: '',
		description: 'TikTok\'s reasons for this return. Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
		displayOptions: { show },
	},
	{
		displayName: 'Comment',
		name: 'comment',
		type: 'string',
		typeOptions: { rows: 3 },
		default: '',
		description: `What the buyer's claim gets wrong, in plain words (at most ${MAX_COMMENT_LENGTH} characters)`,
		displayOptions: { show },
	},
	{
		displayName: 'Evidence Image IDs',
		name: 'imageIds',
		type: 'string',
		default: '',
		description: 'Comma-separated "uri" values returned by the product image upload',
		displayOptions: { show },
	},
	{ ...idempotencyKeyField, displayOptions: { show } },
];

export async function execute(this: IExecuteFunctions, client: TikTokShopClient, itemIndex: number): Promise<IDataObject[]> {
	const [returnId] = splitIds(this, this.getNodeParameter('returnId', itemIndex), 'Return ID', itemIndex);
	const decision = this.getNodeParameter('decision', itemIndex) as string;
	const rejectReason = (this.getNodeParameter('rejectReason', itemIndex) as string).trim();
	if (!rejectReason) throw new Error('"Reject Reason" is empty. Pick one of TikTok\'s reasons for this return.');
	const comment = (this.getNodeParameter('comment', itemIndex, '') as string).trim();
	if (comment.length > MAX_COMMENT_LENGTH) {
		throw new Error(`"Comment" has ${comment.length} characters; TikTok takes at most ${MAX_COMMENT_LENGTH}. Shorten it.`);
	}
	const imageText = this.getNodeParameter('imageIds', itemIndex, '') as string;
	const images = imageText.trim() ? splitIds(this, imageText, 'Evidence Image IDs', itemIndex).map((image_id) => ({ image_id })) : [];
	const body = compact({ decision, reject_reason: rejectReason, comment: comment || undefined, images });
	const idempotencyKey = resolveIdempotencyKey(this, itemIndex, `reject:${returnId}:${JSON.stringify(body)}`);
	const { data } = await client.request<IDataObject>({
		method: 'POST',
		path: `/return_refund/202309/returns/${encodeURIComponent(returnId)}/reject`,
		query: { idempotency_key: idempotencyKey },
		body,
	});
	return [{ return_id: returnId, decision, reject_reason: rejectReason, idempotency_key: idempotencyKey, ...(data ?? {}) }];
}
