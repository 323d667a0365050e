import type { INodeProperties } from 'n8n-workflow';

/**
 * Put first in a node's properties, it places the credential field at the top of the panel. Without it, n8n's panel
 * shows the credential after the last parameter a credential's displayOptions depend on (State Store), mid-panel.
 * n8n-nodes-base's Evaluation nodes do the same.
 */
export const credentialsFirst: INodeProperties = {
	displayName: 'Credentials',
	name: 'credentials',
	type: 'credentials',
	default: '',
};
