import { NodeOperationError, type IExecuteFunctions } from 'n8n-workflow';

import { TikTokApiError, toNodeError, type TikTokShopClient } from '../../../../shared/tiktok';
import { products } from '../../../../shared/tiktok/resources';

export interface UploadedImage {
	image_id: string;
	mime_type: string;
	width: number;
	height: number;
}

export interface UploadSource {
	binaryProperty: string;
	fileName: string;
	mimeType: string;
}

/**
 * Product image upload: multipart, file in field `data`, no shop_cipher (the client leaves it out for this path).
 * Its `uri` is what the reject calls take as `image_id` (reference §7).
 */
export async function uploadImages(
	context: IExecuteFunctions,
	client: TikTokShopClient,
	itemIndex: number,
	sources: UploadSource[],
	useCase: string,
): Promise<UploadedImage[]> {
	const uploaded: UploadedImage[] = [];
	for (const source of sources) {
		if (!context.getInputData()[itemIndex].binary?.[source.binaryProperty]) {
			throw new NodeOperationError(
				context.getNode(),
				`The packet's file "${source.fileName}" (binary property "${source.binaryProperty}") is not on the item`,
				{
					itemIndex,
					description:
						'Connect Submit straight after Build Evidence Packet, or keep binaries in the nodes between.',
				},
			);
		}
		const data = await context.helpers.getBinaryDataBuffer(itemIndex, source.binaryProperty);
		try {
			const answer = await products.uploadImage(
				client,
				{ fileName: source.fileName, contentType: source.mimeType, data },
				useCase,
			);
			uploaded.push({
				image_id: String(answer.uri),
				mime_type: source.mimeType,
				width: Number(answer.width),
				height: Number(answer.height),
			});
		} catch (error) {
			if (!(error instanceof TikTokApiError))
				throw toNodeError(context.getNode(), error, itemIndex);
			// eslint-disable-next-line @n8n/community-nodes/require-node-api-error -- the router turns it into a NodeApiError with TikTok's code
			throw new TikTokApiError(
				{
					code: error.code,
					message: `uploading "${source.fileName}" failed: ${error.tiktokMessage}`,
					requestId: error.requestId,
					httpStatus: error.httpStatus,
					method: error.method,
					path: error.path,
				},
				`Nothing was submitted for this case (${uploaded.length} of ${sources.length} images were uploaded first and stay unused). Fix or remove the file and run again.`,
			);
		}
	}
	return uploaded;
}
