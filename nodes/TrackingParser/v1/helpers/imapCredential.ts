import type { ICredentialDataDecryptedObject } from 'n8n-workflow';

export const IMAP_CREDENTIAL_NAME = 'threePlImap';

export interface ImapCredential {
	host: string;
	port: number;
	secure: boolean;
	user: string;
	password: string;
	allowUnauthorizedCerts: boolean;
}

/** The same fields as n8n's built-in IMAP credential, so users fill it in the same way. */
export function readImapCredential(data: ICredentialDataDecryptedObject): ImapCredential {
	return {
		host: String(data.host ?? ''),
		port: Number(data.port ?? 993),
		secure: data.secure !== false,
		user: String(data.user ?? ''),
		password: String(data.password ?? ''),
		allowUnauthorizedCerts: data.allowUnauthorizedCerts === true,
	};
}
