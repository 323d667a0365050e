import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import type { TikTokShopClient } from '../../../../shared/tiktok';
import { compact, splitIds } from '../../../../shared/nodeParameters';
import { returnIdField } from './fields';
import { idempotencyKeyField, resolveIdempotencyKey } from '../../../../shared/tiktok/idempotency';
import { returns } from '../../../../shared/tiktok/resources';

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
		description:
			'TikTok\'s reasons for this return. Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
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
		displayName: 'Evidence Images',
		name: 'evidenceImages',
		type: 'fixedCollection',
		typeOptions: { multipleValues: true },
		placeholder: 'Add Image',
		default: {},
		description:
			"Images uploaded first through the product image upload; TikTok wants each one's size and type too",
		displayOptions: { show },
		options: [
			{
				displayName: 'Image',
				name: 'image',
				values: [
					{
						displayName: 'Image URI',
						name: 'uri',
						type: 'string',
						default: '',
						description: 'The "uri" the image upload returned',
					},
					{
						displayName: 'Type',
						name: 'mimeType',
						type: 'options',
						options: [
							{ name: 'JPEG', value: 'image/jpeg' },
							{ name: 'PNG', value: 'image/png' },
							{ name: 'WEBP', value: 'image/webp' },
						],
						default: 'image/jpeg',
					},
					{
						displayName: 'Width',
						name: 'width',
						type: 'number',
						typeOptions: { minValue: 1 },
						default: 1,
						description: 'In pixels, as the upload returned it',
					},
					{
						displayName: 'Height',
						name: 'height',
						type: 'number',
						typeOptions: { minValue: 1 },
						default: 1,
						description: 'In pixels, as the upload returned it',
					},
				],
			},
		],
	},
	{ ...idempotencyKeyField, displayOptions: { show } },
];

interface EvidenceImage {
	uri: string;
	mimeType: string;
	width: number;
	height: number;
}

function evidenceImages(images: EvidenceImage[]): IDataObject[] {
	return images.map((image, index) => {
		const uri = String(image.uri ?? '').trim();
		if (!uri)
			throw new Error(
				`Evidence image ${index + 1} has no URI. Upload the image first and use the "uri" it returned.`,
			);
		for (const side of ['width', 'height'] as const) {
			if (!Number.isInteger(image[side]) || image[side] < 1) {
				throw new Error(
					`Evidence image ${index + 1} (${uri}) has ${side} ${image[side]}; use the ${side} in pixels that the upload returned.`,
				);
			}
		}
		return { image_id: uri, mime_type: image.mimeType, width: image.width, height: image.height };
	});
}

export async function execute(
	this: IExecuteFunctions,
	client: TikTokShopClient,
	itemIndex: number,
): Promise<IDataObject[]> {
	const [returnId] = splitIds(
		this,
		this.getNodeParameter('returnId', itemIndex),
		'Return ID',
		itemIndex,
	);
	const decision = this.getNodeParameter('decision', itemIndex) as string;
	const rejectReason = (this.getNodeParameter('rejectReason', itemIndex) as string).trim();
	if (!rejectReason)
		throw new Error('"Reject Reason" is empty. Pick one of TikTok\'s reasons for this return.');
	const comment = (this.getNodeParameter('comment', itemIndex, '') as string).trim();
	if (comment.length > MAX_COMMENT_LENGTH) {
		throw new Error(
			`"Comment" has ${comment.length} characters; TikTok takes at most ${MAX_COMMENT_LENGTH}. Shorten it.`,
		);
	}
	const images = evidenceImages(
		this.getNodeParameter('evidenceImages.image', itemIndex, []) as EvidenceImage[],
	);
	const body = compact({
		decision,
		reject_reason: rejectReason,
		comment: comment || undefined,
		images,
	});
	const idempotencyKey = resolveIdempotencyKey(
		this,
		itemIndex,
		`reject:${returnId}:${JSON.stringify(body)}`,
	);
	const { data } = await returns.rejectReturn<IDataObject>(client, returnId, {
		body,
		idempotencyKey,
	});
	return [
		{
			return_id: returnId,
			decision,
			reject_reason: rejectReason,
			idempotency_key: idempotencyKey,
			...(data ?? {}),
		},
	];
}
