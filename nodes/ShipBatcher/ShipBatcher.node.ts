import {
	VersionedNodeType,
	type INodeTypeBaseDescription,
	type IVersionedNodeType,
} from 'n8n-workflow';

import { ShipBatcherV1 } from './v1/ShipBatcherV1.node';
import { readmeSection } from '../shared/readmeSection';

export class ShipBatcher extends VersionedNodeType {
	constructor() {
		const baseDescription: INodeTypeBaseDescription = {
			displayName: 'TikTok Shop Ship Batcher',
			name: 'tikTokShopShipBatcher',
			documentationUrl: readmeSection('tiktok-shop-ship-batcher'),
			icon: { light: 'file:shipBatcher.svg', dark: 'file:shipBatcher.dark.svg' },
			group: ['output'],
			subtitle: '={{$parameter["batching"] === "collect" ? "Collect, then ship" : "Ship now"}}',
			description:
				'Check 3PL tracking numbers, then mark TikTok Shop orders shipped in rate-limited batches',
			defaultVersion: 1,
		};
		const nodeVersions: IVersionedNodeType['nodeVersions'] = {
			1: new ShipBatcherV1(baseDescription),
		};
		super(nodeVersions, baseDescription);
	}
}
