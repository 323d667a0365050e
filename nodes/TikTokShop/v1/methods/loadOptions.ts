import type { ILoadOptionsFunctions, INodePropertyOptions } from 'n8n-workflow';

import { getTikTokClient, toNodeError } from '../../../shared/tiktok';
import { logisticsPaths, returnPaths } from '../../../shared/tiktok/resources/paths';
import {
	credentialNotPickedYet,
	PICK_CREDENTIAL_FIRST,
} from '../../../shared/tiktok/pickCredentialFirst';

interface Warehouse {
	id: string;
	name: string;
	type?: string;
	is_default?: boolean;
}
interface DeliveryOption {
	id: string;
	name: string;
	type?: string;
}

async function salesWarehouses(context: ILoadOptionsFunctions): Promise<Warehouse[]> {
	const client = await getTikTokClient.call(context);
	const { data } = await client.get<{ warehouses?: Warehouse[] }>(logisticsPaths.warehouses);
	return (data.warehouses ?? []).filter((warehouse) => warehouse.type !== 'RETURN_WAREHOUSE');
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
			const { data } = await client.get<{ delivery_options?: DeliveryOption[] }>(
				logisticsPaths.deliveryOptions(warehouse.id),
			);
			for (const option of data.delivery_options ?? []) {
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
		const { data } = await client.get<{ reasons?: Array<{ name: string; text: string }> }>(
			returnPaths.rejectReasons,
			{
				return_or_cancel_id: returnId,
			},
		);
		return (data.reasons ?? []).map((reason) => ({
			name: reason.text || reason.name,
			value: reason.name,
		}));
	} catch (error) {
		throw toNodeError(this.getNode(), error);
	}
}
