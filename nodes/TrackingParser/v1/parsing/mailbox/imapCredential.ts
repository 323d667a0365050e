import type { ICredentialDataDecryptedObject } from 'n8n-workflow';

import type { ImapServer } from './mailboxSession';

export const IMAP_CREDENTIAL_NAME = 'threePlImap';

/** The same fields as n8n's built-in IMAP credential, so users fill it in the same way. */
export function readImapCredential(data: ICredentialDataDecryptedObject): ImapServer {
	return {
		host: String(data.host ?? ''),
		port: Number(data.port ?? 993),
		secure: data.secure !== false,
		user: String(data.user ?? ''),
		password: String(data.password ?? ''),
		allowUnauthorizedCerts: data.allowUnauthorizedCerts === true,
	};
}
