import {
	NodeOperationError,
	type IBinaryKeyData,
	type IDataObject,
	type IExecuteFunctions,
	type INodeExecutionData,
	type INodeProperties,
} from 'n8n-workflow';

import { CLAIM_LABELS, CLAIM_TYPES, claimTypeOf, isClaimType } from '../cases/claimTypes';
import { factsOfItem } from '../cases/caseFacts';
import { toCents } from '../helpers/money';
import type {
	CaseFacts,
	ClientGetter,
	EvidenceImage,
	EvidenceInput,
	Outcome,
	RejectedImage,
	WorkUnit,
} from '../helpers/interfaces';
import { buildPacket } from '../packet/buildPacket';
import { prepareImage } from '../packet/images';
import { PHOTO_KINDS, photoKindOf } from '../packet/photoKinds';
import { readScanEvents } from '../packet/scanEvents';
import { fetchTikTokTracking } from '../packet/tiktokTracking';
import { parseWeightGrams, type WeightUnit } from '../packet/weights';

const show = { operation: ['buildPacket'] };

export const description: INodeProperties[] = [
	{
		displayName: 'Case',
		name: 'caseData',
		type: 'json',
		default: '={{ $json }}',
		description:
			"The case from Find Cases Needing Action (or a TikTok return or cancellation). When files were gathered in between, point at that node, e.g. {{ $('Cases Needing Action').item.json }}.",
		displayOptions: { show },
	},
	{
		displayName: 'Claim Type',
		name: 'claimType',
		type: 'options',
		options: [
			{ name: 'From the Buyer Reason (Automatic)', value: 'auto' },
			...CLAIM_TYPES.map((claim) => ({ name: CLAIM_LABELS[claim], value: claim })),
		],
		default: 'auto',
		description:
			'Which checklist applies. Returned packages (empty box, wrong or used item returned) need to be chosen: TikTok does not know what arrived.',
		displayOptions: { show },
	},
	{
		displayName: 'Pool Files of the Same Case',
		name: 'poolByCase',
		type: 'boolean',
		default: true,
		description:
			'Whether input items that belong to the same case (for example one item per photo from Read Files from Disk) make one packet',
		displayOptions: { show },
	},
	{
		displayName: "Add TikTok's Tracking History",
		name: 'trackingFromTikTok',
		type: 'boolean',
		default: false,
		description:
			"Whether to fetch the order's carrier scans from TikTok when Scan Events is empty: the history TikTok's agents see. Needs the TikTok Shop credential.",
		displayOptions: { show },
	},
	{
		displayName: 'Evidence',
		name: 'evidence',
		type: 'collection',
		placeholder: 'Add evidence',
		default: {},
		displayOptions: { show },
		options: [
			{ displayName: 'Carrier', name: 'carrier', type: 'string', default: '', placeholder: 'USPS' },
			{
				displayName: 'Listing Images Uploaded At',
				name: 'listingUploadedAt',
				type: 'dateTime',
				default: '',
				description: 'Date for listing images whose EXIF capture date is missing',
			},
			{
				displayName: 'Notes for TikTok',
				name: 'notes',
				type: 'string',
				default: '',
				description: "One more fact for the comment (it is cut to fit TikTok's 500 characters)",
			},
			{
				displayName: 'Packing Video Link',
				name: 'packingVideoUrl',
				type: 'string',
				default: '',
				placeholder: 'https://drive.google.com/file/d/…',
				description: "Google Drive or Vimeo: the hosts TikTok's agents open",
			},
			{
				displayName: 'Photo Kind',
				name: 'photoKind',
				type: 'options',
				options: [
					{ name: 'From the File Name', value: 'auto' },
					...PHOTO_KINDS.map((entry) => ({ name: entry.name, value: entry.kind })),
					{ name: 'Other Photo', value: 'photo' },
				],
				default: 'auto',
				description:
					'What this item\'s photos show. From the file name: "pod"/"delivered" proof of delivery, "listing", "pack"/"label" packing, "open"/"unbox" opened package, "return" returned item, "warehouse" receiving record, "chat" screenshot.',
			},
			{
				displayName: 'Return Scan Events',
				name: 'returnScanEvents',
				type: 'json',
				default: '',
				description: "The return parcel's tracking history, same shape as Scan Events",
			},
			{
				displayName: 'Returned Weight',
				name: 'returnedWeight',
				type: 'string',
				default: '',
				placeholder: '0.3 lb',
				description: 'Weight of the return on arrival',
			},
			{
				displayName: 'Scan Events',
				name: 'scanEvents',
				type: 'json',
				default: '',
				description:
					'The outbound tracking history: a list of {time, description, location} from your tracking node or carrier (AfterShip and EasyPost field names work too)',
			},
			{ displayName: 'Shipped To Address', name: 'shippedToAddress', type: 'string', default: '' },
			{
				displayName: 'Shipped Weight',
				name: 'shippedWeight',
				type: 'string',
				default: '',
				placeholder: '1.2 lb',
				description: 'Weight at shipment, from the 3PL or the label',
			},
			{ displayName: 'Tracking Number', name: 'trackingNumber', type: 'string', default: '' },
		],
	},
	{
		displayName: 'Options',
		name: 'packetOptions',
		type: 'collection',
		placeholder: 'Add option',
		default: {},
		displayOptions: { show },
		options: [
			{
				displayName: 'Binary Properties',
				name: 'binaryProperties',
				type: 'string',
				default: '',
				description:
					'Comma-separated binary properties that hold evidence files. Empty: every file on the item.',
			},
			{
				displayName: 'Empty-Box Weight Threshold (%)',
				name: 'weightThresholdPercent',
				type: 'number',
				typeOptions: { minValue: 1, maxValue: 100 },
				default: 30,
				description:
					'A return lighter than the shipped weight by more than this is flagged for fraud review',
			},
			{
				displayName: 'Minimum Refund Worth Disputing',
				name: 'minimumRefund',
				type: 'string',
				default: '',
				placeholder: '15.00',
				description: 'Smaller refunds get the verdict "not worth disputing"',
			},
			{
				displayName: 'Weight Unit',
				name: 'weightUnit',
				type: 'options',
				options: [
					{ name: 'Pounds', value: 'lb' },
					{ name: 'Ounces', value: 'oz' },
					{ name: 'Kilograms', value: 'kg' },
					{ name: 'Grams', value: 'g' },
				],
				default: 'lb',
				description: 'For weights given as bare numbers',
			},
		],
	},
];

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
