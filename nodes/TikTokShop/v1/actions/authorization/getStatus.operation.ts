import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { CREDENTIAL_NAME, type TikTokShopClient } from '../../../../shared/tiktok';
import {
	authorizationStatus,
	type AuthorizationSnapshot,
} from '../../../../shared/tiktok/authorizationStatus';

export const description: INodeProperties[] = [
	{
		displayName:
			'One item per shop the credential is authorized for, with the access token expiry and when the authorization (refresh token) ends',
		name: 'authorizationStatusNotice',
		type: 'notice',
		default: '',
		displayOptions: { show: { resource: ['authorization'], operation: ['getStatus'] } },
	},
];

export async function execute(
	this: IExecuteFunctions,
	client: TikTokShopClient,
	itemIndex: number,
): Promise<IDataObject[]> {
	const shops = await client.authorizedShops();
	// Read after the call: it may just have renewed the token, and n8n saved the new expiry into the credential.
	const snapshot = (await this.getCredentials(
		CREDENTIAL_NAME,
		itemIndex,
	)) as unknown as AuthorizationSnapshot;
	return authorizationStatus(shops, snapshot, Math.floor(Date.now() / 1000));
}
