import {
	VersionedNodeType,
	type INodeTypeBaseDescription,
	type IVersionedNodeType,
} from 'n8n-workflow';

import { StockLedgerV1 } from './v1/StockLedgerV1.node';
import { readmeSection } from '../shared/readmeSection';
import { versionDescription } from './v1/actions/versionDescription';
import { subtitleFromOperations } from '../shared/subtitle';

export class StockLedger extends VersionedNodeType {
	constructor() {
		const baseDescription: INodeTypeBaseDescription = {
			displayName: 'TikTok Shop Stock Ledger',
			name: 'tikTokShopStockLedger',
			documentationUrl: readmeSection('tiktok-shop-stock-ledger-and-inventory-push'),
			icon: { light: 'file:stockLedger.svg', dark: 'file:stockLedger.dark.svg' },
			group: ['transform'],
			subtitle: subtitleFromOperations(versionDescription.properties),
			description:
				'One stock book for every sales channel: set on hand, record sales, cancellations, returns and adjustments once per order line, and read stock with sales velocity',
			defaultVersion: 1,
		};
		const nodeVersions: IVersionedNodeType['nodeVersions'] = {
			1: new StockLedgerV1(baseDescription),
		};
		super(nodeVersions, baseDescription);
	}
}
