import { NodeConnectionTypes, type INodeTypeDescription } from 'n8n-workflow';

import { IMAP_CREDENTIAL_NAME } from '../helpers/imapCredential';
import * as binaryInput from './binaryInput.operation';
import { extractionOptions } from './extractionOptions';
import * as imapMailbox from './imapMailbox.operation';
import { credentialsFirst } from '../../../shared/credentialsFirst';

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
						'Emails (.eml), PDFs, CSVs or text that an earlier node outputs as binary data',
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
		...binaryInput.description,
		...imapMailbox.description,
		extractionOptions,
	],
};
