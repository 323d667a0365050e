import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { openStore } from '../../../../shared/store';
import { parseDocument } from '../parseDocument';
import { readMailbox, type MailboxRead, type MailboxReadSettings } from './readMailbox';
import { IMAP_CREDENTIAL_NAME, readImapCredential } from './imapCredential';
import { readExtractionOptions } from '../readOptions';

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
