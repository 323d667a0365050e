import { NodeConnectionTypes, type INodeProperties, type INodeTypeDescription } from 'n8n-workflow';

import { CREDENTIAL_NAME } from '../../shared/tiktok';
import { requestOptions } from '../../shared/tiktok/requestOptions';
import { storeProperty } from '../../shared/storeSelection';
import { RETURN_STATUSES } from '../../shared/tiktok/resources/returns';
import { idempotencyKeyField } from '../../shared/tiktok/idempotency';
import {
	CANCELLATION_STATUS_NAMES,
	IMAGE_USE_CASE_NAMES,
	RETURN_STATUS_NAMES,
	codeOptions,
} from '../../shared/optionNames';
import { CLAIM_LABELS, CLAIM_TYPES } from './disputes/cases/claimTypes';
import { PHOTO_KINDS } from './disputes/packet/photoKinds';
import { shopParameter } from '../../shared/tiktok/shopParameter';
import { credentialsFirst } from '../../shared/credentialsFirst';

/** Submit answers on three outputs; the other operations on one. */
const OUTPUTS: `={{${string}}}` = `={{ $parameter.operation === "submit" ? [{ "type": "${NodeConnectionTypes.Main}", "displayName": "Submitted" }, { "type": "${NodeConnectionTypes.Main}", "displayName": "Skipped" }, { "type": "${NodeConnectionTypes.Main}", "displayName": "Error" }] : ["${NodeConnectionTypes.Main}"] }}`;

const showFindCases = { operation: ['findCases'] };
const showBuildPacket = { operation: ['buildPacket'] };
const showSubmit = { operation: ['submit'] };

const CANCEL_STATUSES = [
	'CANCELLATION_REQUEST_PENDING',
	'CANCELLATION_REQUEST_SUCCESS',
	'CANCELLATION_REQUEST_CANCEL',
	'CANCELLATION_REQUEST_COMPLETE',
];

/** TikTok's product-image use cases (upload-product-image-202309); none is meant for return evidence. */
const USE_CASES = [
	'DESCRIPTION_IMAGE',
	'MAIN_IMAGE',
	'ATTRIBUTE_IMAGE',
	'CERTIFICATION_IMAGE',
	'SIZE_CHART_IMAGE',
];

const findCasesFields: INodeProperties[] = [
	{
		displayName: 'Case Types',
		name: 'caseTypes',
		type: 'multiOptions',
		options: [
			{ name: 'Returns and Refunds', value: 'return' },
			{ name: 'Cancellations', value: 'cancellation' },
		],
		default: ['return', 'cancellation'],
		displayOptions: { show: showFindCases },
	},
	{
		displayName: 'Return Statuses',
		name: 'returnStatuses',
		type: 'multiOptions',
		options: codeOptions(RETURN_STATUSES, RETURN_STATUS_NAMES),
		default: [
			'RETURN_OR_REFUND_REQUEST_PENDING',
			'BUYER_SHIPPED_ITEM',
			'REFUND_OR_RETURN_REQUEST_REJECT',
		],
		description:
			'Pending requests and returned packages wait for your answer; rejected ones may be in arbitration',
		displayOptions: { show: { ...showFindCases, caseTypes: ['return'] } },
	},
	{
		displayName: 'Return Types',
		name: 'returnTypes',
		type: 'multiOptions',
		options: [
			{ name: 'Refund Only', value: 'REFUND' },
			{ name: 'Return and Refund', value: 'RETURN_AND_REFUND' },
			{ name: 'Replacement', value: 'REPLACEMENT' },
		],
		default: [],
		description: 'Empty: all types',
		displayOptions: { show: { ...showFindCases, caseTypes: ['return'] } },
	},
	{
		displayName: 'Cancellation Statuses',
		name: 'cancelStatuses',
		type: 'multiOptions',
		options: codeOptions(CANCEL_STATUSES, CANCELLATION_STATUS_NAMES),
		default: ['CANCELLATION_REQUEST_PENDING'],
		displayOptions: { show: { ...showFindCases, caseTypes: ['cancellation'] } },
	},
	{
		displayName: 'Only Cases That Need Action',
		name: 'onlyNeedingAction',
		type: 'boolean',
		default: true,
		description:
			'Whether to keep only cases with a seller deadline (TikTok waits for your answer) or in arbitration',
		displayOptions: { show: showFindCases },
	},
	{
		displayName: 'Emit Each Case Once per Status',
		name: 'emitOncePerStatus',
		type: 'boolean',
		default: false,
		description:
			'Whether to remember the cases already emitted, so a scheduled workflow alerts once per case and status rather than on every run',
		displayOptions: { show: showFindCases },
	},
	{ ...storeProperty, displayOptions: { show: { ...showFindCases, emitOncePerStatus: [true] } } },
	{
		displayName: 'Memory Name',
		name: 'memoryName',
		type: 'string',
		default: '={{ $workflow.id }}',
		description: 'Workflows with the same name share what was already emitted',
		displayOptions: { show: { ...showFindCases, emitOncePerStatus: [true] } },
	},
	{
		displayName: 'Options',
		name: 'findOptions',
		type: 'collection',
		placeholder: 'Add option',
		default: {},
		displayOptions: { show: showFindCases },
		options: [
			{ displayName: 'Created After', name: 'createdAfter', type: 'dateTime', default: '' },
			{
				displayName: 'Max Cases',
				name: 'maxCases',
				type: 'number',
				typeOptions: { minValue: 1 },
				default: 1000,
				description: 'Per case type',
			},
			{
				displayName: 'Remember for (Days)',
				name: 'rememberDays',
				type: 'number',
				typeOptions: { minValue: 1 },
				default: 90,
				description: 'How long an emitted case and status is remembered',
			},
		],
	},
];

const buildPacketFields: INodeProperties[] = [
	{
		displayName: 'Case',
		name: 'caseData',
		type: 'json',
		default: '={{ $json }}',
		description:
			"The case from Find Cases Needing Action (or a TikTok return or cancellation). When files were gathered in between, point at that node, e.g. {{ $('Cases Needing Action').item.json }}.",
		displayOptions: { show: showBuildPacket },
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
		displayOptions: { show: showBuildPacket },
	},
	{
		displayName: 'Pool Files of the Same Case',
		name: 'poolByCase',
		type: 'boolean',
		default: true,
		description:
			'Whether input items that belong to the same case (for example one item per photo from Read Files from Disk) make one packet',
		displayOptions: { show: showBuildPacket },
	},
	{
		displayName: "Add TikTok's Tracking History",
		name: 'trackingFromTikTok',
		type: 'boolean',
		default: false,
		description:
			"Whether to fetch the order's carrier scans from TikTok when Scan Events is empty: the history TikTok's agents see. Needs the TikTok Shop credential.",
		displayOptions: { show: showBuildPacket },
	},
	{
		displayName: 'Evidence',
		name: 'evidence',
		type: 'collection',
		placeholder: 'Add evidence',
		default: {},
		displayOptions: { show: showBuildPacket },
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
		displayOptions: { show: showBuildPacket },
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

const submitFields: INodeProperties[] = [
	{
		displayName: 'Case ID',
		name: 'caseId',
		type: 'string',
		required: true,
		default: '={{ $json.case_id }}',
		description: "The packet's case; set to a literal ID to list that case's reject reasons below",
		displayOptions: { show: showSubmit },
	},
	{
		displayName: 'Reject Reason Name or ID',
		name: 'rejectReason',
		type: 'options',
		// No loadOptionsDependsOn: the editor resolves such parameters strictly, and "Case ID" is an expression on
		// $json that fails before the workflow has run, which left this list showing only "Error fetching options".
		typeOptions: { loadOptionsMethod: 'getRejectReasons' },
		default: 'auto',
		description:
			'TikTok\'s reasons for this case (GET reject_reasons). "Best match for the claim" picks the one that answers the packet\'s claim, and skips the case when none does. Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
		displayOptions: { show: showSubmit },
	},
	{
		displayName: 'Submit Packets That Are Not Ready',
		name: 'submitNotReady',
		type: 'boolean',
		default: false,
		description:
			'Whether to submit packets whose verdict is not "ready". Off: they go to Skipped with the reason.',
		displayOptions: { show: showSubmit },
	},
	{
		displayName: 'Attach the Summary Image',
		name: 'attachSummary',
		type: 'boolean',
		default: true,
		description:
			'Whether to upload the rendered evidence summary as the first image: the API takes images only, so this is how the scan timeline reaches TikTok',
		displayOptions: { show: showSubmit },
	},
	{
		displayName: 'Image Use Case',
		name: 'imageUseCase',
		type: 'options',
		options: codeOptions(USE_CASES, IMAGE_USE_CASE_NAMES),
		default: 'DESCRIPTION_IMAGE',
		description:
			'The product image upload needs a use case and none is meant for return evidence (unconfirmed, reference §11). Description image is the default because it takes any aspect ratio (main image expects square product shots); change it only if TikTok refuses the upload.',
		displayOptions: { show: showSubmit },
	},
	{
		...idempotencyKeyField,
		description:
			'Leave empty to derive one from the case and the packet, so running the workflow again never submits twice',
		displayOptions: { show: showSubmit },
	},
];

export const versionDescription: Omit<
	INodeTypeDescription,
	'displayName' | 'name' | 'group' | 'description'
> & {
	version: number;
} = {
	version: 1,
	defaults: { name: 'TikTok Shop Evidence Submit' },
	inputs: [NodeConnectionTypes.Main],
	outputs: OUTPUTS,
	credentials: [
		// Build Evidence Packet calls TikTok only when asked to fetch the tracking history.
		{
			name: CREDENTIAL_NAME,
			required: true,
			displayOptions: {
				show: { operation: ['findCases', 'submit', 'buildPacket'] },
				hide: { trackingFromTikTok: [false] },
			},
		},
		{
			name: 'tikTokShopRedis',
			required: true,
			testedBy: 'tikTokShopRedisTest',
			displayOptions: { show: { stateStore: ['redis'] } },
		},
	],
	properties: [
		credentialsFirst,
		shopParameter,
		{
			displayName: 'Operation',
			name: 'operation',
			type: 'options',
			noDataExpression: true,
			options: [
				{
					name: 'Build Evidence Packet',
					value: 'buildPacket',
					action: 'Build an evidence packet',
					description:
						"Check the evidence against the claim's checklist, prepare the photos and render a one-page summary (PNG and PDF)",
				},
				{
					name: 'Find Cases Needing Action',
					value: 'findCases',
					action: 'Find cases needing action',
					description:
						'Returns, refunds and cancellations waiting for your answer, soonest deadline first',
				},
				{
					name: 'Submit',
					value: 'submit',
					action: 'Submit an evidence packet',
					description:
						'Upload the images and reject the return, refund or cancellation with the reason, the comment and the images',
				},
			],
			default: 'findCases',
		},
		{
			displayName:
				"TikTok's API has no dispute, chargeback or appeal endpoint. Evidence reaches TikTok only by rejecting a return, refund or cancellation with images; for arbitration and chargebacks the packet (PDF, photos, text) is for a manual upload in Seller Center.",
			name: 'apiNotice',
			type: 'notice',
			default: '',
		},
		...findCasesFields,
		...buildPacketFields,
		...submitFields,
		{
			...requestOptions,
			displayOptions: {
				show: { operation: ['findCases', 'submit', 'buildPacket'] },
				hide: { trackingFromTikTok: [false] },
			},
		},
	],
};
