import type { ILoadOptionsFunctions, INodePropertyOptions } from 'n8n-workflow';

import { getTikTokClient, toNodeError } from '.';
import { TikTokApiError } from './errors';
import { logisticsPaths } from './resources/paths';
import { credentialNotPickedYet, PICK_CREDENTIAL_FIRST } from './pickCredentialFirst';

interface Warehouse {
	id: string;
	type?: string;
}
interface DeliveryOption {
	id: string;
}
interface ShippingProvider {
	id: string;
	name: string;
}

/**
 * The shop's shipping providers for a drop-down: those of every delivery option of every sales warehouse, each once,
 * by name (the value a carrier mapping and TikTok's order both use). Options TikTok ships itself have no providers
 * and answer an error, which is skipped; if every option fails, the first error is shown.
 */
export async function getShippingProviders(
	this: ILoadOptionsFunctions,
): Promise<INodePropertyOptions[]> {
	if (await credentialNotPickedYet(this)) return [PICK_CREDENTIAL_FIRST];
	try {
		const client = await getTikTokClient.call(this);
		const { data } = await client.get<{ warehouses?: Warehouse[] }>(logisticsPaths.warehouses);
		const byName = new Map<string, INodePropertyOptions>();
		let firstError: unknown;
		let answered = 0;
		for (const warehouse of (data.warehouses ?? []).filter(
			(candidate) => candidate.type !== 'RETURN_WAREHOUSE',
		)) {
			const options = await client.get<{ delivery_options?: DeliveryOption[] }>(
				logisticsPaths.deliveryOptions(warehouse.id),
			);
			for (const option of options.data.delivery_options ?? []) {
				try {
					const providers = await client.get<{ shipping_providers?: ShippingProvider[] }>(
						logisticsPaths.shippingProviders(option.id),
					);
					answered++;
					for (const provider of providers.data.shipping_providers ?? []) {
						if (!byName.has(provider.name))
							byName.set(provider.name, {
								name: provider.name,
								value: provider.name,
								description: `ID ${provider.id}`,
							});
					}
				} catch (error) {
					if (!(error instanceof TikTokApiError)) throw toNodeError(this.getNode(), error);
					firstError ??= error;
				}
			}
		}
		if (!answered && firstError) throw firstError;
		return [...byName.values()].sort((a, b) => a.name.localeCompare(b.name));
	} catch (error) {
		throw toNodeError(this.getNode(), error);
	}
}
