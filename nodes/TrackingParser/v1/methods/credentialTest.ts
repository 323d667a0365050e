import { ImapFlow } from 'imapflow';
import type {
	ICredentialsDecrypted,
	ICredentialTestFunctions,
	INodeCredentialTestResult,
} from 'n8n-workflow';

import { readImapCredential } from '../parsing/mailbox/imapCredential';

/** Logs in and out, so a wrong password or port shows up when the credential is saved. */
async function threePlImapConnectionTest(
	this: ICredentialTestFunctions,
	credential: ICredentialsDecrypted,
): Promise<INodeCredentialTestResult> {
	const settings = readImapCredential(credential.data ?? {});
	const client = new ImapFlow({
		host: settings.host,
		port: settings.port,
		secure: settings.secure,
		auth: { user: settings.user, pass: settings.password },
		logger: false,
		tls: { rejectUnauthorized: !settings.allowUnauthorizedCerts },
		connectionTimeout: 15_000,
	});
	client.on('error', () => undefined);
	try {
		await client.connect();
		await client.logout();
		return { status: 'OK', message: 'Connection successful' };
	} catch (error) {
		client.close();
		return {
			status: 'Error',
			message: `Could not log in to ${settings.host}:${settings.port}: ${(error as Error).message}`,
		};
	}
}

export const credentialTest = { threePlImapConnectionTest };
