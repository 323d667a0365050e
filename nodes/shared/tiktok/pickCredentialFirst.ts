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
	name: 'Pick your TikTok Shop credential at the top, then choose "Refresh List" in this field\'s menu',
	value: '',
	description: 'The list comes from your shop, so it needs the credential first',
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
