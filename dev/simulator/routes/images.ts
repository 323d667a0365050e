import { randomBytes } from 'node:crypto';
import { ApiError, Code } from '../errors';
import { readImageInfo } from '../imageInfo';
import type { Route } from '../route';

const MAX_BYTES = 10 * 1024 * 1024;
const USE_CASES = [
	'MAIN_IMAGE',
	'ATTRIBUTE_IMAGE',
	'DESCRIPTION_IMAGE',
	'CERTIFICATION_IMAGE',
	'SIZE_CHART_IMAGE',
];

/** The returned `uri` is what reject-return and reject-cancellation accept as `images[].image_id` (reference §7). */
export const imageRoutes: Route[] = [
	{
		method: 'POST',
		path: '/product/202309/images/upload',
		body: 'multipart',
		handle: ({ state, multipart, record }) => {
			const file = multipart?.files.data;
			if (!file)
				throw new ApiError(
					Code.INVALID_PARAMETER,
					'The image file must be sent in the multipart field "data"',
					400,
				);
			if (file.data.length > MAX_BYTES)
				throw new ApiError(Code.IMAGE_TOO_LARGE, 'The image exceeds 10 MB');
			const info = readImageInfo(file.data);
			if (!info || info.width === 0 || info.height === 0)
				throw new ApiError(Code.IMAGE_INVALID, 'The file is not a readable JPG, PNG or WEBP image');
			const useCase = multipart?.fields.use_case ?? 'MAIN_IMAGE';
			if (!USE_CASES.includes(useCase))
				throw new ApiError(
					Code.INVALID_PARAMETER,
					`use_case must be one of ${USE_CASES.join(', ')}`,
					400,
				);
			const uri = `tos-maliva-i-o3syd03w52-us/${randomBytes(16).toString('hex')}`;
			const image = {
				uri,
				url: `https://p16-oec-va.ibyteimg.com/${uri}~tplv-o3syd03w52-origin-${info.format}.${info.format}`,
				width: info.width,
				height: info.height,
				use_case: useCase,
			};
			state.images.push({ ...image, bytes: file.data.length });
			record({
				type: 'imageUpload',
				uri,
				bytes: file.data.length,
				width: info.width,
				height: info.height,
				useCase,
			});
			return image;
		},
	},
];
