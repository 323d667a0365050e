import {
	NodeOperationError,
	type IBinaryKeyData,
	type IDataObject,
	type IExecuteFunctions,
	type INodeExecutionData,
} from 'n8n-workflow';

import { claimTypeOf, isClaimType } from './cases/claimTypes';
import { factsOfItem } from './cases/caseFacts';
import { toCents } from './money';
import type {
	CaseFacts,
	ClientGetter,
	EvidenceImage,
	EvidenceInput,
	Outcome,
	RejectedImage,
	WorkUnit,
} from './interfaces';
import { buildPacket } from './packet/buildPacket';
import { prepareImage } from './packet/images';
import { photoKindOf } from './packet/photoKinds';
import { readScanEvents } from './packet/scanEvents';
import { fetchTikTokTracking } from './packet/tiktokTracking';
import { parseWeightGrams, type WeightUnit } from './packet/weights';

function caseOf(context: IExecuteFunctions, itemIndex: number): CaseFacts {
	let value = context.getNodeParameter('caseData', itemIndex, {}) as unknown;
	if (typeof value === 'string') {
		try {
			value = value.trim() ? JSON.parse(value) : {};
		} catch {
			throw new NodeOperationError(context.getNode(), '"Case" is not JSON', {
				itemIndex,
				description: 'Set it to {{ $json }} or to the case item of Find Cases Needing Action.',
			});
		}
	}
	const facts = value && typeof value === 'object' ? factsOfItem(value as IDataObject) : undefined;
	if (!facts) {
		throw new NodeOperationError(
			context.getNode(),
			'The case has no case id (case_id, return_id or cancel_id)',
			{
				itemIndex,
				description:
					"Connect this node after Find Cases Needing Action, or set \"Case\" to an expression pointing at that node's item, e.g. {{ $('Cases Needing Action').item.json }}.",
			},
		);
	}
	return facts;
}

/** Items of one case make one packet; an item whose case cannot be read stays alone, so its error is its own. */
export function units(this: IExecuteFunctions, items: INodeExecutionData[]): WorkUnit[] {
	const pool = this.getNodeParameter('poolByCase', 0, true) as boolean;
	const groups = new Map<string, WorkUnit>();
	items.forEach((_, itemIndex) => {
		let key = `item:${itemIndex}`;
		if (pool) {
			try {
				const facts = caseOf(this, itemIndex);
				key = `${facts.caseType}:${facts.caseId}`;
			} catch {
				// Reported when this item's unit runs.
			}
		}
		groups.set(key, [...(groups.get(key) ?? []), itemIndex]);
	});
	return [...groups.values()];
}

function firstText(context: IExecuteFunctions, unit: WorkUnit, field: string): string | undefined {
	for (const itemIndex of unit) {
		const value = context.getNodeParameter(`evidence.${field}`, itemIndex, '') as unknown;
		if (value !== undefined && value !== null && String(value).trim() !== '')
			return typeof value === 'string' ? value.trim() : (value as string);
	}
	return undefined;
}

function evidenceOf(context: IExecuteFunctions, unit: WorkUnit): EvidenceInput {
	const scans = (field: string) =>
		readScanEvents(
			firstText(context, unit, field),
			field === 'scanEvents' ? 'Scan Events' : 'Return Scan Events',
		);
	const listing = firstText(context, unit, 'listingUploadedAt');
	return {
		trackingNumber: firstText(context, unit, 'trackingNumber'),
		carrier: firstText(context, unit, 'carrier'),
		scanEvents: scans('scanEvents'),
		returnScanEvents: scans('returnScanEvents'),
		shippedToAddress: firstText(context, unit, 'shippedToAddress'),
		packingVideoUrl: firstText(context, unit, 'packingVideoUrl'),
		shippedWeight: firstText(context, unit, 'shippedWeight'),
		returnedWeight: firstText(context, unit, 'returnedWeight'),
		listingUploadedAt: listing ? String(listing) : undefined,
		notes: firstText(context, unit, 'notes'),
	};
}

async function gatherImages(
	context: IExecuteFunctions,
	unit: WorkUnit,
	listingUploadedAt: string | undefined,
) {
	const images: EvidenceImage[] = [];
	const rejected: RejectedImage[] = [];
	const items = context.getInputData();
	for (const itemIndex of unit) {
		const wanted = String(
			context.getNodeParameter('packetOptions.binaryProperties', itemIndex, '') ?? '',
		)
			.split(',')
			.map((name) => name.trim())
			.filter(Boolean);
		const binary: IBinaryKeyData = items[itemIndex].binary ?? {};
		const override = context.getNodeParameter('evidence.photoKind', itemIndex, 'auto') as string;
		for (const property of wanted.length ? wanted : Object.keys(binary)) {
			const meta = binary[property];
			if (!meta)
				throw new NodeOperationError(
					context.getNode(),
					`Item ${itemIndex} has no binary property "${property}"`,
					{ itemIndex, description: 'Check "Binary Properties" in Options.' },
				);
			const fileName = meta.fileName ?? `${property}.${meta.fileExtension ?? 'bin'}`;
			const data = await context.helpers.getBinaryDataBuffer(itemIndex, property);
			const result = await prepareImage({
				binaryProperty: property,
				fileName,
				data,
				kind: photoKindOf(fileName, override === 'auto' ? undefined : override),
			});
			if ('rejected' in result) rejected.push(result.rejected);
			else
				images.push(
					result.image.kind === 'listing' && !result.image.capturedAt && listingUploadedAt
						? {
								...result.image,
								capturedAt: listingUploadedAt,
								captureSource: 'listing_upload_date',
							}
						: result.image,
				);
		}
	}
	return { images, rejected };
}

export async function execute(
	this: IExecuteFunctions,
	unit: WorkUnit,
	client: ClientGetter,
): Promise<Outcome[]> {
	const [first] = unit;
	const facts = caseOf(this, first);
	const claimSetting = this.getNodeParameter('claimType', first, 'auto') as string;
	const claim = isClaimType(claimSetting) ? claimSetting : claimTypeOf(facts);
	let input: EvidenceInput;
	try {
		input = evidenceOf(this, unit);
	} catch (error) {
		throw new NodeOperationError(this.getNode(), error as Error, { itemIndex: first });
	}
	if (
		!input.scanEvents.length &&
		facts.orderId &&
		this.getNodeParameter('trackingFromTikTok', first, false)
	) {
		input.scanEvents = await fetchTikTokTracking(await client(), facts.orderId);
	}
	const options = this.getNodeParameter('packetOptions', first, {}) as IDataObject;
	const unitOfWeight = (options.weightUnit as WeightUnit | undefined) ?? 'lb';
	const minimum = String(options.minimumRefund ?? '').trim();
	if (minimum && !/^\d+(\.\d{1,2})?$/.test(minimum)) {
		throw new NodeOperationError(
			this.getNode(),
			`"Minimum Refund Worth Disputing" must be an amount like 15.00 (got "${minimum}")`,
			{ itemIndex: first },
		);
	}
	let shippedGrams: number | undefined;
	let returnedGrams: number | undefined;
	try {
		shippedGrams = parseWeightGrams(input.shippedWeight, unitOfWeight, 'Shipped Weight');
		returnedGrams = parseWeightGrams(input.returnedWeight, unitOfWeight, 'Returned Weight');
	} catch (error) {
		throw new NodeOperationError(this.getNode(), error as Error, { itemIndex: first });
	}
	const { images, rejected } = await gatherImages(this, unit, input.listingUploadedAt);
	const packet = await buildPacket({
		facts,
		claim,
		input,
		images,
		rejectedImages: rejected,
		shippedGrams,
		returnedGrams,
		thresholdPercent: (options.weightThresholdPercent as number | undefined) ?? 30,
		minimumCents: toCents(minimum) ?? 0,
		nowSeconds: Math.floor(Date.now() / 1000),
	});
	const binary: IBinaryKeyData = {};
	for (const file of packet.files)
		binary[file.key] = await this.helpers.prepareBinaryData(
			file.data,
			file.fileName,
			file.mimeType,
		);
	return [{ output: 0, json: packet.json, binary }];
}
