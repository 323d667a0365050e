import type { ILoadOptionsFunctions, INodePropertyOptions } from 'n8n-workflow';

/** The TikTok Shop API credential type every TikTok Shop drop-down loads with. */
const CREDENTIAL_TYPE = 'tikTokShopApi';

/**
 * What a drop-down lists when n8n asks for its options before the node has a credential. n8n's editor does that on a
 * node just added from the panel: it loads the options at once and picks the default credential a moment later,
 * while that first request is still out, and does not ask again. Listed as an option with the field's empty value,
 * so the field itself shows it instead of "Error fetching options".
 */
export const PICK_CREDENTIAL_FIRST: INodePropertyOptions = {
	name: 'Pick a credential above, then reopen this panel',
	value: '',
	description:
		'This list comes from your TikTok Shop, so it loads once the node has its credential. n8n picks the credential a moment after a node is added: close this panel and open it again, or choose "Refresh List" in this field\'s menu.',
};

/** True when n8n sent no credential with this request, as it does for a freshly added node (see above). */
export async function credentialNotPickedYet(context: ILoadOptionsFunctions): Promise<boolean> {
	try {
		await context.getCredentials(CREDENTIAL_TYPE);
		return false;
	} catch (error) {
		return /does not have any credentials set/i.test(
			error instanceof Error ? error.message : String(error),
		);
	}
}
