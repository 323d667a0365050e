import { ApiError, Code, gateway } from './errors';
import type { RejectReason } from './rejectReasons';
import { optionalString, requiredString } from './route';
import type { ShopState } from './state';

/** [U] The reference gives no limit for the reject comment; the simulator assumes 500 characters. */
export const MAX_REJECT_COMMENT_LENGTH = 500;

export interface EvidenceImage {
	imageId: string;
	mimeType: string;
	width: number;
	height: number;
}

export interface Rejection {
	rejectReason: string;
	comment?: string;
	images: EvidenceImage[];
}

const positiveInteger = (value: unknown): value is number =>
	typeof value === 'number' && Number.isInteger(value) && value > 0;

/**
 * Evidence must be uploaded first: image_id is the product image upload's `uri`, sent with its mime_type and size
 * (reference §7).
 */
function evidenceImages(state: ShopState, body: Record<string, unknown>): EvidenceImage[] {
	if (body.images === undefined) return [];
	if (!Array.isArray(body.images)) throw gateway.invalid('images must be an array');
	return body.images.map((raw: unknown, index) => {
		const image = (typeof raw === 'object' && raw !== null ? raw : {}) as Record<string, unknown>;
		const { image_id: imageId, mime_type: mimeType, width, height } = image;
		if (
			typeof imageId !== 'string' ||
			imageId === '' ||
			typeof mimeType !== 'string' ||
			!mimeType.startsWith('image/') ||
			!positiveInteger(width) ||
			!positiveInteger(height)
		) {
			throw new ApiError(
				Code.EVIDENCE_IMAGE_INVALID,
				`images[${index}] needs image_id, mime_type (image/...), width and height (positive integers)`,
			);
		}
		if (!state.images.some((uploaded) => uploaded.uri === imageId)) {
			throw new ApiError(
				Code.EVIDENCE_IMAGE_UNKNOWN,
				`images[].image_id "${imageId}" is not the uri of an uploaded image`,
			);
		}
		return { imageId, mimeType, width, height };
	});
}

/** The reason, comment and images of a return or cancellation reject, checked against the case's own reasons. */
export function readRejection(
	state: ShopState,
	body: Record<string, unknown>,
	reasons: RejectReason[],
): Rejection {
	const rejectReason = requiredString(body, 'reject_reason');
	if (!reasons.some((reason) => reason.name === rejectReason)) {
		throw new ApiError(
			Code.REJECT_REASON_INVALID,
			`reject_reason "${rejectReason}" is not one of this case's reasons from GET /return_refund/202309/reject_reasons (${reasons.map((reason) => reason.name).join(', ')})`,
		);
	}
	const comment = optionalString(body, 'comment');
	if (comment !== undefined && comment.length > MAX_REJECT_COMMENT_LENGTH) {
		throw new ApiError(
			Code.COMMENT_TOO_LONG,
			`comment is ${comment.length} characters; the maximum is ${MAX_REJECT_COMMENT_LENGTH}`,
		);
	}
	return {
		rejectReason,
		...(comment !== undefined ? { comment } : {}),
		images: evidenceImages(state, body),
	};
}
