import { readFileSync } from 'node:fs';
import type { IBinaryData, IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import sharp from 'sharp';

import { EvidenceSubmit } from '../../../nodes/EvidenceSubmit/EvidenceSubmit.node';
import { fakeExecuteFunctions, type FakeRun } from '../../../dev/harness/fakeExecuteFunctions';

export const evidenceNode = new EvidenceSubmit().nodeVersions[1];
export const FIXTURES = `${__dirname}/../../fixtures/evidence`;

export function fixture(name: string): string {
	return readFileSync(`${FIXTURES}/${name}`, 'utf8');
}

/** The shared fake n8n host plus the binary helpers this node uses, kept in memory as n8n's default mode does. */
export async function runEvidence(run: FakeRun): Promise<INodeExecutionData[][]> {
	const context = fakeExecuteFunctions({
		node: { name: 'Evidence', type: 'n8n-nodes-tiktok-shop-ops.tikTokShopEvidenceSubmit' },
		...run,
	});
	const items: INodeExecutionData[] = run.items ?? [{ json: {} }];
	Object.assign(context.helpers, {
		getBinaryDataBuffer: async (itemIndex: number, property: string) => {
			const binary = items[itemIndex].binary?.[property];
			if (!binary) throw new Error(`no binary ${property} on item ${itemIndex}`);
			return Buffer.from(binary.data, 'base64');
		},
		prepareBinaryData: async (
			data: Buffer,
			fileName?: string,
			mimeType?: string,
		): Promise<IBinaryData> => ({
			data: data.toString('base64'),
			fileName,
			mimeType: mimeType ?? 'application/octet-stream',
			fileSize: String(data.length),
		}),
	});
	return (await evidenceNode.execute!.call(context as IExecuteFunctions)) as INodeExecutionData[][];
}

export function binaryOf(item: INodeExecutionData, property: string): Buffer {
	return Buffer.from(item.binary![property].data, 'base64');
}

/** An input item carrying files the way Read Files from Disk hands them over (base64 in the item). */
export function withFiles(
	json: IDataObject,
	files: Record<string, { data: Buffer; fileName: string; mimeType?: string }>,
): INodeExecutionData {
	const binary: Record<string, IBinaryData> = {};
	for (const [key, file] of Object.entries(files))
		binary[key] = {
			data: file.data.toString('base64'),
			fileName: file.fileName,
			mimeType: file.mimeType ?? 'image/jpeg',
		};
	return { json, binary };
}

/** A photo as a phone writes it: JPEG with EXIF DateTimeOriginal (and its offset) unless `taken` is omitted. */
export async function photo(
	options: {
		width?: number;
		height?: number;
		taken?: string;
		offset?: string;
		color?: string;
		format?: 'jpeg' | 'png' | 'webp' | 'tiff' | 'gif';
	} = {},
): Promise<Buffer> {
	let image = sharp({
		create: {
			width: options.width ?? 640,
			height: options.height ?? 480,
			channels: 3,
			background: options.color ?? '#b08d6a',
		},
	});
	if (options.taken) {
		const exifDate = options.taken.replace(/-/g, ':').replace('T', ' ');
		image = image.withExif({
			IFD0: { DateTime: exifDate },
			IFD2: {
				DateTimeOriginal: exifDate,
				...(options.offset ? { OffsetTimeOriginal: options.offset } : {}),
			},
		});
	}
	const format = options.format ?? 'jpeg';
	return await image.toFormat(format).toBuffer();
}

export const HOUR = 3600;
export const nowSeconds = () => Math.floor(Date.now() / 1000);

/** A Find Cases item for a pending refund-only return, as the node emits it. */
export function returnCase(overrides: IDataObject = {}): IDataObject {
	return {
		case_id: '4035224719835112345',
		case_type: 'return',
		order_id: '576684019603311365',
		return_type: 'REFUND',
		status: 'RETURN_OR_REFUND_REQUEST_PENDING',
		arbitration_status: null,
		reason: 'ecom_order_delivered_refund_reason_not_received',
		reason_text: 'Package not received',
		refund_total: '42.17',
		currency: 'USD',
		seller_next_action_response: [
			{ action: 'SELLER_RESPOND_REQUEST', deadline: nowSeconds() + 30 * HOUR },
		],
		products: ['Ceramic pour-over set - Matte black'],
		...overrides,
	};
}
