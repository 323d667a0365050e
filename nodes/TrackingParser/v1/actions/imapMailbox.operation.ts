import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { openStore } from '../../../shared/store';
import { parseDocument } from '../../extraction/parseDocument';
import { readMailbox, type MailboxRead, type MailboxReadSettings } from '../../imap/readMailbox';
import { IMAP_CREDENTIAL_NAME, readImapCredential } from '../helpers/imapCredential';
import { readExtractionOptions } from './extractionOptions';

const showFor = { show: { source: ['imap'] } };

export const description: INodeProperties[] = [
	{
		displayName: 'Mailbox',
		name: 'mailbox',
		type: 'string',
		default: 'INBOX',
		description: "The folder the 3PL's confirmations arrive in",
		displayOptions: showFor,
	},
	{
		displayName: 'From Contains',
		name: 'fromFilter',
		type: 'string',
		default: '',
		placeholder: 'e.g. shipbob.com',
		description: 'Only read messages whose sender contains this text. Leave empty for all.',
		displayOptions: showFor,
	},
	{
		displayName: 'Subject Contains',
		name: 'subjectFilter',
		type: 'string',
		default: '',
		placeholder: 'e.g. shipped',
		description: 'Only read messages whose subject contains this text. Leave empty for all.',
		displayOptions: showFor,
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
		displayOptions: showFor,
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
		displayOptions: showFor,
	},
	{
		displayName: 'Max Messages per Run',
		name: 'maxMessages',
		type: 'number',
		typeOptions: { minValue: 1 },
		default: 50,
		description: 'The rest are read on the next runs, oldest first',
		displayOptions: showFor,
	},
	{
		displayName: 'Mailbox Options',
		name: 'mailboxOptions',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		displayOptions: showFor,
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

/** Reads new messages of the mailbox once for the whole execution. */
export async function execute(this: IExecuteFunctions): Promise<MailboxRead> {
	const credential = readImapCredential(await this.getCredentials(IMAP_CREDENTIAL_NAME));
	const mailboxOptions = this.getNodeParameter('mailboxOptions', 0, {}) as IDataObject;
	const options = readExtractionOptions.call(this, 0);
	const settings: MailboxReadSettings = {
		...credential,
		mailbox: String(this.getNodeParameter('mailbox', 0, 'INBOX') || 'INBOX'),
		fromFilter: String(this.getNodeParameter('fromFilter', 0, '') ?? '').trim() || undefined,
		subjectFilter: String(this.getNodeParameter('subjectFilter', 0, '') ?? '').trim() || undefined,
		afterProcessing: this.getNodeParameter(
			'afterProcessing',
			0,
			'markSeen',
		) as MailboxReadSettings['afterProcessing'],
		moveToFolder: String(this.getNodeParameter('moveToFolder', 0, 'Processed') ?? ''),
		maxMessages: Number(this.getNodeParameter('maxMessages', 0, 50)),
		firstRun: this.getNodeParameter('firstRun', 0, 'existing') as MailboxReadSettings['firstRun'],
		maxBytes: options.maxBytes,
		reconnectAttempts:
			typeof mailboxOptions.reconnectAttempts === 'number' ? mailboxOptions.reconnectAttempts : 3,
		reconnectDelayMs: 500,
	};
	const store = await openStore({
		kind: 'embedded',
		path: String(mailboxOptions.storePath ?? '') || undefined,
	});
	// Per workflow and node: two workflows reading one mailbox each see every message once.
	const identity = `${this.getWorkflow().id ?? ''}:${this.getNode().id}:${credential.user}@${credential.host}:${credential.port}/${settings.mailbox}`;
	return await readMailbox(settings, store, identity, async (message) =>
		parseDocument(
			{
				data: message.source,
				fileName: `message-${message.uid}.eml`,
				mimeType: 'message/rfc822',
				source: message.rowSource,
			},
			options,
		),
	);
}
