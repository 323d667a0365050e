import type { ILoadOptionsFunctions, INodePropertyOptions } from 'n8n-workflow';

import { getTikTokClient, toNodeError } from '../../../shared/tiktok';
import { logistics, returns } from '../../../shared/tiktok/resources';
import {
	credentialNotPickedYet,
	PICK_CREDENTIAL_FIRST,
} from '../../../shared/tiktok/pickCredentialFirst';

async function salesWarehouses(context: ILoadOptionsFunctions): Promise<logistics.Warehouse[]> {
	const client = await getTikTokClient.call(context);
	return await logistics.getSalesWarehouses(client);
}

export async function getWarehouses(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	if (await credentialNotPickedYet(this)) return [PICK_CREDENTIAL_FIRST];
	try {
		return (await salesWarehouses(this)).map((warehouse) => ({
			name: `${warehouse.name}${warehouse.is_default ? ' (default)' : ''}`,
			value: warehouse.id,
		}));
	} catch (error) {
		throw toNodeError(this.getNode(), error);
	}
}

/** Every sales warehouse's delivery options, so the user need not pick a warehouse first. */
export async function getDeliveryOptions(
	this: ILoadOptionsFunctions,
): Promise<INodePropertyOptions[]> {
	if (await credentialNotPickedYet(this)) return [PICK_CREDENTIAL_FIRST];
	try {
		const client = await getTikTokClient.call(this);
		const options: INodePropertyOptions[] = [];
		for (const warehouse of await salesWarehouses(this)) {
			for (const option of await logistics.getDeliveryOptions(client, warehouse.id)) {
				options.push({
					name: `${option.name} (${warehouse.name})`,
					value: option.id,
					description: option.type,
				});
			}
		}
		return options;
	} catch (error) {
		throw toNodeError(this.getNode(), error);
	}
}

export async function getRejectReasons(
	this: ILoadOptionsFunctions,
): Promise<INodePropertyOptions[]> {
	const returnId = String(this.getCurrentNodeParameter('returnId') ?? '').trim();
	if (!returnId || returnId.startsWith('=')) return [];
	if (await credentialNotPickedYet(this)) return [PICK_CREDENTIAL_FIRST];
	try {
		const client = await getTikTokClient.call(this);
		return (await returns.getRejectReasons(client, returnId)).map((reason) => ({
			name: reason.text || reason.name,
			value: reason.name,
		}));
	} catch (error) {
		throw toNodeError(this.getNode(), error);
	}
}
