import type { ILoadOptionsFunctions, INodePropertyOptions } from 'n8n-workflow';

import { getTikTokClient, toNodeError } from '.';
import { TikTokApiError } from './errors';
import { logistics } from './resources';
import { credentialNotPickedYet, PICK_CREDENTIAL_FIRST } from './pickCredentialFirst';

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
		const byName = new Map<string, INodePropertyOptions>();
		let firstError: unknown;
		let answered = 0;
		for (const warehouse of await logistics.getSalesWarehouses(client)) {
			for (const option of await logistics.getDeliveryOptions(client, warehouse.id)) {
				try {
					const providers = await logistics.getShippingProviders(client, option.id);
					answered++;
					for (const provider of providers) {
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
