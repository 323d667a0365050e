import type { ICredentialType, INodeProperties, Icon } from 'n8n-workflow';

/**
 * The mailbox a 3PL sends shipping confirmations to. Same fields as n8n's built-in IMAP credential:
 * community nodes may only use credentials of their own package, so the pack ships its own.
 */
// eslint-disable-next-line @n8n/community-nodes/credential-test-required -- tested by the node's threePlImapConnectionTest (testedBy in nodes/TrackingParser/v1/actions/versionDescription.ts); IMAP has no HTTP request to test with
export class ThreePlImap implements ICredentialType {
	name = 'threePlImap';

	displayName = '3PL Mailbox (IMAP)';

	icon: Icon = {
		light: 'file:../nodes/TrackingParser/trackingParser.svg',
		dark: 'file:../nodes/TrackingParser/trackingParser.dark.svg',
	};

	documentationUrl = 'https://docs.n8n.io/integrations/builtin/credentials/imap/';

	properties: INodeProperties[] = [
		{
			displayName: 'User',
			name: 'user',
			type: 'string',
			default: '',
			required: true,
			description: 'Usually the full email address of the mailbox',
		},
		{
			displayName: 'Password',
			name: 'password',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			required: true,
			description: 'For Gmail and Outlook, an app password, not the account password',
		},
		{
			displayName: 'Host',
			name: 'host',
			type: 'string',
			default: '',
			required: true,
			placeholder: 'imap.gmail.com',
		},
		{
			displayName: 'Port',
			name: 'port',
			type: 'number',
			default: 993,
		},
		{
			displayName: 'SSL/TLS',
			name: 'secure',
			type: 'boolean',
			default: true,
			description:
				'Whether to connect over TLS from the start (port 993). Turn off only for a server on your own network.',
		},
		// eslint-disable-next-line @n8n/community-nodes/credential-password-field -- an on/off switch, not a secret
		{
			displayName: 'Allow Self-Signed Certificates',
			name: 'allowUnauthorizedCerts',
			type: 'boolean',
			default: false,
			description: 'Whether to connect even if the certificate cannot be verified',
		},
	];
}
