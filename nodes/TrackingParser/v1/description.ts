import { NodeConnectionTypes, type INodeProperties, type INodeTypeDescription } from 'n8n-workflow';

import { IMAP_CREDENTIAL_NAME } from './parsing/mailbox/imapCredential';
import { CARRIER_CODES, carrierDisplayName } from '../../shared/tracking';
import { credentialsFirst } from '../../shared/credentialsFirst';

const showForBinary = { show: { source: ['binary'] } };
const showForMailbox = { show: { source: ['imap'] } };

const binaryInputFields: INodeProperties[] = [
	{
		displayName: 'Input Binary Fields',
		name: 'binaryPropertyNames',
		type: 'string',
		default: '',
		placeholder: 'e.g. data, attachment_0',
		description:
			'Binary fields holding the email (.eml), PDF, Excel (.xlsx, .xls), CSV, HTML or text files, separated by commas. Leave empty to read every binary field of the item (the Email Trigger puts attachments in attachment_0, attachment_1, …).',
		displayOptions: showForBinary,
	},
];

const imapMailboxFields: INodeProperties[] = [
	{
		displayName: 'Mailbox',
		name: 'mailbox',
		type: 'string',
		default: 'INBOX',
		description: "The folder the 3PL's confirmations arrive in",
		displayOptions: showForMailbox,
	},
	{
		displayName: 'From Contains',
		name: 'fromFilter',
		type: 'string',
		default: '',
		placeholder: 'e.g. shipbob.com',
		description: 'Only read messages whose sender contains this text. Leave empty for all.',
		displayOptions: showForMailbox,
	},
	{
		displayName: 'Subject Contains',
		name: 'subjectFilter',
		type: 'string',
		default: '',
		placeholder: 'e.g. shipped',
		description: 'Only read messages whose subject contains this text. Leave empty for all.',
		displayOptions: showForMailbox,
	},
	{
		displayName: 'After Reading',
		name: 'afterProcessing',
		type: 'options',
		default: 'markSeen',
		options: [
			{
				name: 'Mark as Seen',
				value: 'markSeen',
				description: 'Flag each message as read once its rows are output',
			},
			{
				name: 'Move to Folder',
				value: 'move',
				description: 'Move each message to a folder once its rows are output',
			},
			{
				name: 'Leave Unchanged',
				value: 'nothing',
				description: 'Do not touch the messages; the node still reads each one once',
			},
		],
		displayOptions: showForMailbox,
	},
	{
		displayName: 'Folder',
		name: 'moveToFolder',
		type: 'string',
		default: 'Processed',
		description: 'Created if it does not exist',
		displayOptions: { show: { source: ['imap'], afterProcessing: ['move'] } },
	},
	{
		displayName: 'On the First Run',
		name: 'firstRun',
		type: 'options',
		default: 'existing',
		options: [
			{ name: 'Read Messages Already There', value: 'existing' },
			{ name: 'Only Read Messages Arriving From Now On', value: 'newOnly' },
		],
		displayOptions: showForMailbox,
	},
	{
		displayName: 'Max Messages per Run',
		name: 'maxMessages',
		type: 'number',
		typeOptions: { minValue: 1 },
		default: 50,
		description: 'The rest are read on the next runs, oldest first',
		displayOptions: showForMailbox,
	},
	{
		displayName: 'Mailbox Options',
		name: 'mailboxOptions',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		displayOptions: showForMailbox,
		options: [
			{
				displayName: 'Reconnect Attempts',
				name: 'reconnectAttempts',
				type: 'number',
				typeOptions: { minValue: 0 },
				default: 3,
				description: 'How often to reconnect when the server drops the connection, per step',
			},
			{
				displayName: 'State File',
				name: 'storePath',
				type: 'string',
				default: '',
				description:
					'Where the node remembers which messages it has read. Leave empty for tiktok-shop-ops.sqlite in the n8n folder.',
			},
		],
	},
];

const extractionOptions: INodeProperties = {
	displayName: 'Options',
	name: 'options',
	type: 'collection',
	placeholder: 'Add Option',
	default: {},
	options: [
		{
			displayName: 'Expected Carrier',
			name: 'expectedCarrier',
			type: 'options',
			default: '',
			options: [
				{ name: 'Any', value: '' },
				...CARRIER_CODES.map((code) => ({ name: carrierDisplayName(code), value: code })),
			],
			description:
				'The carrier this 3PL usually ships with. Numbers of other carriers then need a label or a carrier name next to them.',
		},
		{
			displayName: 'Max File Size (MB)',
			name: 'maxFileSizeMb',
			type: 'number',
			typeOptions: { minValue: 0.1 },
			default: 10,
			description:
				'Emails, attachments and files above this size are reported on the Unparsed output instead of read',
		},
		{
			displayName: 'Minimum Confidence',
			name: 'minConfidence',
			type: 'number',
			typeOptions: { minValue: 0, maxValue: 1, numberPrecision: 2 },
			default: 0.6,
			description:
				'Numbers found with less confidence than this are not output as rows; they are listed on the Unparsed output if nothing else was found',
		},
		{
			displayName: 'Order ID Field',
			name: 'orderIdField',
			type: 'string',
			default: '',
			placeholder: 'e.g. orderId',
			description:
				'A field of the input item that holds the TikTok order ID, used when the document names none (binary input only)',
		},
		{
			displayName: 'Order Reference Mapping',
			name: 'referenceMapping',
			type: 'json',
			default: '{}',
			description:
				'The 3PL\'s order numbers mapped to TikTok order IDs, e.g. {"SM-104233": "576684019603311365"}, or a list of {"reference": …, "order_id": …}. Use an expression to take it from a sheet.',
		},
		{
			displayName: 'Output Unmapped References',
			name: 'outputUnmappedForLookup',
			type: 'boolean',
			default: false,
			description:
				'Whether rows whose 3PL reference is not in the mapping go to the Rows output with an empty order_id and order_id_from "lookup_needed" (add a lookup before the Ship Batcher), instead of to Unparsed',
		},
	],
};

export const versionDescription: Omit<
	INodeTypeDescription,
	'displayName' | 'name' | 'group' | 'description'
> & {
	version: number;
} = {
	version: 1,
	defaults: { name: '3PL Tracking Parser' },
	usableAsTool: true,
	inputs: [NodeConnectionTypes.Main],
	outputs: [NodeConnectionTypes.Main, NodeConnectionTypes.Main],
	outputNames: ['Rows', 'Unparsed'],
	credentials: [
		{
			name: IMAP_CREDENTIAL_NAME,
			required: true,
			testedBy: 'threePlImapConnectionTest',
			displayOptions: { show: { source: ['imap'] } },
		},
	],
	properties: [
		credentialsFirst,
		{
			displayName: 'Read From',
			name: 'source',
			type: 'options',
			noDataExpression: true,
			options: [
				{
					name: 'Files From Input',
					value: 'binary',
					description:
						'Emails (.eml), PDFs, Excel files, CSVs or text that an earlier node outputs as binary data',
				},
				{
					name: 'IMAP Mailbox',
					value: 'imap',
					description: 'New messages of a mailbox, each read once (run it from a Schedule Trigger)',
				},
			],
			default: 'binary',
		},
		{
			displayName:
				'Rows go to the first output in the shape the Ship Batcher reads. Emails and files that give no row, or an unclear one, go to the Unparsed output with the reason.',
			name: 'outputsNotice',
			type: 'notice',
			default: '',
		},
		...binaryInputFields,
		...imapMailboxFields,
		extractionOptions,
	],
};
