import {
	VersionedNodeType,
	type INodeTypeBaseDescription,
	type IVersionedNodeType,
} from 'n8n-workflow';

import { InventoryPushV1 } from './v1/InventoryPushV1.node';
import { readmeSection } from '../shared/readmeSection';

export class InventoryPush extends VersionedNodeType {
	constructor() {
		const baseDescription: INodeTypeBaseDescription = {
			displayName: 'TikTok Shop Inventory Push',
			name: 'tikTokShopInventoryPush',
			documentationUrl: readmeSection('tiktok-shop-stock-ledger-and-inventory-push'),
			icon: { light: 'file:inventoryPush.svg', dark: 'file:inventoryPush.dark.svg' },
			group: ['output'],
			subtitle:
				'={{$parameter["options"]["dryRun"] ? "Dry run: nothing is sent" : "Push stock to TikTok"}}',
			description:
				'Oversell-proof stock sync to TikTok Shop: listing rules per SKU, bulk read of current quantities, one update per changed product with every warehouse',
			defaultVersion: 1,
		};
		const nodeVersions: IVersionedNodeType['nodeVersions'] = {
			1: new InventoryPushV1(baseDescription),
		};
		super(nodeVersions, baseDescription);
	}
}
